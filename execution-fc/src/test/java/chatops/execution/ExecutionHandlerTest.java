package chatops.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.config.AccessKey;
import chatops.config.ResponseUrlPolicy;
import chatops.ecs.EcsAction;
import chatops.execution.FakeFleet.Call;
import chatops.job.Job;
import chatops.job.JobCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A valid job, end to end through the handler, with a fake fleet, poster and clock. */
class ExecutionHandlerTest {
  private final FakeClock clock = new FakeClock();
  private final FakeFleet fleet = new FakeFleet(clock).add("i-web1", "web-1", "Stopped");
  private final RecordingPoster poster = new RecordingPoster();
  private final FakeContext context = new FakeContext();
  private final List<Supplier<AccessKey>> credentials = new ArrayList<>();
  private final Job start = Jobs.job(EcsAction.START, "i-web1");

  @Test
  void aValidJobIsRunReportedToItsResponseUrlAndAudited() throws Exception {
    ExecutionHandler handler = handler();
    handler.initialize(context);

    invoke(handler, start);

    assertEquals(List.of(Jobs.RESPONSE_URL), poster.urls);
    String body = poster.bodies.get(0);
    assertTrue(body.contains("\"response_type\":\"in_channel\""), body);
    assertTrue(body.contains("*web-1* `i-web1`: Stopped → Running in 32 s"), body);
    assertTrue(body.contains("<@U0001>") && body.contains("\"blocks\""), body);
    String audit = context.logLines.stream().filter(l -> l.startsWith("INFO audit ")).findFirst().orElseThrow();
    System.out.println(audit);
    assertTrue(audit.startsWith("INFO audit job=job-1 fcRequest=fc-req-1 fcRetry=0 team=T0001 channel=C0001"
        + " user=U0001 action=start region=cn-hangzhou force=false dryRun=false instances=i-web1"
        + " outcomes=i-web1:changed ecsRequests=REQ-1,REQ-2,"), audit);
    assertTrue(audit.endsWith("report=delivered reportTarget=\"https://hooks.slack.com/…\" slackStatus=200 posts=1"
        + " ms=32000"), audit);
    assertSecretsStayOutOfTheLog();
  }

  @Test
  void eachInvocationBringsItsOwnStsCredentials() throws Exception {
    ExecutionHandler handler = handler();
    invoke(handler, Jobs.job(EcsAction.STATUS, "i-web1"));
    AccessKey first = credentials.get(0).get();
    context.keyId = "STS.second";
    context.keySecret = "sts-secret-2";
    context.token = "CAIS-token-2";
    invoke(handler, Jobs.job(EcsAction.STATUS, "i-web1"));

    assertEquals(AccessKey.of("STS.first", "sts-secret-1", "CAIS-token-1"), first);
    assertEquals(AccessKey.of("STS.second", "sts-secret-2", "CAIS-token-2"), credentials.get(0).get());
    assertEquals(1, credentials.size(), "the gateway is built once, by the first call, without initialize");
    assertSecretsStayOutOfTheLog();
  }

  @Test
  void legacyStaticKeysAreUsedWhenSetAndLoggedOnce() throws Exception {
    ExecutionHandler handler = handler("ACCESS_KEY_ID", "LTAIlegacy", "ACCESS_KEY_SECRET", "legacy-secret");
    handler.initialize(context);
    invoke(handler, Jobs.job(EcsAction.STATUS, "i-web1"));
    invoke(handler, Jobs.job(EcsAction.STATUS, "i-web1"));

    assertEquals(AccessKey.of("LTAIlegacy", "legacy-secret", null), credentials.get(0).get());
    assertEquals(1, context.logLines.stream().filter(l -> l.contains("legacy-credentials")).count());
    assertFalse(context.logs().contains("legacy-secret"));
  }

