package chatops.execution;

import java.util.Locale;
import java.util.Objects;

/** What became of one post to a response_url, in terms fit for the audit line (no full URL). */
public final class PostResult {
  public enum Outcome {
    /** Slack answered 2xx. */
    DELIVERED,
    /** The URL is not one we may contact; nothing was sent. */
    REFUSED,
    /** Slack answered with a status that would not change on retry (3xx, 4xx other than 429). */
    REJECTED,
    /** Still 429/5xx/no answer after the last attempt, or a wait longer than we allow. */
    FAILED
  }

  private final Outcome outcome;
  private final String target;
  private final int status;
  private final int attempts;
  private final String detail;

  /**
   * @param target the response_url as {@code ResponseUrlPolicy.redact} shows it
   * @param status the last HTTP status, 0 when none came
   */
  public PostResult(Outcome outcome, String target, int status, int attempts, String detail) {
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.target = Objects.requireNonNull(target, "target");
    this.status = status;
    this.attempts = attempts;
    this.detail = detail == null ? "" : detail;
  }

  public boolean delivered() {
    return outcome == Outcome.DELIVERED;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** Scheme and host only. */
  public String target() {
    return target;
  }

  public int status() {
    return status;
  }

  /** HTTP requests made: 0 when refused. */
  public int attempts() {
    return attempts;
  }

  /** Why it ended so: Slack's error word, an exception's class name, or our reason. */
  public String detail() {
    return detail;
  }

  @Override
  public String toString() {
    return outcome.name().toLowerCase(Locale.ROOT) + " " + target + " status=" + status + " attempts=" + attempts
        + (detail.isEmpty() ? "" : " detail=" + detail);
  }
}
