package chatops.execution;

import static chatops.execution.InstanceOutcome.Kind.CHANGED;
import static chatops.execution.InstanceOutcome.Kind.FAILED;
import static chatops.execution.InstanceOutcome.Kind.STILL_MOVING;
import static chatops.execution.JobRunnerChangeTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.ecs.EcsAction;
import chatops.execution.FakeFleet.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How many ECS calls a job costs, and what happens when ECS or the clock gets in the way. */
class JobRunnerBatchTest {
  private final FakeClock clock = new FakeClock();
  private final FakeFleet fleet = new FakeFleet(clock);
  private final JobRunner runner = Jobs.runner(fleet, clock);
  private final Instant deadline = FakeClock.START.plusSeconds(290);

  @ParameterizedTest(name = "{0} instance(s)")
  @ValueSource(ints = {1, 50})
  void startingInstancesThatNeed30sToBootCostsOneDescribeOneChangeAndOneStatusCallPerPoll(int count) {
    List<String> ids = fleet.addMany(count, "Stopped");

    JobResult result = runner.run(Jobs.job(EcsAction.START, ids.toArray(new String[0])), deadline, false);

    System.out.println("ECS calls to start " + count + " instance(s) that need 30 s to boot: " + fleet.counts()
        + " (polls " + clock.sleeps() + ")");
    assertTrue(result.outcomes().stream().allMatch(o -> o.kind() == CHANGED), result.toString());
    assertEquals(1, fleet.count(Call.DESCRIBE));
    assertEquals(1, fleet.count(Call.CHANGE));
    assertEquals(clock.sleeps().size(), fleet.count(Call.STATUSES), "one batched status call per poll");
    assertEquals(8, fleet.count(Call.STATUSES), "polls at 1, 3, 7, 12, 17, 22, 27 and 32 s");
  }

  @Test
  void moreThan100InstancesAreChangedAndPolledInBatchesOf100() {
    List<String> ids = fleet.addMany(150, "Stopped");

    JobResult result = runner.change(EcsAction.START, "cn-hangzhou", ids, false, false, FakeClock.START, false,
        deadline);

    System.out.println("ECS calls to start 150 instances that need 30 s to boot: " + fleet.counts());
    assertTrue(result.outcomes().stream().allMatch(o -> o.kind() == CHANGED));
    assertEquals(2, fleet.count(Call.DESCRIBE));
    assertEquals(2, fleet.count(Call.CHANGE));
    assertEquals(100, fleet.changeCalls().get(0).ids.size());
    assertEquals(50, fleet.changeCalls().get(1).ids.size());
    assertEquals(2 * clock.sleeps().size(), fleet.count(Call.STATUSES), "two status calls per poll for 150");
  }

  @Test
  void theRerunOfAJobChangesNothingAndReportsTheSameEndState() {
    fleet.add("i-a", "a", "Stopped").add("i-b", "b", "Running");

    JobResult first = runner.run(Jobs.job(EcsAction.START, "i-a", "i-b"), deadline, false);
    JobResult again = runner.run(Jobs.job(EcsAction.START, "i-a", "i-b"), clock.instant().plusSeconds(290), true);

    assertEquals(List.of(CHANGED, InstanceOutcome.Kind.ALREADY), JobRunnerChangeTest.kinds(first.outcomes()));
    assertEquals(List.of(InstanceOutcome.Kind.ALREADY, InstanceOutcome.Kind.ALREADY),
        JobRunnerChangeTest.kinds(again.outcomes()));
    assertEquals("Running", first.outcomes().get(0).after().orElseThrow());
    assertEquals("Running", again.outcomes().get(0).before().orElseThrow(), "the rerun says what the first one did");
    assertEquals(1, fleet.count(Call.CHANGE), "the rerun sent no change");
  }

  @Test
  void aRerunThatFindsTheFirstRunsChangeStillUnderWayWaitsForIt() {
    fleet.add("i-a", "a", "Stopped");
    runner.run(Jobs.job(EcsAction.START, "i-a"), FakeClock.START.plusSeconds(5), false);

    InstanceOutcome again = only(runner.run(Jobs.job(EcsAction.START, "i-a"), deadline, true));

    assertEquals(InstanceOutcome.Kind.REACHED, again.kind());
    assertEquals("Starting", again.before().orElseThrow());
    assertEquals(1, fleet.count(Call.CHANGE));
  }

  @Test
  void whenTheDeadlineComesInstancesStillMovingAreReportedAsSuch() {
    fleet.bootTime = Duration.ofMinutes(10);
    fleet.add("i-slow", "slow", "Stopped");

    InstanceOutcome slow = only(runner.run(Jobs.job(EcsAction.START, "i-slow"), FakeClock.START.plusSeconds(90),
        false));

    assertEquals(STILL_MOVING, slow.kind());
    assertEquals("Starting", slow.after().orElseThrow());
    assertTrue(slow.seconds() <= 90 && slow.seconds() >= 85, slow.toString());
    assertFalse(clock.instant().isAfter(FakeClock.START.plusSeconds(90)), "no wait ends past the deadline");
  }

