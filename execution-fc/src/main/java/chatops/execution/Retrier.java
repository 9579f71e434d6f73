package chatops.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Runs an ECS call again after the failures that say "try later" ({@link EcsException#retryable()}),
 * waiting a jittered, exponentially growing time, and never starting a wait that would end past
 * the deadline. Any other failure is final at once: repeating it would only fail the same way.
 *
 * <p>Jitter is "equal jitter": half of each step is fixed and half random, so retries of many
 * instances (or many jobs hitting the same throttle) spread out, yet never retry immediately.
 */
public final class Retrier {
  /** One ECS call. */
  @FunctionalInterface
  public interface Call<T> {
    T run() throws EcsException;
  }

  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final Duration firstDelay;
  private final Duration maxDelay;
  private final int maxAttempts;

  /**
   * @param random values in [0, 1)
   * @param maxAttempts calls in all, the first included; bounds retries even when the deadline is far
   */
  public Retrier(Clock clock, Sleeper sleeper, DoubleSupplier random, Duration firstDelay, Duration maxDelay,
      int maxAttempts) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
    if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("need 0 < firstDelay <= maxDelay and maxAttempts >= 1");
    }
    this.firstDelay = firstDelay;
    this.maxDelay = maxDelay;
    this.maxAttempts = maxAttempts;
  }

  /** 0.2 s growing to 3 s, at most 6 calls: ECS throttling clears within seconds, a job has minutes. */
  public static Retrier standard(Clock clock) {
    return new Retrier(clock, Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble(),
        Duration.ofMillis(200), Duration.ofSeconds(3), 6);
  }

  /**
   * Makes the call at least once. When it finally fails, the exception thrown is the last one, with
   * the earlier failures attached as suppressed, so the audit line can count attempts.
   */
  public <T> T call(Instant deadline, Call<T> call) throws EcsException {
    List<EcsException> earlier = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      try {
        return call.run();
      } catch (EcsException failure) {
        Duration wait = delayAfter(attempt);
        boolean again = failure.retryable() && attempt < maxAttempts
            && !clock.instant().plus(wait).isAfter(deadline);
        if (again) again = slept(wait);
        if (!again) {
          for (EcsException e : earlier) failure.addSuppressed(e);
          throw failure;
        }
        earlier.add(failure);
      }
    }
  }

  /** The wait after the n-th failed call: in [step/2, step], step = firstDelay * 2^(n-1), capped at maxDelay. */
  Duration delayAfter(int failures) {
    long step = firstDelay.toMillis();
    for (int i = 1; i < failures && step < maxDelay.toMillis(); i++) step *= 2;
    step = Math.min(step, maxDelay.toMillis());
    long half = step / 2;
    double r = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
    return Duration.ofMillis(half + (long) Math.floor(r * (step - half)));
  }

  private boolean slept(Duration wait) {
    try {
      sleeper.sleep(wait);
      return true;
    } catch (InterruptedException e) {
      // The function is being stopped: give up now, and let the caller see the interrupt.
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
