package chatops.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.config.ResponseUrlPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The handler as production builds it, through its public constructor, with the real FC invoker
 * pointed at a stand-in FC: the context's STS key and service name must reach the wire.
 */
class FrontOverFcTest {
  private MockWebServer fc;

  @BeforeEach
  void startFc() throws IOException {
    fc = new MockWebServer();
    fc.start();
  }

  @AfterEach
  void stopFc() throws IOException {
    fc.shutdown();
  }

  @Test
  void aCommandBecomesAnAsyncInvocationInTheFrontsOwnService() throws Exception {
    fc.enqueue(new MockResponse().setResponseCode(202).addHeader("X-Fc-Request-Id", "fc-async-77"));

    JsonNode reply = send(env(), "start i-abc");

    assertEquals("in_channel", reply.get("response_type").asText());
    RecordedRequest invocation = fc.takeRequest(1, TimeUnit.SECONDS);
    assertEquals("/2016-08-15/services/chatops/functions/execution/invocations", invocation.getPath());
    assertEquals("Async", invocation.getHeader("X-Fc-Invocation-Type"));
    assertEquals("sts-token-value", invocation.getHeader("x-fc-security-token"));
    assertTrue(invocation.getHeader("Authorization").startsWith("FC STS.role-key:"), invocation.getHeader("Authorization"));
    JsonNode job = Front.parse(invocation.getBody().readByteArray());
    assertEquals("start", job.get("action").asText());
    assertEquals("i-abc", job.get("instanceIds").get(0).asText());
  }

  @Test
  void invokeServiceNamesAnotherService() throws Exception {
    fc.enqueue(new MockResponse().setResponseCode(202).addHeader("X-Fc-Request-Id", "fc-async-78"));
    Map<String, String> env = env();
    env.put("INVOKE_SERVICE", "chatops-exec");

    send(env, "status i-abc");

    assertEquals("/2016-08-15/services/chatops-exec/functions/execution/invocations",
        fc.takeRequest(1, TimeUnit.SECONDS).getPath());
  }

  @Test
  void whenFcRefusesTheUserIsToldNothingWasChanged() throws Exception {
    fc.enqueue(new MockResponse().setResponseCode(403).addHeader("X-Fc-Request-Id", "fc-denied")
        .setBody("{\"ErrorCode\":\"AccessDenied\",\"ErrorMessage\":\"not allowed\"}"));

    JsonNode reply = send(env(), "start i-abc");

    assertEquals("ephemeral", reply.get("response_type").asText());
    assertTrue(reply.get("text").asText().startsWith("Could not start the job"), reply.toString());
  }

  @Test
  void aRefusedCommandNeverReachesFc() throws Exception {
    send(env(), "reboot i-abc");

    assertNull(fc.takeRequest(200, TimeUnit.MILLISECONDS));
  }

  private Map<String, String> env() {
    Map<String, String> env = Front.env();
    env.put("FUNCTION_COMPUTE_ENDPOINT", "http://127.0.0.1:" + fc.getPort());
    env.put("FC_ACCOUNT_ID", "1234567890");
    env.put("FC_REGION", "cn-hangzhou");
    return env;
  }

  private static JsonNode send(Map<String, String> env, String text) throws IOException {
    FrontHandler handler = new FrontHandler(env, ResponseUrlPolicy.slackHosts(ResponseUrlPolicy.DEFAULT_SLACK_HOSTS));
    Servlet.Response response = new Servlet.Response();
    handler.handleRequest(Servlet.post(SlashRequest.command(text).signedAt(Instant.now())), response.servlet,
        FakeContext.withRole("fc-req-1"));
    assertEquals(200, response.status);
    return Front.parse(response.bytes());
  }
}