  @Test
  void aDryRunAsksEcsWithDryRunAndWaitsForNothing() {
    fleet.add("i-a", "a", "Stopped").add("i-b", "b", "Running");

    JobResult result = runner.run(Jobs.builder(EcsAction.START, "i-a", "i-b").dryRun(true).build(), deadline, false);

    assertTrue(result.dryRun());
    assertEquals(List.of(InstanceOutcome.Kind.WOULD_SUCCEED, InstanceOutcome.Kind.ALREADY),
        JobRunnerChangeTest.kinds(result.outcomes()));
    assertTrue(fleet.changeCalls().get(0).dryRun);
    assertEquals(List.of("i-a"), fleet.changeCalls().get(0).ids);
    assertEquals(0, fleet.count(Call.STATUSES));
    assertEquals("Stopped", fleet.status("i-a"), "a dry run changes nothing");
  }

  @Test
  void aDryRunThatWouldFailSaysWhy() {
    fleet.add("i-a", "a", "Running");
    fleet.forbid(ChangeKind.STOP);

    InstanceOutcome a = only(runner.run(Jobs.builder(EcsAction.STOP, "i-a").dryRun(true).build(), deadline, false));

    assertEquals(InstanceOutcome.Kind.WOULD_FAIL, a.kind());
    assertTrue(a.detail().orElseThrow().contains("`ecs:StopInstances`"), a.toString());
  }

  @Test
  void throttlingIsRetriedWithBackoffAndTheChangeGoesThrough() {
    fleet.add("i-a", "a", "Stopped");
    fleet.failNext(Call.CHANGE, new EcsException("StartInstances", "Throttling.User", "Request was denied due to"
        + " user flow control.", "REQ-THROTTLED", 400));

    JobResult result = runner.run(Jobs.job(EcsAction.START, "i-a"), deadline, false);

    assertEquals(CHANGED, only(result).kind());
    assertEquals(2, fleet.count(Call.CHANGE), "the throttled call and its retry");
    assertEquals(Duration.ofMillis(150), clock.sleeps().get(0), "the retrier's jittered wait, before any poll");
    assertTrue(result.ecsRequestIds().contains("REQ-THROTTLED"), "the audit line names the throttled call too");
  }

  @Test
  void otherEcsErrorsAreNotRetriedAndAreExplained() {
    fleet.add("i-a", "a", "Stopped");
    fleet.failNext(Call.CHANGE, new EcsException("StartInstances", "InvalidParameter", "bad <thing>", "REQ-X", 400));

    InstanceOutcome a = only(runner.run(Jobs.job(EcsAction.START, "i-a"), deadline, false));

    assertEquals(FAILED, a.kind());
    assertEquals("ECS refused: InvalidParameter — bad <thing>", a.detail().orElseThrow());
    assertEquals(1, fleet.count(Call.CHANGE));
  }

  @Test
  void aForbiddenChangeNamesTheRamActionTheRoleLacks() {
    fleet.add("i-a", "a", "Stopped");
    fleet.forbid(ChangeKind.START);

    InstanceOutcome a = only(runner.run(Jobs.job(EcsAction.START, "i-a"), deadline, false));

    assertEquals(FAILED, a.kind());
    assertEquals("the function's RAM role lacks `ecs:StartInstances` (Forbidden.RAM)", a.detail().orElseThrow());
    assertEquals(1, fleet.count(Call.CHANGE), "Forbidden is not retried");
  }

  @Test
  void whenTheStatesCannotBeReadNothingIsChangedAndTheProblemIsSaidOnce() {
    fleet.add("i-a", "a", "Stopped");
    fleet.failNext(Call.DESCRIBE, new EcsException("DescribeInstances", "Forbidden.RAM", "no", "REQ-D", 403));

    JobResult result = runner.run(Jobs.job(EcsAction.START, "i-a"), deadline, false);

    assertEquals("Could not read the instances' states: the function's RAM role lacks `ecs:DescribeInstances`"
        + " (Forbidden.RAM)", result.problem().orElseThrow());
    assertEquals(FAILED, only(result).kind());
    assertEquals(0, fleet.count(Call.CHANGE));
  }

  @Test
  void aPollThatIsThrottledIsRetriedAndTheWaitGoesOn() {
    fleet.add("i-a", "a", "Stopped");
    fleet.failNext(Call.STATUSES, new EcsException("DescribeInstances", "Throttling", "slow down", "REQ-T", 400));

    InstanceOutcome a = only(runner.run(Jobs.job(EcsAction.START, "i-a"), deadline, false));

    assertEquals(CHANGED, a.kind());
  }

  @Test
  void aPollEcsRefusesForGoodEndsTheWaitAndSaysWhy() {
    fleet.add("i-a", "a", "Stopped");
    fleet.failNext(Call.STATUSES, new EcsException("DescribeInstances", "Forbidden.RAM", "no", "REQ-F", 403));

    InstanceOutcome a = only(runner.run(Jobs.job(EcsAction.START, "i-a"), deadline, false));

    assertEquals(STILL_MOVING, a.kind());
    assertEquals("Starting", a.after().orElseThrow(), "as the change call last reported it");
    assertEquals("the last check failed: the function's RAM role lacks `ecs:DescribeInstances` (Forbidden.RAM)",
        a.detail().orElseThrow());
    assertEquals(1, fleet.count(Call.STATUSES), "not polled again");
  }
}
