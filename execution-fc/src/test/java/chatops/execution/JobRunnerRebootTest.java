package chatops.execution;

import static chatops.execution.InstanceOutcome.Kind.CHANGED;
import static chatops.execution.InstanceOutcome.Kind.NOT_REPEATED;
import static chatops.execution.JobRunnerChangeTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.ecs.EcsAction;
import chatops.execution.FakeFleet.Call;
import chatops.job.Job;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A reboot happens once per command, however often the job is delivered: ECS's StartTime says
 * whether the instance booted since the command was issued. The fleet answers StartTime to the
 * minute, as ECS does; the worker first runs at 09:00:00.
 */
class JobRunnerRebootTest {
  /** The Front took the command three seconds before the worker first ran it. */
  private static final Instant ISSUED = FakeClock.START.minusSeconds(3);

  private final FakeClock clock = new FakeClock();
  private final FakeFleet fleet = new FakeFleet(clock);
  private final JobRunner runner = Jobs.runner(fleet, clock);

  @Test
  void aRebootDeliveredTwiceWithRetryCountZeroRebootsOnce() {
    fleet.add("i-app", "app", "Running");

    InstanceOutcome first = only(runner.run(reboot(ISSUED), deadline(), false));
    InstanceOutcome again = only(runner.run(reboot(ISSUED), deadline(), false));

    assertEquals(CHANGED, first.kind());
    assertEquals(NOT_REPEATED, again.kind());
    assertEquals(1, fleet.count(Call.CHANGE));
    assertEquals(Instant.parse("2026-03-01T09:00:40Z"), fleet.startTime("i-app"), "booted once, 40 s in");
    assertEquals("• *app* `i-app`: Running — rebooted at 09:00 UTC, after the command was issued — not rebooted"
        + " again", ResultReport.line(EcsAction.REBOOT, "cn-hangzhou", again));
  }

  @Test
  void aPlatformRetryAfterTheRebootSaysWhenItHappened() {
    fleet.add("i-app", "app", "Running");

    runner.run(reboot(ISSUED), deadline(), false);
    InstanceOutcome retry = only(runner.run(reboot(ISSUED), deadline(), true));

    assertEquals(NOT_REPEATED, retry.kind());
    assertEquals("rebooted at 09:00 UTC, after the command was issued — not rebooted again",
        retry.detail().orElseThrow());
    assertEquals(1, fleet.count(Call.CHANGE));
  }

  @Test
  void aRebootIssuedAfterAnUnrelatedEarlierStartStillReboots() {
    fleet.add("i-app", "app", "Running").startedAt("i-app", Instant.parse("2026-03-01T08:30:12Z"));

    InstanceOutcome app = only(runner.run(reboot(ISSUED), deadline(), false));

    assertEquals(CHANGED, app.kind());
    assertEquals(1, fleet.count(Call.CHANGE));
  }

  @Test
  void aRetryWhoseFirstAttemptNeverRebootedReboots() {
    fleet.add("i-app", "app", "Running");

    InstanceOutcome app = only(runner.run(reboot(ISSUED), deadline(), true));

    assertEquals(CHANGED, app.kind(), "ECS says it last booted yesterday, so this command's reboot is still owed");
  }

  @Test
  void anInstanceRebootedByAnyoneAfterTheCommandIsNotRebootedAgain() {
    // The job sat in Function Compute's queue while someone rebooted the instance from the console.
    fleet.add("i-app", "app", "Running").startedAt("i-app", Instant.parse("2026-03-01T08:52:30Z"));

    InstanceOutcome app = only(runner.run(reboot(Instant.parse("2026-03-01T08:40:00Z")), deadline(), false));

    assertEquals(NOT_REPEATED, app.kind());
    assertEquals("rebooted at 08:52 UTC, after the command was issued — not rebooted again",
        app.detail().orElseThrow());
    assertEquals(0, fleet.count(Call.CHANGE));
  }

  // The minute of the command: ECS's "08:59" may be before or after a command issued at 08:59:57.

  @Test
  void aStartInTheCommandsOwnMinuteIsRebootedOnAFirstDelivery() {
    fleet.add("i-app", "app", "Running").startedAt("i-app", Instant.parse("2026-03-01T08:59:20Z"));

    InstanceOutcome app = only(runner.run(reboot(ISSUED), deadline(), false));

    assertEquals(CHANGED, app.kind());
  }

  @Test
  void aStartInTheCommandsOwnMinuteIsNotRebootedOnARedelivery() {
    fleet.add("i-app", "app", "Running").startedAt("i-app", Instant.parse("2026-03-01T08:59:20Z"));

    InstanceOutcome app = only(runner.run(reboot(ISSUED), deadline(), true));

    assertEquals(NOT_REPEATED, app.kind());
    String why = app.detail().orElseThrow();
    assertTrue(why.startsWith("last started at 08:59 UTC, the same minute the command was issued"), why);
    assertTrue(why.endsWith("run `/ecs reboot i-app` if it still needs one"), why);
    assertEquals(0, fleet.count(Call.CHANGE));
  }

  @Test
  void aStartInTheMinuteBeforeTheCommandIsBeforeItEvenOnARedelivery() {
    fleet.add("i-app", "app", "Running").startedAt("i-app", Instant.parse("2026-03-01T08:58:59Z"));

    InstanceOutcome app = only(runner.run(reboot(Instant.parse("2026-03-01T08:59:00.001Z")), deadline(), true));

    assertEquals(CHANGED, app.kind());
  }

  @Test
  void aCommandIssuedOnTheMinuteCountsAnyStartInThatMinuteAsAfterIt() {
    fleet.add("i-app", "app", "Running").startedAt("i-app", Instant.parse("2026-03-01T08:59:59Z"));

    InstanceOutcome app = only(runner.run(reboot(Instant.parse("2026-03-01T08:59:00Z")), deadline(), false));

    assertEquals(NOT_REPEATED, app.kind());
  }

  // Without a StartTime, only the retry count can tell, as before ECS's time was read.

  @Test
  void withoutStartTimeARedeliveredRebootIsNotRepeated() {
    fleet.withoutStartTimes().add("i-app", "app", "Running");

    runner.run(reboot(ISSUED), deadline(), false);
    InstanceOutcome again = only(runner.run(reboot(ISSUED), deadline(), true));

    assertEquals(NOT_REPEATED, again.kind());
    String why = again.detail().orElseThrow();
    assertTrue(why.contains("ECS gave no start time") && why.contains("`/ecs reboot i-app`"), why);
    assertEquals(1, fleet.count(Call.CHANGE));
  }

  @Test
  void withoutStartTimeAFirstDeliveryReboots() {
    fleet.withoutStartTimes().add("i-app", "app", "Running");

    assertEquals(CHANGED, only(runner.run(reboot(ISSUED), deadline(), false)).kind());
  }

  private static Job reboot(Instant issuedAt) {
    return Jobs.builder(EcsAction.REBOOT, "i-app").issuedAt(issuedAt).build();
  }

  private Instant deadline() {
    return clock.instant().plusSeconds(290);
  }
}
