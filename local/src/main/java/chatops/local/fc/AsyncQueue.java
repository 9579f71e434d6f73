package chatops.local.fc;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * FC's queue for asynchronous invocations: events run on worker threads after the 202 went out,
 * and an event whose run fails (throws or times out) is run again up to {@code maxRetries} times
 * with a growing pause, the retry count rising in the Context. {@link #awaitIdle} lets a test wait
 * until every queued event has reached its last attempt.
 */
final class AsyncQueue implements AutoCloseable {
  private final ScheduledExecutorService workers;
  private final InvocationLog invocations;
  private final int maxRetries;
  private final Duration backoff;
  private final Object lock = new Object();
  private int pending;

  AsyncQueue(ScheduledExecutorService workers, InvocationLog invocations, int maxRetries, Duration backoff) {
    this.workers = workers;
    this.invocations = invocations;
    this.maxRetries = maxRetries;
    this.backoff = backoff;
  }

  void enqueue(FunctionRuntime runtime, String requestId, String qualifier, byte[] payload) {
    synchronized (lock) {
      pending++;
    }
    schedule(new Event(runtime, requestId, qualifier, payload), 0, Duration.ZERO);
  }

  /** True once nothing is queued, running or waiting for a retry; false if that took longer than {@code timeout}. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (pending > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
    synchronized (lock) {
      pending = 0;
      lock.notifyAll();
    }
  }

  private void schedule(Event event, int retry, Duration delay) {
    try {
      workers.schedule(() -> attempt(event, retry), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      finished();
    }
  }

  private void attempt(Event event, int retry) {
    boolean last = true;
    try {
      RunResult result = event.runtime.runEvent(event.payload, event.requestId, event.qualifier, retry);
      last = result.succeeded() || retry >= maxRetries;
      boolean lastAttempt = last;
      invocations.update(event.requestId, invocation -> invocation.afterAttempt(result.succeeded(), lastAttempt));
    } finally {
      if (last) {
        finished();
      } else {
        schedule(event, retry + 1, pauseBefore(retry + 1));
      }
    }
  }

  /** The base pause, doubled for each further retry (FC backs off too; its exact schedule is not published). */
  private Duration pauseBefore(int retry) {
    return backoff.multipliedBy(1L << Math.min(retry - 1, 10));
  }

  private void finished() {
    synchronized (lock) {
      if (pending > 0) {
        pending--;
      }
      lock.notifyAll();
    }
  }

  private static final class Event {
    final FunctionRuntime runtime;
    final String requestId;
    final String qualifier;
    final byte[] payload;

    Event(FunctionRuntime runtime, String requestId, String qualifier, byte[] payload) {
      this.runtime = runtime;
      this.requestId = requestId;
      this.qualifier = qualifier;
      this.payload = payload;
    }
  }
}
