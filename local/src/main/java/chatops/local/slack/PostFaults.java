package chatops.local.slack;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Faults for the next N response-URL posts: answer 500, or hold the post for a while before Slack
 * looks at it. A held post released early by {@link #reset()} is answered 503 and not recorded as a
 * message, so a poster that gave up never sees its message land later.
 */
final class PostFaults {
  /** What to do with one arriving post. */
  enum Verdict { PROCEED, FAIL, DROP }

  private int failuresLeft;
  private int stallsLeft;
  private Duration stall = Duration.ZERO;
  private CountDownLatch release = new CountDownLatch(1);

  synchronized void failNext(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0");
    }
    failuresLeft = count;
  }

  synchronized void stallNext(int count, Duration hold) {
    if (count < 0 || hold.isNegative()) {
      throw new IllegalArgumentException("count and hold must be >= 0");
    }
    stallsLeft = count;
    stall = hold;
  }

  void reset() {
    CountDownLatch released;
    synchronized (this) {
      failuresLeft = 0;
      stallsLeft = 0;
      stall = Duration.ZERO;
      released = release;
      release = new CountDownLatch(1);
    }
    released.countDown();
  }

  /** Failures are served first, then stalls; each post consumes at most one fault. */
  Verdict admit() throws InterruptedException {
    CountDownLatch waitOn;
    Duration hold;
    synchronized (this) {
      if (failuresLeft > 0) {
        failuresLeft--;
        return Verdict.FAIL;
      }
      if (stallsLeft == 0) {
        return Verdict.PROCEED;
      }
      stallsLeft--;
      waitOn = release;
      hold = stall;
    }
    return waitOn.await(hold.toNanos(), TimeUnit.NANOSECONDS) ? Verdict.DROP : Verdict.PROCEED;
  }
}
