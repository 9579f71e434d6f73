package chatops.slack;

import java.util.Objects;

/**
 * The verdict on one request: whether it provably came from Slack, by which method, and why not.
 *
 * <p>{@link #reason()} is written for the operator's log. It is built only from fixed phrases and
 * numbers (a clock skew in seconds), never from the secret, the token or any header value, so it
 * can neither leak a credential nor carry attacker text into the log. It is not meant for the user:
 * an unverified caller gets a bare refusal.
 */
public final class Verification {
  /** Verified with {@code X-Slack-Signature} and the signing secret. */
  public static final String SIGNATURE = "signature";
  /** Verified with the deprecated {@code token} form field; only when no signing secret is set. */
  public static final String LEGACY_TOKEN = "legacy-token";
  /** Nothing to verify with: the function is not configured, and refuses everything. */
  public static final String NONE = "none";

  private final boolean ok;
  private final String method;
  private final String reason;

  private Verification(boolean ok, String method, String reason) {
    this.ok = ok;
    this.method = Objects.requireNonNull(method, "method");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  static Verification accepted(String method) {
    return new Verification(true, method, "verified by " + method);
  }

  static Verification refused(String method, String reason) {
    return new Verification(false, method, reason);
  }

  /** True only when the request was proven to come from Slack. */
  public boolean ok() {
    return ok;
  }

  /** {@link #SIGNATURE}, {@link #LEGACY_TOKEN} or {@link #NONE}: the method that was applied. */
  public String method() {
    return method;
  }

  /** For the log: why the request was refused (or "verified by ..."); holds no secret or header value. */
  public String reason() {
    return reason;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Verification)) {
      return false;
    }
    Verification that = (Verification) other;
    return ok == that.ok && method.equals(that.method) && reason.equals(that.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ok, method, reason);
  }

  @Override
  public String toString() {
    return "Verification{ok=" + ok + ", method=" + method + ", reason=" + reason + "}";
  }
}
