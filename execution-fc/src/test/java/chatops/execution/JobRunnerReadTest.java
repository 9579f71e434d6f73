package chatops.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.ecs.EcsAction;
import chatops.execution.FakeFleet.Call;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code status} and {@code list}: read only, one describe or as few pages as the answer needs. */
class JobRunnerReadTest {
  private final FakeClock clock = new FakeClock();
  private final FakeFleet fleet = new FakeFleet(clock);
  private final Instant deadline = FakeClock.START.plusSeconds(290);

  @Test
  void statusShowsStateNameZoneAndTypeFromOneDescribe() {
    fleet.add("i-web1", "web-1", "Running").add("i-db", "db", "Stopped");

    JobResult result = Jobs.runner(fleet, clock).run(Jobs.job(EcsAction.STATUS, "i-db", "i-ghost", "i-web1"),
        deadline, false);

    assertEquals(List.of(InstanceOutcome.Kind.SHOWN, InstanceOutcome.Kind.NOT_FOUND, InstanceOutcome.Kind.SHOWN),
        JobRunnerChangeTest.kinds(result.outcomes()));
    InstanceOutcome db = result.outcomes().get(0);
    assertEquals("db", db.name());
    assertEquals("Stopped", db.after().orElseThrow());
    assertEquals("cn-hangzhou-h · ecs.g7.large", db.detail().orElseThrow());
    assertEquals(1, fleet.count(Call.DESCRIBE));
    assertEquals(List.of("REQ-1"), result.ecsRequestIds());
  }

  @Test
  void theJobsOwnRegionWinsOverTheDefault() {
    JobResult result = Jobs.runner(fleet, clock).run(Jobs.builder(EcsAction.STATUS, "i-a").region("ap-northeast-1")
        .build(), deadline, false);

    assertEquals("ap-northeast-1", result.region());
  }

  @Test
  void listShowsTheFirst50AndCountsTheRestFromOnePage() {
    fleet.addMany(120, "Running");

    JobResult result = Jobs.runner(fleet, clock).run(Jobs.job(EcsAction.LIST), deadline, false);

    assertEquals(JobRunner.LIST_SHOWN, result.outcomes().size());
    assertEquals(70, result.notShown());
    assertFalse(result.notShownIsAtLeast());
    assertEquals(1, fleet.count(Call.LIST), "ECS's total count says how many more");
  }

  @Test
  void listShowsOnlyTheInstancesThisFunctionMayTouch() {
    fleet.addMany(150, "Running");

    JobResult result = Jobs.runner(fleet, clock, "ECS_INSTANCES", "i-w003,i-w120,i-other")
        .run(Jobs.job(EcsAction.LIST), deadline, false);

    assertEquals(List.of("i-w003", "i-w120"), JobRunnerChangeTest.ids(result.outcomes()));
    assertEquals(0, result.notShown());
    assertEquals(2, fleet.count(Call.LIST), "paged through the whole region");
  }

  @Test
  void aFilteredListStopsPagingAtItsCapAndSaysTheCountIsALowerBound() {
    List<String> ids = fleet.addMany(2100, "Running");
    String allowed = String.join(",", ids.subList(0, 60)) + "," + ids.get(2050);

    JobResult result = Jobs.runner(fleet, clock, "ECS_INSTANCES", allowed).run(Jobs.job(EcsAction.LIST), deadline,
        false);

    assertEquals(JobRunner.LIST_SHOWN, result.outcomes().size());
    assertEquals(10, result.notShown());
    assertTrue(result.notShownIsAtLeast());
    assertEquals(JobRunner.LIST_MAX_PAGES, fleet.count(Call.LIST));
  }

  @Test
  void aListEcsRefusesIsAProblemForTheWholeJob() {
    fleet.failNext(Call.LIST, new EcsException("DescribeInstances", "Forbidden.RAM", "no", "REQ-L", 403));

    JobResult result = Jobs.runner(fleet, clock).run(Jobs.job(EcsAction.LIST), deadline, false);

    assertTrue(result.problem().orElseThrow().contains("`ecs:DescribeInstances`"), result.toString());
    assertEquals(List.of("REQ-L"), result.ecsRequestIds());
  }
}
