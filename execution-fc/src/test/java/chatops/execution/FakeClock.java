package chatops.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when told, and a sleeper that moves it: tests never really wait. */
final class FakeClock extends Clock {
  static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

  private Instant now = START;
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** Sleeps on this clock, noting each wait. */
  Sleeper sleeper() {
    return duration -> {
      sleeps.add(duration);
      advance(duration);
    };
  }

  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  long secondsSinceStart() {
    return Duration.between(START, now).getSeconds();
  }
}
