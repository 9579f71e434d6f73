package chatops.execution;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What ECS's {@code StartTime} says about a Running instance and a reboot command: did it boot
 * after the command was issued? That is the one trace a finished reboot leaves, since the state
 * reads Running before and after.
 *
 * <p>ECS writes {@code StartTime} to the minute ({@code 2017-12-10T04:04Z}), so a start at
 * 04:04:59 reads as 04:04. A reading on a whole minute is therefore taken to mean "some time in
 * that minute" (a value given to the second that happens to fall on :00 is read the same way,
 * which only widens the doubt), and one given to the second as "some time in that second". The
 * command's {@code issuedAt} is compared as it is, with no slack: the Front's and ECS's clocks are
 * both kept by NTP, far closer than a minute.
 */
final class LastStart {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  /** Where the last start falls against the command. */
  enum Order {
    /** At or after the command was issued, whatever the reading's precision: it has booted since. */
    AFTER_COMMAND,
    /** Wholly before the command: it has not booted since, so a reboot is still owed. */
    BEFORE_COMMAND,
    /** In the same minute (or second) as the command, which the reading cannot order. */
    TOO_CLOSE_TO_TELL,
    /** ECS gave no start time, or none we could read. */
    UNKNOWN
  }

  private LastStart() {}

  static Order relativeTo(Optional<Instant> startTime, Instant issuedAt) {
    if (startTime.isEmpty()) return Order.UNKNOWN;
    Instant start = startTime.get();
    ChronoUnit unit = precision(start);
    // The instance started somewhere in [start, start + unit); the command was issued in issuedAt's own unit.
    Instant startUnit = start.truncatedTo(unit);
    Instant issuedUnit = issuedAt.truncatedTo(unit);
    if (startUnit.isBefore(issuedUnit)) return Order.BEFORE_COMMAND;
    if (startUnit.isAfter(issuedUnit) || !start.isBefore(issuedAt)) return Order.AFTER_COMMAND;
    return Order.TOO_CLOSE_TO_TELL;
  }

  /** {@code 09:41} for a reading to the minute, {@code 09:41:07} for one to the second (UTC). */
  static String clock(Instant start) {
    return (precision(start) == ChronoUnit.MINUTES ? MINUTE : SECOND).format(start);
  }

  /** "minute" or "second": how finely the reading places the start. */
  static String precisionWord(Instant start) {
    return precision(start) == ChronoUnit.MINUTES ? "minute" : "second";
  }

  private static ChronoUnit precision(Instant start) {
    return start.getEpochSecond() % 60 == 0 && start.getNano() == 0 ? ChronoUnit.MINUTES : ChronoUnit.SECONDS;
  }
}
