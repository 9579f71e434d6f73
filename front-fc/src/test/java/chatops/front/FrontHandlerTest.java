package chatops.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import chatops.config.AccessKey;
import chatops.config.ResponseUrlPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

/** The servlet adapter: reading the request as FC delivers it, and writing the receiver's reply. */
class FrontHandlerTest {
  private final List<String> log = new ArrayList<>();
  private final RecordingInvoker invoker = new RecordingInvoker();
  private final AtomicInteger invokersBuilt = new AtomicInteger();

  @Test
  void aSignedCommandIsReadPassedOnAndAnswered() throws IOException {
    Servlet.Response response = send(handler(Front.env()), Servlet.post(signedNow("start i-abc")), "fc-req-9");

    assertEquals(200, response.status);
    assertEquals(HttpReply.JSON, response.headers.get("Content-Type"));
    assertEquals(response.bytes().length, response.contentLength);
    assertEquals("in_channel", Front.parse(response.bytes()).get("response_type").asText());
    assertEquals(1, invoker.calls());
    assertTrue(log.get(log.size() - 1).startsWith("front requestId=fc-req-9 outcome=accepted"), log.toString());
  }

  @Test
  void headerNamesMatchWhateverTheirCase() throws IOException {
    SlashRequest slash = signedNow("status i-abc");
    Map<String, List<String>> shouted = new LinkedHashMap<>();
    slash.headerMap().forEach((name, values) -> shouted.put(name.toUpperCase(Locale.ROOT), values));
    byte[] body = slash.body();

    Servlet.Response response = send(handler(Front.env()),
        Servlet.request("POST", shouted, new ByteArrayInputStream(body), body.length), "fc-req-1");

    assertEquals(200, response.status);
    assertEquals(1, invoker.calls());
  }

  @Test
  void theCredentialsAreThoseOfEachInvocation() throws IOException {
    FrontHandler handler = handler(Front.env());
    FakeContext rotated = new FakeContext("fc-req-2", "STS.next", "next-secret", "next-token", "chatops");

    handler.handleRequest(Servlet.post(signedNow("status i-abc")), new Servlet.Response().servlet,
        FakeContext.withRole("fc-req-1"));
    handler.handleRequest(Servlet.post(signedNow("status i-abc")), new Servlet.Response().servlet, rotated);

    assertEquals(List.of(SlashRequest.STS, AccessKey.of("STS.next", "next-secret", "next-token")), invoker.credentials);
  }

  @Test
  void withoutARoleNothingIsInvokedAndTheUserIsTold() throws IOException {
    Servlet.Response response = new Servlet.Response();
    handler(Front.env()).handleRequest(Servlet.post(signedNow("start i-abc")), response.servlet,
        FakeContext.withoutRole("fc-req-1"));

    assertEquals("ephemeral", Front.parse(response.bytes()).get("response_type").asText());
    assertEquals(0, invoker.calls());
  }

  @Test
  void onlyPostIsTaken() throws IOException {
    Servlet.Response response = send(handler(Front.env()),
        Servlet.request("GET", Map.of(), new ByteArrayInputStream(new byte[0]), 0), "fc-req-1");

    assertEquals(405, response.status);
    assertEquals("POST", response.headers.get("Allow"));
    assertEquals(0, response.bytes().length);
    assertEquals(0, response.contentLength);
  }

  @Test
  void aDeclaredOversizeBodyIsRefusedUnread() throws IOException {
    HttpServletRequest request = Servlet.request("POST", Map.of(), new ByteArrayInputStream(new byte[0]),
        FrontHandler.MAX_BODY_BYTES + 1);

    Servlet.Response response = send(handler(Front.env()), request, "fc-req-1");

    assertEquals(413, response.status);
    assertEquals(0, response.bytes().length);
    verify(request, never()).getInputStream();
  }

  @Test
  void anUndeclaredBodyIsReadOnlyOneBytePastTheCap() throws IOException {
    Endless endless = new Endless();

    Servlet.Response response = send(handler(Front.env()), Servlet.request("POST", Map.of(), endless, -1), "fc-req-1");

    assertEquals(413, response.status);
    assertEquals(FrontHandler.MAX_BODY_BYTES + 1, endless.served);
    assertEquals(0, invoker.calls());
  }

  @Test
  void aBodyOfExactlyTheCapIsReadWhole() throws IOException {
    SlashRequest slash = signedNow("status i-abc");
    int padding = FrontHandler.MAX_BODY_BYTES - slash.body().length - "&pad=".length();
    slash.with("pad", "x".repeat(padding));
    assertEquals(FrontHandler.MAX_BODY_BYTES, slash.body().length);

    Servlet.Response response = send(handler(Front.env()), Servlet.post(slash), "fc-req-1");

    assertEquals(200, response.status);
    assertEquals(1, invoker.calls());
  }

