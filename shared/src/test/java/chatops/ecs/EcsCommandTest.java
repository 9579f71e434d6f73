package chatops.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A command can only be built consistent, whoever builds it (the grammar or a job reader). */
class EcsCommandTest {

  @Test
  void collapsesRepeatsKeepingFirstPlace() {
    EcsCommand command = EcsCommand.of(EcsAction.STOP, List.of("i-b", "i-a", "i-b"), null, false, false);
    assertEquals(List.of("i-b", "i-a"), command.instanceIds());
  }

  @Test
  void isAValue() {
    EcsCommand a = EcsCommand.of(EcsAction.STOP, List.of("i-a"), "cn-hangzhou", true, false);
    EcsCommand b = EcsCommand.of(EcsAction.STOP, List.of("i-a", "i-a"), "cn-hangzhou", true, false);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals("stop i-a cn-hangzhou --force", a.toString());
  }

  @Test
  void refusesWhatTheGrammarWouldRefuse() {
    assertRefused("instanceIds[1] is not a valid instance ID", EcsAction.START, List.of("i-a", "I-B"), null, false, false);
    assertRefused("start needs at least one instance ID", EcsAction.START, List.of(), null, false, false);
    assertRefused("status needs at least one instance ID", EcsAction.STATUS, List.of(), null, false, false);
    assertRefused("list takes no instance IDs", EcsAction.LIST, List.of("i-a"), null, false, false);
    assertRefused("region is not a valid region ID", EcsAction.LIST, List.of(), "Hangzhou", false, false);
    assertRefused("force does not apply to start", EcsAction.START, List.of("i-a"), null, true, false);
    assertRefused("dryRun does not apply to status", EcsAction.STATUS, List.of("i-a"), null, false, true);
    List<String> many = IntStream.range(0, 101).mapToObj(i -> "i-" + i).collect(Collectors.toList());
    assertRefused("more than 100 instance IDs", EcsAction.STATUS, many, null, false, false);
    assertRefused("instanceIds[0] is not a valid instance ID", EcsAction.STATUS,
        Collections.singletonList(null), null, false, false);
  }

  private static void assertRefused(String message, EcsAction action, List<String> ids, String region,
      boolean force, boolean dryRun) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EcsCommand.of(action, ids, region, force, dryRun));
    assertEquals(message, e.getMessage());
  }
}
