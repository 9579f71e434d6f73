package chatops.local.ecs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to, so tests advance instance transitions instead of sleeping.
 * Safe to read from the server's threads while a test advances it.
 */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  public static ManualClock at(Instant start) {
    return new ManualClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /**
   * Starts at the real current time: the emulator checks request timestamps against this clock, and
   * the SDK stamps requests with the real time.
   */
  public static ManualClock startingNow() {
    return at(Instant.now());
  }

  public void advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("a clock that goes back would un-finish transitions");
    }
    now.updateAndGet(t -> t.plus(step));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new ManualClock(now, other);
  }
}
