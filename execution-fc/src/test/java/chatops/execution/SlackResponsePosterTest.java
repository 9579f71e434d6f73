package chatops.execution;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.config.ResponseUrlPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The poster against a local Slack stand-in; waits are recorded, not spent. */
class SlackResponsePosterTest {
  private static final byte[] MESSAGE =
      "{\"response_type\":\"in_channel\",\"text\":\"i-aaa1 Stopped → Running (31 s)\"}".getBytes(UTF_8);
  private static final String CAPABILITY = "/commands/T0001/1234567890/s3cr3tT0k3n";

  private final MockWebServer slack = new MockWebServer();
  private final List<Duration> waits = new ArrayList<>();
  private String responseUrl;

  @BeforeEach
  void start() throws Exception {
    slack.start();
    responseUrl = slack.url(CAPABILITY).toString();
  }

  @AfterEach
  void stop() throws Exception {
    slack.shutdown();
  }

  private ResultPoster poster(ResponseUrlPolicy policy) {
    return new SlackResponsePoster(policy, waits::add, 3, Duration.ofMillis(500), Duration.ofSeconds(5),
        Duration.ofSeconds(2));
  }

  private ResultPoster local() {
    return poster(ResponseUrlPolicy.loopbackForLocalStack());
  }

  @Test
  void postsTheMessageBytesAsJsonOnce() throws Exception {
    slack.enqueue(new MockResponse().setBody("ok"));

    PostResult result = local().post(responseUrl, MESSAGE);

    RecordedRequest request = slack.takeRequest(1, TimeUnit.SECONDS);
    assertEquals("POST", request.getMethod());
    assertEquals(CAPABILITY, request.getPath());
    assertTrue(request.getHeader("Content-Type").startsWith("application/json"), request.getHeader("Content-Type"));
    assertArrayEquals(MESSAGE, request.getBody().readByteArray());
    assertTrue(result.delivered());
    assertEquals(200, result.status());
    assertEquals(1, result.attempts());
    assertFalse(result.toString().contains("s3cr3t"), "the capability never reaches a log line");
  }

  @Test
  void aServerErrorIsTriedAgainAfterABackoff() {
    slack.enqueue(new MockResponse().setResponseCode(500));
    slack.enqueue(new MockResponse().setBody("ok"));

    PostResult result = local().post(responseUrl, MESSAGE);

    assertTrue(result.delivered());
    assertEquals(2, result.attempts());
    assertEquals(List.of(Duration.ofMillis(500)), waits);
  }

  @Test
  void tooManyRequestsWaitsAsLongAsSlackAsks() {
    slack.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2"));
    slack.enqueue(new MockResponse().setBody("ok"));

    PostResult result = local().post(responseUrl, MESSAGE);

    assertTrue(result.delivered());
    assertEquals(List.of(Duration.ofSeconds(2)), waits);
  }

  @Test
  void aRetryAfterBeyondTheCapEndsTheAttemptsInsteadOfWaiting() {
    slack.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "120"));

    PostResult result = local().post(responseUrl, MESSAGE);

    assertEquals(PostResult.Outcome.FAILED, result.outcome());
    assertEquals(1, slack.getRequestCount());
    assertEquals(List.of(), waits);
  }

  @Test
  void aDroppedConnectionIsTriedAgain() {
    slack.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    slack.enqueue(new MockResponse().setBody("ok"));

    PostResult result = local().post(responseUrl, MESSAGE);

    assertTrue(result.delivered());
    assertEquals(2, result.attempts());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 410})
  void aClientErrorIsNeverRetried(int status) {
    slack.enqueue(new MockResponse().setResponseCode(status).setBody("invalid_blocks"));

    PostResult result = local().post(responseUrl, MESSAGE);

    assertEquals(PostResult.Outcome.REJECTED, result.outcome());
    assertEquals(status, result.status());
    assertEquals("invalid_blocks", result.detail());
    assertEquals(1, slack.getRequestCount());
    assertEquals(List.of(), waits);
  }

  @Test
  void givesUpAfterTheLastAttempt() {
    for (int i = 0; i < 5; i++) slack.enqueue(new MockResponse().setResponseCode(503));

    PostResult result = local().post(responseUrl, MESSAGE);

    assertEquals(PostResult.Outcome.FAILED, result.outcome());
    assertEquals(503, result.status());
    assertEquals(3, result.attempts());
    assertEquals(3, slack.getRequestCount());
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), waits);
  }

  @Test
  void aRedirectIsAnAnswerNotADirection() throws Exception {
    MockWebServer elsewhere = new MockWebServer();
    elsewhere.start();
    try {
      slack.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", elsewhere.url("/steal")));

      PostResult result = local().post(responseUrl, MESSAGE);

      assertEquals(PostResult.Outcome.REJECTED, result.outcome());
      assertEquals(302, result.status());
      assertEquals(0, elsewhere.getRequestCount());
    } finally {
      elsewhere.shutdown();
    }
  }

  @Test
  void underTheSlackPolicyAnyOtherHostIsRefusedWithoutContact() {
    ResultPoster production = poster(ResponseUrlPolicy.slackHosts(ResponseUrlPolicy.DEFAULT_SLACK_HOSTS));
    for (String url : List.of(responseUrl, "http://hooks.slack.com/commands/T1/2/abc",
        "https://hooks.slack.com@evil.example/commands/T1/2/abc", "https://hooks.slack.com.evil.example/x",
        "https://hooks.slack.com:8443/commands/T1/2/abc", "ftp://hooks.slack.com/x", "not a url", "")) {
      PostResult result = production.post(url, MESSAGE);
      assertEquals(PostResult.Outcome.REFUSED, result.outcome(), url);
      assertEquals(0, result.attempts(), url);
    }
    assertEquals(0, slack.getRequestCount());
  }

  @Test
  void userInfoTricksAimedAtAnAllowedHostAreRefusedWithoutContact() {
    String authority = "127.0.0.1:" + slack.getPort();
    for (String url : List.of("http://hooks.slack.com@" + authority + CAPABILITY,
        "http://" + authority + "\\@evil.example/", "http://" + authority + "#@evil.example/")) {
      assertEquals(PostResult.Outcome.REFUSED, local().post(url, MESSAGE).outcome(), url);
    }
    assertEquals(0, slack.getRequestCount());
  }
}
