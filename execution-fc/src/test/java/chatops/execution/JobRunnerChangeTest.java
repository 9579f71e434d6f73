package chatops.execution;

import static chatops.execution.InstanceOutcome.Kind.ALREADY;
import static chatops.execution.InstanceOutcome.Kind.CHANGED;
import static chatops.execution.InstanceOutcome.Kind.ENDED_ELSEWHERE;
import static chatops.execution.InstanceOutcome.Kind.NOT_FOUND;
import static chatops.execution.InstanceOutcome.Kind.REACHED;
import static chatops.execution.InstanceOutcome.Kind.REFUSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.ecs.EcsAction;
import chatops.execution.FakeFleet.Call;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start, stop and reboot: what each instance's state before the job leads to. */
class JobRunnerChangeTest {
  private final FakeClock clock = new FakeClock();
  private final FakeFleet fleet = new FakeFleet(clock);
  private final JobRunner runner = Jobs.runner(fleet, clock);
  private final Instant deadline = FakeClock.START.plusSeconds(290);

  @Test
  void aStoppedInstanceIsStartedAndWaitedForUntilRunning() {
    fleet.add("i-web1", "web-1", "Stopped");

    InstanceOutcome web = only(runner.run(Jobs.job(EcsAction.START, "i-web1"), deadline, false));

    assertEquals(CHANGED, web.kind());
    assertEquals("web-1", web.name());
    assertEquals("Stopped", web.before().orElseThrow());
    assertEquals("Running", web.after().orElseThrow());
    assertEquals(32, web.seconds(), "seen Running at the first poll after its 30 s boot (1+2+4+5+5+5+5+5 s)");
    assertEquals("Running", fleet.status("i-web1"));
  }

  @Test
  void anInstanceAlreadyInTheTargetStateIsReportedAndNotTouched() {
    fleet.add("i-web1", "web-1", "Running");

    InstanceOutcome web = only(runner.run(Jobs.job(EcsAction.START, "i-web1"), deadline, false));

    assertEquals(ALREADY, web.kind());
    assertEquals("Running", web.before().orElseThrow());
    assertEquals(0, fleet.count(Call.CHANGE));
    assertEquals(0, fleet.count(Call.STATUSES), "nothing to wait for");
  }

  @Test
  void anUnknownInstanceIsNotFoundAndNeverSentToAChangeCall() {
    InstanceOutcome ghost = only(runner.run(Jobs.job(EcsAction.STOP, "i-ghost"), deadline, false));

    assertEquals(NOT_FOUND, ghost.kind());
    assertEquals(0, fleet.count(Call.CHANGE));
  }

  @Test
  void anInstanceAlreadyStartingIsWaitedForButNotStartedAgain() {
    fleet.add("i-web1", "web-1", "Stopped").moving("i-web1", "Starting", "Running", 10);

    InstanceOutcome web = only(runner.run(Jobs.job(EcsAction.START, "i-web1"), deadline, false));

    assertEquals(REACHED, web.kind());
    assertEquals("Starting", web.before().orElseThrow());
    assertEquals("Running", web.after().orElseThrow());
    assertEquals(0, fleet.count(Call.CHANGE));
  }

  @Test
  void anInstanceMovingAwayFromTheTargetIsExplainedInWords() {
    fleet.add("i-a", "a", "Running").moving("i-a", "Stopping", "Stopped", 60);
    fleet.add("i-b", "b", "Stopped").moving("i-b", "Starting", "Running", 60);
    fleet.add("i-c", "c", "Stopped");

    InstanceOutcome start = only(runner.run(Jobs.job(EcsAction.START, "i-a"), deadline, false));
    InstanceOutcome stop = only(runner.run(Jobs.job(EcsAction.STOP, "i-b"), deadline, false));
    InstanceOutcome reboot = only(runner.run(Jobs.job(EcsAction.REBOOT, "i-c"), deadline, false));

    assertEquals(REFUSED, start.kind());
    assertEquals("it is Stopping; try again when it is Stopped", start.detail().orElseThrow());
    assertEquals("it is Starting; try again when it is Running", stop.detail().orElseThrow());
    assertEquals(REFUSED, reboot.kind());
    assertTrue(reboot.detail().orElseThrow().contains("use `/ecs start i-c`"), reboot.toString());
    assertEquals(0, fleet.count(Call.CHANGE));
  }

