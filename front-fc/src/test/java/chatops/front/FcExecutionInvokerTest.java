package chatops.front;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.config.AccessKey;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Headers;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The invoker against a stand-in FC endpoint, over real HTTP, as FC 2.0 sees the wire. */
class FcExecutionInvokerTest {
  private static final String ACCOUNT = "1234567890123456";
  private static final String PATH = "/2016-08-15/services/chatops/functions/execution/invocations";
  private static final AccessKey STS = AccessKey.of("STS.keyid1", "secret-one", "token-one");
  private static final AccessKey ROTATED = AccessKey.of("STS.keyid2", "secret-two", "token-two");
  private static final byte[] JOB = "{\"version\":1,\"jobId\":\"j-1\",\"action\":\"start\"}".getBytes(UTF_8);
  private static final Duration BUDGET = Duration.ofMillis(1000);

  private MockWebServer fc;

  @BeforeEach
  void startFc() throws Exception {
    fc = new MockWebServer();
    fc.start();
  }

  @AfterEach
  void stopFc() throws Exception {
    fc.shutdown();
  }

  @Test
  void queuesThePayloadAsAnAsyncInvocationAndReturnsFcsRequestId() throws Exception {
    fc.enqueue(queued("req-202"));

    String requestId = invoker(FcExecutionInvoker.DEFAULT_BUDGET).invokeAsync(JOB, STS);

    assertEquals("req-202", requestId);
    RecordedRequest call = fc.takeRequest(1, TimeUnit.SECONDS);
    assertEquals("POST", call.getMethod());
    assertEquals(PATH, call.getPath());
    assertEquals("Async", call.getHeader("X-Fc-Invocation-Type"));
    assertEquals(ACCOUNT, call.getHeader("x-fc-account-id"));
    assertEquals("token-one", call.getHeader("x-fc-security-token"));
    assertEquals("application/octet-stream", call.getHeader("Content-Type"));
    assertArrayEquals(JOB, call.getBody().readByteArray());
    assertEquals(Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(JOB)),
        call.getHeader("Content-MD5"));
  }

  @Test
  void signsTheRequestTheWayFcVerifiesIt() throws Exception {
    fc.enqueue(queued("req-sig"));

    invoker(FcExecutionInvoker.DEFAULT_BUDGET).invokeAsync(JOB, STS);

    RecordedRequest call = fc.takeRequest(1, TimeUnit.SECONDS);
    ZonedDateTime.parse(call.getHeader("Date"), DateTimeFormatter.RFC_1123_DATE_TIME);
    assertEquals(Set.of("x-fc-account-id", "x-fc-invocation-type", "x-fc-security-token"),
        fcHeaderNames(call), "every x-fc-* header is signed, so none may appear unexpectedly");
    assertEquals("FC STS.keyid1:" + fcSignature("secret-one", call), call.getHeader("Authorization"));
  }

  @Test
  void aStaticKeySendsNoSecurityToken() throws Exception {
    fc.enqueue(queued("req-static"));

    invoker(FcExecutionInvoker.DEFAULT_BUDGET).invokeAsync(JOB, AccessKey.of("LTAIstatic", "static-secret", null));

    RecordedRequest call = fc.takeRequest(1, TimeUnit.SECONDS);
    assertNull(call.getHeader("x-fc-security-token"));
    assertEquals("FC LTAIstatic:" + fcSignature("static-secret", call), call.getHeader("Authorization"));
  }

  @Test
  void aRefusalNamesFcsErrorCodeStatusAndRequestIdButNothingSecret() {
    fc.enqueue(new MockResponse().setResponseCode(403)
        .setHeader("X-Fc-Request-Id", "req-403")
        .setHeader("Content-Type", "application/json")
        .setBody("{\"ErrorCode\":\"AccessDenied\",\"ErrorMessage\":\"token-one may not invoke\"}"));

    InvokeFailedException e = assertThrows(InvokeFailedException.class,
        () -> invoker(FcExecutionInvoker.DEFAULT_BUDGET).invokeAsync(JOB, STS));

    assertEquals("FC invoke failed: status=403 code=AccessDenied fcRequestId=req-403", e.getMessage());
    assertFalse(e.outcomeUnknown(), "FC said no: nothing is queued");
    assertNull(e.getCause());
    assertNoSecrets(e.getMessage());
  }

  @Test
  void aRefusalWithABodyThatIsNotJsonStillFailsWithItsStatus() {
    fc.enqueue(new MockResponse().setResponseCode(404).setBody("<html>not here</html>"));

    InvokeFailedException e = assertThrows(InvokeFailedException.class,
        () -> invoker(FcExecutionInvoker.DEFAULT_BUDGET).invokeAsync(JOB, STS));

    assertTrue(e.getMessage().contains("status=404"), e.getMessage());
  }

  @Test
  void aSynchronousAnswerIsNotAQueuedJob() {
    fc.enqueue(new MockResponse().setResponseCode(200).setHeader("X-Fc-Request-Id", "req-200").setBody("ok"));

    InvokeFailedException e = assertThrows(InvokeFailedException.class,
        () -> invoker(FcExecutionInvoker.DEFAULT_BUDGET).invokeAsync(JOB, STS));

    assertEquals("FC invoke not queued: status=200 fcRequestId=req-200", e.getMessage());
  }

  @Test
  void serverErrorsEveryTimeFailWithFcsCodeWithinTheBudget() {
    fc.setDispatcher(new FixedAnswer(new MockResponse().setResponseCode(503)
        .setHeader("X-Fc-Request-Id", "req-503")
        .setBody("{\"ErrorCode\":\"ServiceUnavailable\",\"ErrorMessage\":\"busy\"}")));

    long started = System.nanoTime();
    InvokeFailedException e = assertThrows(InvokeFailedException.class, () -> invoker(BUDGET).invokeAsync(JOB, STS));

    assertEquals("FC invoke failed: status=503 code=ServiceUnavailable fcRequestId=req-503", e.getMessage());
    assertTrue(millisSince(started) < BUDGET.toMillis() + 1000, "took " + millisSince(started) + " ms");
    assertTrue(fc.getRequestCount() <= 3, "the SDK retries a 5xx at most 3 times in all");
  }

  @Test
  void aServerErrorWithoutABodyStillFailsCleanly() {
    // The SDK's Gson turns an empty 5xx body into null and then trips over it (NullPointerException).
    fc.setDispatcher(new FixedAnswer(new MockResponse().setResponseCode(502)));

    InvokeFailedException e = assertThrows(InvokeFailedException.class, () -> invoker(BUDGET).invokeAsync(JOB, STS));

    assertTrue(e.getMessage().startsWith("FC invoke failed: "), e.getMessage());
  }

  @Test
  void slowServerErrorsCannotStretchTheSdksRetriesPastTheBudget() {
    // Each answer comes just inside the per-attempt read timeout, so only the overall bound stops the
    // SDK's three attempts (about 2.7 s) from running on.
    fc.setDispatcher(new FixedAnswer(new MockResponse().setResponseCode(500)
        .setHeadersDelay(900, TimeUnit.MILLISECONDS)
        .setBody("{\"ErrorCode\":\"InternalServerError\",\"ErrorMessage\":\"slow\"}")));

    long started = System.nanoTime();
    InvokeFailedException e = assertThrows(InvokeFailedException.class, () -> invoker(BUDGET).invokeAsync(JOB, STS));

    assertEquals("FC invoke gave no answer within 1000 ms", e.getMessage());
    assertTrue(millisSince(started) < BUDGET.toMillis() + 1000, "took " + millisSince(started) + " ms");
  }

  @Test
  void aServerThatNeverAnswersFailsWithinTheBudget() {
    fc.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    long started = System.nanoTime();
    InvokeFailedException e = assertThrows(InvokeFailedException.class, () -> invoker(BUDGET).invokeAsync(JOB, STS));

    assertTrue(millisSince(started) < BUDGET.toMillis() + 1000, "took " + millisSince(started) + " ms");
    assertTrue(e.outcomeUnknown(), "FC got the request and may have queued it");
  }

  @Test
  void anUnreachableEndpointFailsAsNoHttpAnswer() throws Exception {
    FcExecutionInvoker invoker = invoker(BUDGET);
    fc.shutdown();

    InvokeFailedException e = assertThrows(InvokeFailedException.class, () -> invoker.invokeAsync(JOB, STS));

    assertEquals("FC invoke failed: status=none code=SDK.ServerUnreachable fcRequestId=-", e.getMessage());
    assertFalse(e.outcomeUnknown(), "no connection, nothing sent");
  }

  @Test
  void rotatedCredentialsRebuildTheClientAndSignTheNextRequest() throws Exception {
    fc.enqueue(queued("req-1"));
    fc.enqueue(queued("req-2"));
    FcExecutionInvoker invoker = invoker(FcExecutionInvoker.DEFAULT_BUDGET);

    invoker.invokeAsync(JOB, STS);
    invoker.invokeAsync(JOB, ROTATED);

    fc.takeRequest(1, TimeUnit.SECONDS);
    RecordedRequest second = fc.takeRequest(1, TimeUnit.SECONDS);
    assertEquals("token-two", second.getHeader("x-fc-security-token"));
    assertEquals("FC STS.keyid2:" + fcSignature("secret-two", second), second.getHeader("Authorization"));
    assertEquals(2, invoker.clientsBuilt());
  }

  @Test
  void unchangedCredentialsReuseTheClient() throws Exception {
    fc.enqueue(queued("req-1"));
    fc.enqueue(queued("req-2"));
    FcExecutionInvoker invoker = invoker(FcExecutionInvoker.DEFAULT_BUDGET);

    invoker.invokeAsync(JOB, STS);
    invoker.invokeAsync(JOB, AccessKey.of("STS.keyid1", "secret-one", "token-one"));

    assertEquals(1, invoker.clientsBuilt());
    fc.takeRequest(1, TimeUnit.SECONDS);
    assertEquals("token-one", fc.takeRequest(1, TimeUnit.SECONDS).getHeader("x-fc-security-token"));
  }

  @Test
  void refusesSettingsTheSdkWouldMisuse() {
    String ok = "http://127.0.0.1:9000";
    assertRefused(ok + "/2016-08-15", ACCOUNT, "cn-hangzhou", "chatops", "execution", BUDGET);
    assertRefused("ftp://127.0.0.1", ACCOUNT, "cn-hangzhou", "chatops", "execution", BUDGET);
    assertRefused(ok, ACCOUNT, "cn-hangzhou", "chat ops", "execution", BUDGET);
    assertRefused(ok, ACCOUNT, "cn-hangzhou", "chatops", "../execution", BUDGET);
    assertRefused(ok, "", "cn-hangzhou", "chatops", "execution", BUDGET);
    assertRefused(ok, ACCOUNT, "Hangzhou", "chatops", "execution", BUDGET);
    assertRefused(ok, ACCOUNT, "cn-hangzhou", "chatops", "execution", Duration.ZERO);
  }

  @Test
  void aBurstLargerThanTheWorkerPoolWaitsItsTurnInsteadOfBeingRefused() throws Exception {
    // 50 Slack commands at once against an FC that takes 200 ms each: more than the worker pool,
    // well inside every caller's budget once queued behind the first 32.
    fc.setDispatcher(new FixedAnswer(queued("req-burst").setHeadersDelay(200, TimeUnit.MILLISECONDS)));
    FcExecutionInvoker invoker = invoker(Duration.ofMillis(1500));
    int callers = 50;
    ExecutorService slack = Executors.newFixedThreadPool(callers);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < callers; i++) answers.add(slack.submit(() -> invoker.invokeAsync(JOB, STS)));
      for (Future<String> answer : answers) assertEquals("req-burst", answer.get(5, TimeUnit.SECONDS));
    } finally {
      slack.shutdownNow();
    }
    assertEquals(callers, fc.getRequestCount());
  }

  @Test
  void anEmptyPayloadIsACallerBug() {
    assertThrows(IllegalArgumentException.class,
        () -> invoker(FcExecutionInvoker.DEFAULT_BUDGET).invokeAsync(new byte[0], STS));
  }

  private FcExecutionInvoker invoker(Duration budget) {
    return new FcExecutionInvoker(fc.url("/").toString(), ACCOUNT, "cn-hangzhou", "chatops", "execution", budget);
  }

  private static void assertRefused(
      String endpoint, String account, String region, String service, String function, Duration budget) {
    assertThrows(IllegalArgumentException.class,
        () -> new FcExecutionInvoker(endpoint, account, region, service, function, budget));
  }

  private static MockResponse queued(String requestId) {
    return new MockResponse().setResponseCode(202).setHeader("X-Fc-Request-Id", requestId);
  }

  /** FC 2.0's canonical string, rebuilt from what arrived on the wire. */
  private static String fcSignature(String secret, RecordedRequest call) throws Exception {
    Headers headers = call.getHeaders();
    Map<String, String> fcHeaders = new TreeMap<>();
    for (String name : headers.names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("x-fc-")) fcHeaders.put(lower, headers.get(name));
    }
    StringBuilder canonical = new StringBuilder()
        .append(call.getMethod()).append('\n')
        .append(headers.get("Content-MD5")).append('\n')
        .append(headers.get("Content-Type")).append('\n')
        .append(headers.get("Date")).append('\n');
    fcHeaders.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
    canonical.append(call.getRequestUrl().encodedPath());

    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(hmac.doFinal(canonical.toString().getBytes(UTF_8)));
  }

  private static Set<String> fcHeaderNames(RecordedRequest call) {
    Set<String> names = new TreeSet<>();
    for (String name : call.getHeaders().names()) {
      if (name.toLowerCase(Locale.ROOT).startsWith("x-fc-")) names.add(name.toLowerCase(Locale.ROOT));
    }
    return names;
  }

  private static void assertNoSecrets(String message) {
    for (String secret : new String[] {"secret-one", "token-one", "may not invoke", "jobId"}) {
      assertFalse(message.contains(secret), "leaks " + secret + ": " + message);
    }
  }

  private static long millisSince(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }

  /** Answers every request alike, however often the SDK retries. */
  private static final class FixedAnswer extends Dispatcher {
    private final MockResponse answer;

    FixedAnswer(MockResponse answer) {
      this.answer = answer;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      return answer.clone();
    }
  }
}
