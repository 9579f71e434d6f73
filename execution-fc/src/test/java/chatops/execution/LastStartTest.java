package chatops.execution;

import static chatops.execution.LastStart.Order.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ECS's start time against the command's time, at the precision ECS gives. */
class LastStartTest {
  @ParameterizedTest(name = "started {0}, issued {1}: {2}")
  @CsvSource({
      // ECS's minute: the start was somewhere in it.
      "2026-03-01T08:58:00Z, 2026-03-01T08:59:57Z,     BEFORE_COMMAND",
      "2026-03-01T08:58:00Z, 2026-03-01T08:59:00.001Z, BEFORE_COMMAND",
      "2026-03-01T08:59:00Z, 2026-03-01T09:00:00Z,     BEFORE_COMMAND",
      "2026-03-01T08:59:00Z, 2026-03-01T08:59:57Z,     TOO_CLOSE_TO_TELL",
      "2026-03-01T08:59:00Z, 2026-03-01T08:59:00.001Z, TOO_CLOSE_TO_TELL",
      "2026-03-01T08:59:00Z, 2026-03-01T08:59:00Z,     AFTER_COMMAND",
      "2026-03-01T09:00:00Z, 2026-03-01T08:59:59.999Z, AFTER_COMMAND",
      // A reading to the second narrows the doubt to that second.
      "2026-03-01T08:59:56Z, 2026-03-01T08:59:57Z,     BEFORE_COMMAND",
      "2026-03-01T08:59:57Z, 2026-03-01T08:59:57.400Z, TOO_CLOSE_TO_TELL",
      "2026-03-01T08:59:57Z, 2026-03-01T08:59:57Z,     AFTER_COMMAND",
      "2026-03-01T08:59:58Z, 2026-03-01T08:59:57.999Z, AFTER_COMMAND",
  })
  void ordersTheStartAgainstTheCommand(String started, String issued, LastStart.Order expected) {
    assertEquals(expected, LastStart.relativeTo(Optional.of(Instant.parse(started)), Instant.parse(issued)));
  }

  @Test
  void noStartTimeIsUnknown() {
    assertEquals(UNKNOWN, LastStart.relativeTo(Optional.empty(), Instant.parse("2026-03-01T09:00:00Z")));
  }

  @Test
  void theClockShowsNoMorePrecisionThanEcsGave() {
    assertEquals("08:59", LastStart.clock(Instant.parse("2026-03-01T08:59:00Z")));
    assertEquals("08:59:57", LastStart.clock(Instant.parse("2026-03-01T08:59:57Z")));
    assertEquals("minute", LastStart.precisionWord(Instant.parse("2026-03-01T08:59:00Z")));
    assertEquals("second", LastStart.precisionWord(Instant.parse("2026-03-01T08:59:57Z")));
  }
}
