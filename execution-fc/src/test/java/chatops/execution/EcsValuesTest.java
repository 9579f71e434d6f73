package chatops.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The gateway's answers are values: later changes to the caller's lists do not reach them. */
class EcsValuesTest {
  private static final InstanceInfo WEB = new InstanceInfo("i-aaa1", "web", "Running", "cn-hangzhou-h", "ecs.g7.large",
      null);

  @Test
  void aPageIsACopyAndKnowsWhetherMoreFollow() {
    List<InstanceInfo> source = new ArrayList<>(List.of(WEB));
    InstancePage page = new InstancePage("R1", source, 101, 1, 100);
    source.clear();

    assertEquals(List.of(WEB), page.instances());
    assertThrows(UnsupportedOperationException.class, () -> page.instances().clear());
    assertTrue(page.hasMore());
    assertFalse(new InstancePage("R2", List.of(WEB), 101, 2, 100).hasMore());
  }

  @Test
  void aDryRunThatPassedReadsAsAcceptedForEveryInstance() {
    ChangeResult result = ChangeResult.dryRunPassed(ChangeKind.STOP, "R3", List.of("i-aaa1", "i-bbb2"));
    assertTrue(result.dryRun());
    assertEquals(List.of("i-aaa1", "i-bbb2"), result.changes().stream().map(InstanceChange::instanceId).collect(Collectors.toList()));
    assertTrue(result.changes().stream().allMatch(InstanceChange::accepted));
  }

  @Test
  void statusesFollowThePage() {
    InstanceStatuses statuses = InstanceStatuses.of(new InstancePage("R4", List.of(WEB), 1, 1, 100));
    assertEquals("R4", statuses.requestId());
    assertEquals("Running", statuses.statusOf("i-aaa1").orElseThrow());
    assertTrue(statuses.statusOf("i-zzz9").isEmpty());
  }
}
