package chatops.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.config.ResponseUrlPolicy;
import chatops.ecs.EcsAction;
import chatops.job.JobCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public constructor the local stack uses, with the real SDK gateway and OkHttp poster, over
 * HTTP to an ECS RPC server and a Slack stand-in: proves the production wiring, not the logic.
 */
class ExecutionHandlerWiredTest {
  private final MockWebServer ecs = new MockWebServer();
  private final MockWebServer slack = new MockWebServer();
  private final FakeContext context = new FakeContext();

  @BeforeEach
  void start() throws Exception {
    ecs.start();
    slack.start();
  }

  @AfterEach
  void stop() throws Exception {
    ecs.shutdown();
    slack.shutdown();
  }

  @Test
  void aStatusJobAsksEcsWithTheInvocationsStsKeyAndPostsToSlack() throws Exception {
    ecs.enqueue(EcsRpc.describeInstances("REQ-W1", 1, 1, 100,
        EcsRpc.instance("i-web1", "web-1", "Running", "cn-hangzhou-h", "ecs.g7.large")));
    slack.enqueue(new MockResponse().setBody("ok"));
    String responseUrl = "http://127.0.0.1:" + slack.getPort() + "/commands/T0001/1/secretpart";
    ExecutionHandler handler = new ExecutionHandler(
        Jobs.env("ECS_ENDPOINT", "http://127.0.0.1:" + ecs.getPort()), ResponseUrlPolicy.loopbackForLocalStack());
    byte[] job = new JobCodec().write(Jobs.builder(EcsAction.STATUS, "i-web1").responseUrl(responseUrl)
        .issuedAt(Instant.now()).build());

    handler.initialize(context);
    handler.handleRequest(new ByteArrayInputStream(job), new ByteArrayOutputStream(), context);

    EcsRpc call = EcsRpc.read(ecs.takeRequest(5, TimeUnit.SECONDS));
    assertEquals("DescribeInstances", call.param("Action"));
    assertEquals("STS.first", call.param("AccessKeyId"));
    assertEquals("CAIS-token-1", call.param("SecurityToken"));
    assertEquals(call.expectedSignature("sts-secret-1"), call.param("Signature"));
    RecordedRequest post = slack.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(post);
    assertEquals("/commands/T0001/1/secretpart", post.getPath());
    String body = post.getBody().readUtf8();
    assertTrue(body.contains("*web-1* `i-web1`: *Running* · cn-hangzhou-h · ecs.g7.large"), body);
    assertTrue(context.logs().contains("ecsRequests=REQ-W1 report=delivered"), context.logs());
  }
}
