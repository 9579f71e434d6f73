package chatops.local.fc;

import java.time.Instant;

/**
 * What the emulator knows about one accepted invocation: its request id, how it was invoked, the
 * payload as received, how many times the handler ran for it and how it ended. A snapshot: later
 * retries produce a new value.
 */
public final class Invocation {
  /** How the function was reached. */
  public enum Type { SYNC, ASYNC, HTTP }

  /** RUNNING until the last attempt ends; an async event may still be waiting for a retry. */
  public enum Outcome { RUNNING, SUCCEEDED, FAILED }

  private final String requestId;
  private final String service;
  private final String function;
  private final String qualifier;
  private final Type type;
  private final byte[] payload;
  private final Instant receivedAt;
  private final int attempts;
  private final Outcome outcome;

  Invocation(String requestId, String service, String function, String qualifier, Type type, byte[] payload,
             Instant receivedAt, int attempts, Outcome outcome) {
    this.requestId = requestId;
    this.service = service;
    this.function = function;
    this.qualifier = qualifier;
    this.type = type;
    this.payload = payload.clone();
    this.receivedAt = receivedAt;
    this.attempts = attempts;
    this.outcome = outcome;
  }

  static Invocation received(String requestId, FcFunction function, String qualifier, Type type, byte[] payload,
                             Instant receivedAt) {
    return new Invocation(requestId, function.service(), function.name(), qualifier, type, payload, receivedAt,
        0, Outcome.RUNNING);
  }

  Invocation afterAttempt(boolean succeeded, boolean last) {
    Outcome next = succeeded ? Outcome.SUCCEEDED : (last ? Outcome.FAILED : Outcome.RUNNING);
    return new Invocation(requestId, service, function, qualifier, type, payload, receivedAt, attempts + 1, next);
  }

  public String requestId() {
    return requestId;
  }

  public String service() {
    return service;
  }

  public String function() {
    return function;
  }

  public String qualifier() {
    return qualifier;
  }

  public Type type() {
    return type;
  }

  /** The body of the invoke request (for HTTP, the trigger request's body). */
  public byte[] payload() {
    return payload.clone();
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  /** Handler runs so far: 1 + retries for an async event. */
  public int attempts() {
    return attempts;
  }

  public Outcome outcome() {
    return outcome;
  }

  @Override
  public String toString() {
    return type + " " + service + "/" + function + " " + requestId + " attempts=" + attempts + " " + outcome;
  }
}
