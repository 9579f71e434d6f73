package chatops.local.ecs;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an instance stays in each transitional state. A reboot passes through Stopping and then
 * Starting, so it takes {@code stopping + starting}.
 */
public final class TransitionTimes {
  private static final TransitionTimes DEFAULTS = of(Duration.ofSeconds(1), Duration.ofSeconds(1));

  private final Duration starting;
  private final Duration stopping;

  private TransitionTimes(Duration starting, Duration stopping) {
    this.starting = starting;
    this.stopping = stopping;
  }

  public static TransitionTimes of(Duration starting, Duration stopping) {
    Objects.requireNonNull(starting, "starting");
    Objects.requireNonNull(stopping, "stopping");
    if (starting.isNegative() || stopping.isNegative()) {
      throw new IllegalArgumentException("transition times cannot be negative");
    }
    return new TransitionTimes(starting, stopping);
  }

  /** One second each way: short enough for a local demo, long enough to be seen transitioning. */
  public static TransitionTimes defaults() {
    return DEFAULTS;
  }

  public Duration starting() {
    return starting;
  }

  public Duration stopping() {
    return stopping;
  }

  @Override
  public String toString() {
    return "TransitionTimes{starting=" + starting + ", stopping=" + stopping + "}";
  }
}
