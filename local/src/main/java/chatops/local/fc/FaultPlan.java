package chatops.local.fc;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Faults a test switches on for the invoke API: answer the next N requests with a 5xx, or hold every
 * request for a while (or until reset) before FC looks at it. A held request that is released by
 * {@link #reset()} is answered 500 and never processed, so "FC hung" leaves no event behind.
 */
final class FaultPlan {
  /** What to do with one arriving request. */
  enum Verdict { PROCEED, FAIL, DROP }

  private int failuresLeft;
  private Duration stall = Duration.ZERO;
  private boolean stallForever;
  private CountDownLatch release = new CountDownLatch(1);

  synchronized void failNext(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0");
    }
    failuresLeft = count;
  }

  synchronized void stall(Duration hold) {
    if (hold.isNegative()) {
      throw new IllegalArgumentException("hold must be >= 0");
    }
    stall = hold;
    stallForever = false;
  }

  synchronized void stallUntilReset() {
    stallForever = true;
  }

  /** Clears every fault and answers the requests held right now. */
  void reset() {
    CountDownLatch released;
    synchronized (this) {
      failuresLeft = 0;
      stall = Duration.ZERO;
      stallForever = false;
      released = release;
      release = new CountDownLatch(1);
    }
    released.countDown();
  }

  /** Blocks the calling server thread for as long as the plan says, then tells it what to do. */
  Verdict admit() throws InterruptedException {
    CountDownLatch waitOn;
    Duration hold;
    boolean forever;
    synchronized (this) {
      if (failuresLeft > 0) {
        failuresLeft--;
        return Verdict.FAIL;
      }
      waitOn = release;
      hold = stall;
      forever = stallForever;
    }
    if (forever) {
      waitOn.await();
      return Verdict.DROP;
    }
    if (!hold.isZero() && waitOn.await(hold.toNanos(), TimeUnit.NANOSECONDS)) {
      return Verdict.DROP;
    }
    return Verdict.PROCEED;
  }
}