  @Test
  void aMixedBatchIsReadOnceChangedOnceAndReportedInTheOrderAsked() {
    fleet.add("i-stopped", "s", "Stopped");
    fleet.add("i-running", "r", "Running");
    fleet.add("i-starting", "g", "Stopped").moving("i-starting", "Starting", "Running", 12);
    fleet.add("i-stopping", "p", "Running").moving("i-stopping", "Stopping", "Stopped", 500);
    fleet.add("i-flaky", "f", "Stopped").failsToBoot("i-flaky");

    JobResult result = runner.run(Jobs.job(EcsAction.START, "i-stopped", "i-running", "i-starting", "i-stopping",
        "i-ghost", "i-flaky"), deadline, false);

    assertEquals(List.of("i-stopped", "i-running", "i-starting", "i-stopping", "i-ghost", "i-flaky"),
        ids(result.outcomes()));
    assertEquals(List.of(CHANGED, ALREADY, REACHED, REFUSED, NOT_FOUND, ENDED_ELSEWHERE), kinds(result.outcomes()));
    assertEquals("Stopped", result.outcomes().get(5).after().orElseThrow(), "the failed boot fell back");
    assertEquals(1, fleet.count(Call.DESCRIBE));
    assertEquals(1, fleet.count(Call.CHANGE));
    assertEquals(List.of("i-stopped", "i-flaky"), fleet.changeCalls().get(0).ids, "only the two that needed it");
  }

  @Test
  void aStopWithForcePassesTheForceThroughAndWaitsForStopped() {
    fleet.add("i-db", "db", "Running");

    JobResult result = runner.run(Jobs.builder(EcsAction.STOP, "i-db").force(true).build(), deadline, false);

    assertEquals(CHANGED, only(result).kind());
    assertEquals("Stopped", only(result).after().orElseThrow());
    assertTrue(fleet.changeCalls().get(0).force);
    assertEquals(ChangeKind.STOP, fleet.changeCalls().get(0).kind);
  }

  @Test
  void aRebootCountsOnlyOnceTheInstanceWasSeenLeavingRunning() {
    fleet.add("i-app", "app", "Running");

    InstanceOutcome app = only(runner.run(Jobs.job(EcsAction.REBOOT, "i-app"), deadline, false));

    assertEquals(CHANGED, app.kind());
    assertEquals("Running", app.before().orElseThrow());
    assertEquals("Running", app.after().orElseThrow());
    assertTrue(app.seconds() >= 40, "not before the 40 s reboot is over: " + app);
  }

  @Test
  void aChangeRefusedByEcsForOneInstanceIsExplainedWhileTheOthersGoAhead() {
    fleet.add("i-a", "a", "Stopped").add("i-b", "b", "Stopped");
    EcsGateway racing = new RacingGateway(fleet, () -> fleet.moving("i-b", "Starting", "Running", 3));

    JobResult result = Jobs.runner(racing, clock).run(Jobs.job(EcsAction.START, "i-a", "i-b"), deadline, false);

    assertEquals(List.of(CHANGED, REFUSED), kinds(result.outcomes()));
    String why = result.outcomes().get(1).detail().orElseThrow();
    assertTrue(why.contains("IncorrectInstanceStatus") && why.contains("`/ecs status i-b`"), why);
  }

  static InstanceOutcome only(JobResult result) {
    assertEquals(1, result.outcomes().size(), result.toString());
    return result.outcomes().get(0);
  }

  static List<String> ids(List<InstanceOutcome> outcomes) {
    return outcomes.stream().map(InstanceOutcome::instanceId).collect(java.util.stream.Collectors.toList());
  }

  static List<InstanceOutcome.Kind> kinds(List<InstanceOutcome> outcomes) {
    return outcomes.stream().map(InstanceOutcome::kind).collect(java.util.stream.Collectors.toList());
  }

  /** Someone else starts an instance between our describe and our change call. */
  private static final class RacingGateway implements EcsGateway {
    private final EcsGateway fleet;
    private final Runnable race;

    RacingGateway(EcsGateway fleet, Runnable race) {
      this.fleet = fleet;
      this.race = race;
    }

    @Override
    public InstancePage describe(String region, List<String> ids) throws EcsException {
      return fleet.describe(region, ids);
    }

    @Override
    public InstanceStatuses statuses(String region, List<String> ids) throws EcsException {
      return fleet.statuses(region, ids);
    }

    @Override
    public ChangeResult change(ChangeKind kind, String region, List<String> ids, boolean force, boolean dryRun)
        throws EcsException {
      race.run();
      return fleet.change(kind, region, ids, force, dryRun);
    }

    @Override
    public InstancePage list(String region, int pageNumber, int pageSize) throws EcsException {
      return fleet.list(region, pageNumber, pageSize);
    }
  }
}
