package chatops.local.hostile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.config.ResponseUrlPolicy;
import chatops.local.LocalStack;
import chatops.local.fc.FcLogLine;
import chatops.local.fc.Invocation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jobs handed straight to the Execution function through FC's invoke API, as anyone allowed to
 * invoke it could: each is dropped with a log line that says why, runs once (a drop is not a
 * failure FC would retry), and contacts nothing: no ECS request, no post anywhere. The stack
 * allows response URLs exactly as production does (https on Slack's hosts), so a forged job that
 * slipped through would try to reach ECS and Slack.
 */
class ForgedJobTest {
  private static LocalStack local;
  private static Platform platform;

  @BeforeAll
  static void start() {
    local = HostileStack.builder()
        .responseUrls(ResponseUrlPolicy.slackHosts(ResponseUrlPolicy.DEFAULT_SLACK_HOSTS)).start();
    platform = new Platform(local);
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chatops.local.hostile.ForgedJobs#all")
  void isDroppedAndContactsNothing(ForgedJob forged) {
    local.fc().clearHistory();
    local.ecs().resetCounts();
    local.slack().clearHistory();

    String requestId = platform.deliver(forged.payload(Instant.now()));
    platform.awaitIdle();

    Invocation run = platform.executions().stream().filter(i -> i.requestId().equals(requestId)).findFirst().orElseThrow();
    List<String> lines = local.fc().logLines().stream().filter(l -> requestId.equals(l.requestId()))
        .map(FcLogLine::message).collect(Collectors.toList());
    assertAll(
        () -> assertEquals(1, run.attempts(), "run once, not retried"),
        () -> assertEquals(Invocation.Outcome.SUCCEEDED, run.outcome()),
        () -> assertTrue(lines.stream().anyMatch(l -> l.startsWith("dropped") && l.contains(forged.reason())),
            () -> "a drop saying '" + forged.reason() + "' in " + lines),
        () -> assertFalse(lines.stream().anyMatch(l -> l.contains("capability")), () -> "no response_url path in " + lines),
        () -> assertEquals(0, local.ecs().totalCalls() + local.ecs().totalRejections(), "ECS requests"),
        () -> assertEquals(0, local.slack().posts().size(), "posts to Slack"));
  }

  /** The forged jobs differ from this one in one field each; this one, sent where posts can land, runs. */
  @Test
  void theGenuineJobRunsAndReports() throws InterruptedException {
    try (HostileStack loopback = HostileStack.start(HostileStack.Auth.SIGNATURE)) {
      String url = loopback.local().command("start i-a2").build().responseUrl();
      ObjectNode job = ForgedJob.genuine(Instant.now());
      job.put("responseUrl", url);

      new Platform(loopback.local()).deliver(ForgedJob.bytes(job));

      assertEquals(1, loopback.local().slack().awaitMessages(url, 1, Duration.ofSeconds(20)).size());
      assertTrue(loopback.local().ecs().calls("StartInstances") == 1);
    }
  }

  /**
   * A response_url the policy allows that answers with a redirect: the poster must not follow it,
   * since a 3xx could point anywhere; the result is then lost, and the log says so.
   */
  @Test
  void aRedirectFromTheResponseUrlIsNotFollowed() throws Exception {
    try (HostileStack loopback = HostileStack.start(HostileStack.Auth.SIGNATURE);
        MockWebServer redirecting = new MockWebServer(); MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      redirecting.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", elsewhere.url("/stolen")));
      redirecting.start();
      String url = redirecting.url("/commands/T0001/1/capabilityRRRR").toString();

      Reply reply = new Caller(loopback).send(loopback.local().command("status i-a1").build().withField("response_url", url));
      new Platform(loopback.local()).awaitIdle();

      assertEquals("in_channel", reply.responseType(), reply::toString);
      assertEquals(1, redirecting.getRequestCount(), "posted once to the response_url");
      assertEquals(0, elsewhere.getRequestCount(), "the redirect's target was not contacted");
      List<String> lines = loopback.local().fc().logLines().stream().map(FcLogLine::message).collect(Collectors.toList());
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("report-rejected") && l.contains("302")), () -> "loss explained: " + lines);
      assertFalse(lines.stream().anyMatch(l -> l.contains("capability")), () -> "no response_url path in " + lines);
    }
  }
}
