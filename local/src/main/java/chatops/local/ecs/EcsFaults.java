package chatops.local.ecs;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Failures to put in front of the next requests. Faults queue in the order they are armed and each
 * is used up by one request, whatever that request is, before any check runs: a throttled or failed
 * request never reaches its action. Latency applies to every answer until changed.
 */
public final class EcsFaults {
  /** The code under which a request dropped before it was served is counted as rejected. */
  public static final String DROPPED = "ConnectionDropped";

  /** When a dropped connection closes, relative to the action. */
  public enum Drop {
    /** The action does not run: the request is lost on its way in. */
    BEFORE_SERVING,
    /**
     * The action runs and its answer is lost: the case that makes a blind retry of a state change
     * meet IncorrectInstanceStatus.
     */
    AFTER_SERVING
  }

  enum Kind {
    THROTTLE,
    INTERNAL_ERROR,
    SERVICE_UNAVAILABLE,
    DROP_BEFORE_SERVING,
    DROP_AFTER_SERVING
  }

  private final Deque<Kind> queue = new ArrayDeque<>();
  private Duration latency = Duration.ZERO;

  EcsFaults() {}

  /** {@code Throttling.User}, HTTP 400. */
  public EcsFaults throttleNext(int requests) {
    return arm(Kind.THROTTLE, requests);
  }

  /** {@code InternalError}, HTTP 500: the SDK throws ServerException. */
  public EcsFaults internalErrorNext(int requests) {
    return arm(Kind.INTERNAL_ERROR, requests);
  }

  /** {@code ServiceUnavailable}, HTTP 503: the SDK throws ServerException. */
  public EcsFaults serviceUnavailableNext(int requests) {
    return arm(Kind.SERVICE_UNAVAILABLE, requests);
  }

  /**
   * Closes the connection without an answer. Done after the request is read (MockWebServer's
   * DISCONNECT_AFTER_REQUEST): its DISCONNECT_AT_START is decided once per connection, and the SDK
   * reuses kept-alive connections, so it would hit an unpredictable later call.
   */
  public EcsFaults dropNext(int requests, Drop when) {
    Objects.requireNonNull(when, "when");
    return arm(when == Drop.BEFORE_SERVING ? Kind.DROP_BEFORE_SERVING : Kind.DROP_AFTER_SERVING, requests);
  }

  /** Delays every answer's headers; the action itself runs at once. */
  public synchronized EcsFaults latency(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("latency cannot be negative");
    }
    this.latency = delay;
    return this;
  }

  /** Faults armed and not yet used. */
  public synchronized int pending() {
    return queue.size();
  }

  /** Disarms every fault and removes the latency. */
  public synchronized void clear() {
    queue.clear();
    latency = Duration.ZERO;
  }

  synchronized Kind next() {
    return queue.pollFirst();
  }

  synchronized Duration latency() {
    return latency;
  }

  private synchronized EcsFaults arm(Kind kind, int requests) {
    if (requests < 1) {
      throw new IllegalArgumentException("requests must be at least 1");
    }
    for (int i = 0; i < requests; i++) {
      queue.addLast(kind);
    }
    return this;
  }
}