  @Test
  void aReportThatCannotBePostedYetFailsTheInvocationAndTheRerunRepeatsNoChange() throws Exception {
    ExecutionHandler handler = handler();
    poster.answer(PostResult.Outcome.FAILED, "HTTP 503");

    assertThrows(IOException.class, () -> invoke(handler, start));
    assertTrue(context.logs().contains("report-failed"), context.logs());
    context.retryCount = 1;
    context.requestId = "fc-req-2";
    invoke(handler, start);

    assertEquals(1, fleet.changeCalls().size(), "the rerun changed nothing");
    assertEquals(2, poster.urls.size());
    String again = poster.bodies.get(1);
    assertTrue(again.contains("already Running — not touched"), again);
    assertTrue(again.contains("delivered again by Function Compute"), again);
    assertTrue(context.logs().contains("fcRequest=fc-req-2 fcRetry=1"), context.logs());
  }

  @Test
  void aReportSlackRefusesForGoodIsLoggedAndTheInvocationEnds() throws Exception {
    poster.answer(PostResult.Outcome.REJECTED, "expired_url");

    invoke(handler(), start);

    assertEquals(1, poster.urls.size());
    assertTrue(context.logs().contains("report-rejected") && context.logs().contains("expired_url"), context.logs());
  }

  @Test
  void blocksSlackRefusesAreFollowedByOnePlainTextPost() throws Exception {
    poster.answer(PostResult.Outcome.REJECTED, "invalid_blocks");

    invoke(handler(), start);

    assertEquals(2, poster.urls.size(), "at most two posts per job");
    assertTrue(poster.bodies.get(0).contains("\"blocks\""));
    assertFalse(poster.bodies.get(1).contains("\"blocks\""));
    assertTrue(poster.bodies.get(1).contains("Stopped → Running"), poster.bodies.get(1));
    assertTrue(context.logs().contains("report=delivered") && context.logs().contains("posts=2"), context.logs());
  }

  @Test
  void theWaitEndsBeforeTheFunctionsTimeLimitLeavingTimeToReport() throws Exception {
    fleet.bootTime = Duration.ofMinutes(10);
    context.timeLimitMillis = 40_000;

    invoke(handler(), start);

    assertTrue(clock.secondsSinceStart() <= 40 - ExecutionHandler.REPORT_MARGIN.getSeconds(), "" + clock.instant());
    assertTrue(poster.bodies.get(0).contains("Stopped → still Starting after 27 s — try `/ecs status i-web1`"),
        poster.bodies.get(0));
  }

  @Test
  void withoutCredentialsNothingIsAskedOfEcsAndTheUserIsTold() throws Exception {
    context.credentials = false;

    invoke(handler(), start);

    assertEquals("describe=0 change=0 status=0 list=0", fleet.counts());
    assertTrue(poster.bodies.get(0).contains("no credentials for ECS"), poster.bodies.get(0));
  }

  @Test
  void aDryRunThroughTheHandlerChangesNothing() throws Exception {
    invoke(handler(), Jobs.builder(EcsAction.START, "i-web1").dryRun(true).build());

    assertEquals("Stopped", fleet.status("i-web1"));
    assertTrue(poster.bodies.get(0).contains("a start would succeed"), poster.bodies.get(0));
    assertEquals(0, fleet.count(Call.STATUSES));
  }

  private void assertSecretsStayOutOfTheLog() {
    String logs = context.logs();
    for (String secret : List.of("secretpart", "sts-secret", "CAIS-token")) {
      assertFalse(logs.contains(secret), secret + " in " + logs);
    }
  }

  private ExecutionHandler handler(String... env) {
    Wiring wiring = new Wiring((settings, creds) -> {
      credentials.add(creds);
      return fleet;
    }, urls -> poster, clock, clock.sleeper(), Jobs.retrier(clock));
    return new ExecutionHandler(Jobs.env(env), ResponseUrlPolicy.slackHosts(ResponseUrlPolicy.DEFAULT_SLACK_HOSTS),
        wiring);
  }

  private void invoke(ExecutionHandler handler, Job job) throws IOException {
    handler.handleRequest(new ByteArrayInputStream(new JobCodec().write(job)), new ByteArrayOutputStream(), context);
  }
}