  @Test
  void aBrokenUploadStillLeavesItsLogLine() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset by peer");
      }
    };
    HttpServletRequest request = Servlet.request("POST", Map.of(), broken, -1);

    assertThrows(IOException.class, () -> send(handler(Front.env()), request, "fc-req-1"));
    assertEquals("front requestId=fc-req-1 outcome=read-failed reason=java.io.IOException", log.get(log.size() - 1));
    assertEquals(0, invoker.calls());
  }

  @Test
  void theHandlerStartsOnceWhenThePlatformSkipsTheInitializer() throws IOException {
    FrontHandler handler = handler(Front.env());

    send(handler, Servlet.post(signedNow("status i-abc")), "fc-req-1");
    send(handler, Servlet.post(signedNow("status i-abc")), "fc-req-2");

    assertEquals(1, invokersBuilt.get());
    assertEquals(2, invoker.calls());
  }

  @Test
  void theInitializerStartsItAheadOfTheFirstRequest() throws IOException {
    FrontHandler handler = handler(Front.env());

    handler.initialize(FakeContext.withRole("fc-init"));
    assertEquals(1, invokersBuilt.get());
    assertEquals("front outcome=started auth=signature warmedUp=true", log.get(0));

    send(handler, Servlet.post(signedNow("status i-abc")), "fc-req-1");
    assertEquals(1, invokersBuilt.get());
  }

  @Test
  void aMalformedVariableAnswersEveryRequest500AndTheLogNamesItButNotItsValue() throws IOException {
    Map<String, String> env = Front.env();
    env.put("ECS_MAX_INSTANCES", "7x7x");
    FrontHandler handler = handler(env);
    handler.initialize(FakeContext.withRole("fc-init"));

    for (String requestId : List.of("fc-req-1", "fc-req-2")) {
      Servlet.Response response = send(handler, Servlet.post(signedNow("start i-abc")), requestId);
      assertEquals(500, response.status);
      assertEquals(0, response.bytes().length);
    }

    assertEquals(0, invoker.calls());
    assertEquals(3, log.size(), log.toString());
    for (String line : log) {
      assertTrue(line.contains("outcome=misconfigured reason=\"ECS_MAX_INSTANCES "), line);
      assertFalse(line.contains("7x7x"), line);
      assertFalse(line.contains(SlashRequest.SECRET), line);
    }
  }

  @Test
  void aMissingRequiredVariableIsNamed() throws IOException {
    Map<String, String> env = Front.env();
    env.remove("SLACK_CHANNEL");

    Servlet.Response response = send(handler(env), Servlet.post(signedNow("start i-abc")), "fc-req-1");

    assertEquals(500, response.status);
    assertTrue(log.get(0).contains("SLACK_CHANNEL"), log.toString());
  }

  @Test
  void anUnusableInvokerConfigurationIs500() throws IOException {
    FrontHandler handler = new FrontHandler(Front.env(), slackHosts(), (settings, context) -> {
      throw new IllegalArgumentException("FC service name is missing or malformed");
    }, log::add);

    Servlet.Response response = send(handler, Servlet.post(signedNow("start i-abc")), "fc-req-1");

    assertEquals(500, response.status);
    assertTrue(log.get(0).contains("reason=\"FC invoker: FC service name is missing or malformed\""), log.toString());
  }

  @Test
  void withNothingToVerifyWithTheStartLineSaysWhatToSetAndEveryRequestIsRefused() throws IOException {
    Map<String, String> env = Front.env();
    env.remove("SLACK_SIGNING_SECRET");

    Servlet.Response response = send(handler(env), Servlet.post(signedNow("start i-abc")), "fc-req-1");

    assertEquals("front outcome=started auth=none warmedUp=true unset=SLACK_SIGNING_SECRET,SLACK_TOKEN", log.get(0));
    assertEquals(401, response.status);
    assertEquals(0, invoker.calls());
  }

  @Test
  void onTheLegacyTokenTheStartLineRecommendsTheSigningSecret() {
    Map<String, String> env = Front.env();
    env.remove("SLACK_SIGNING_SECRET");
    env.put("SLACK_TOKEN", "legacy-token-value");

    handler(env).initialize(FakeContext.withRole("fc-init"));

    assertEquals("front outcome=started auth=legacy-token warmedUp=true unset=SLACK_SIGNING_SECRET", log.get(0));
  }

  private FrontHandler handler(Map<String, String> env) {
    return new FrontHandler(env, slackHosts(), (settings, context) -> {
      invokersBuilt.incrementAndGet();
      return invoker;
    }, log::add);
  }

  private static ResponseUrlPolicy slackHosts() {
    return ResponseUrlPolicy.slackHosts(ResponseUrlPolicy.DEFAULT_SLACK_HOSTS);
  }

  private static SlashRequest signedNow(String text) {
    return SlashRequest.command(text).signedAt(Instant.now());
  }

  private static Servlet.Response send(FrontHandler handler, HttpServletRequest request, String requestId)
      throws IOException {
    Servlet.Response response = new Servlet.Response();
    handler.handleRequest(request, response.servlet, FakeContext.withRole(requestId));
    return response;
  }

  /** A client that never stops sending; counts what the handler pulled. */
  private static final class Endless extends InputStream {
    int served;

    @Override
    public int read() {
      served++;
      return 'a';
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'a');
      served += length;
      return length;
    }
  }
}
