package chatops.local.hostile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chatops.config.Variable;
import chatops.local.LocalStack;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults in every service the flow touches, one round of three commands each (start, stop and
 * reboot at once): the target is every command acknowledged within Slack's 3 s or refused with a
 * reason, every result delivered or its loss explained in the log, no change begun twice, and
 * nothing changed for a command the user was told had not started. The table of what happened is
 * printed at the end.
 */
class FaultTableTest {
  private static final List<String> TABLE = new ArrayList<>();
  private static LocalStack local;

  @BeforeAll
  static void start() {
    local = HostileStack.builder().set(Variable.ECS_CMD_CODE, null).set(Variable.ECS_INSTANCES, null).start();
  }

  @AfterAll
  static void stop() {
    local.close();
    System.out.println("| fault | commands | acknowledged | changed | results delivered | losses explained | duplicate changes |");
    System.out.println("|---|---|---|---|---|---|---|");
    TABLE.forEach(System.out::println);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chatops.local.hostile.Fault#all")
  void everyCommandIsAnsweredEveryResultAccountedForAndNothingDoneTwice(Fault fault) throws Exception {
    FaultRound round = FaultRound.run(local, fault);
    TABLE.add(round.row());

    assertAll(
        () -> assertEquals(List.of(), round.problems),
        () -> assertEquals(round.commands, round.inTime, "acknowledged in time"),
        () -> assertEquals(round.accepted, round.delivered + round.explained, "results delivered or explained"),
        () -> assertEquals(0, round.duplicateChanges, "changes begun twice"),
        () -> assertEquals(0, round.changedThoughRefused, "changed though refused"));
  }
}
