package chatops.execution;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An ECS call that failed: ECS's error code and message, its {@code RequestId} when ECS answered,
 * and the HTTP status (0 when no answer came). {@code DryRunOperation} is never one of these: it is
 * how ECS says a dry run passed, and the gateway reports it as a result.
 *
 * <p>The message is cut before anything that can echo the signed request: ECS's
 * {@code SignatureDoesNotMatch} quotes its whole string-to-sign, security token included.
 */
public final class EcsException extends Exception {
  public static final String INCORRECT_INSTANCE_STATUS = "IncorrectInstanceStatus";
  public static final String INSTANCE_NOT_FOUND = "InvalidInstanceId.NotFound";
  public static final String INTERNAL_ERROR = "InternalError";
  public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
  /** No answer within the read timeout (ours; ECS has no code for it). */
  public static final String TIMEOUT = "Timeout";
  /** The endpoint could not be reached at all (ours). */
  public static final String CONNECTION_FAILED = "ConnectionFailed";
  /** No ECS answer we can read: not JSON, no RequestId, or the SDK failing on it (ours). */
  public static final String UNREADABLE_RESPONSE = "UnreadableResponse";

  private static final int MAX_MESSAGE = 300;

  private final String action;
  private final String code;
  private final String safeMessage;
  private final String requestId;
  private final int httpStatus;

  /**
   * @param action the ECS API action that failed, e.g. {@code StartInstances}
   * @param requestId ECS's request id, or null when ECS did not answer
   * @param httpStatus the answer's HTTP status, or 0 when there was no answer
   */
  public EcsException(String action, String code, String message, String requestId, int httpStatus) {
    super(code + ": " + safeText(message));
    this.action = Objects.requireNonNull(action, "action");
    this.code = Objects.requireNonNull(code, "code");
    this.safeMessage = safeText(message);
    this.requestId = requestId == null || requestId.isEmpty() ? null : requestId;
    this.httpStatus = httpStatus;
  }

  public String action() {
    return action;
  }

  public String code() {
    return code;
  }

  /** ECS's message, fit for a log line or a chat reply. */
  public String safeMessage() {
    return safeMessage;
  }

  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  public int httpStatus() {
    return httpStatus;
  }

  /**
   * True only for failures that say "try again later": throttling, ECS being unavailable or
   * failing internally, and no answer at all. Everything else would fail the same way again.
   */
  public boolean retryable() {
    return code.startsWith("Throttling") || code.equals(SERVICE_UNAVAILABLE) || code.equals(INTERNAL_ERROR)
        || code.equals(TIMEOUT) || code.equals(CONNECTION_FAILED);
  }

  /** For {@code Forbidden*}: the RAM action the function's role lacks, e.g. {@code ecs:StartInstances}. */
  public Optional<String> missingRamAction() {
    return code.startsWith("Forbidden") ? Optional.of("ecs:" + action) : Optional.empty();
  }

  @Override
  public String toString() {
    return "EcsException{" + action + " " + code + ", http=" + httpStatus + ", requestId=" + requestId
        + ", message=" + safeMessage + "}";
  }

  /** Flattens to one line, drops whatever follows a quoted string-to-sign or token, and caps the length. */
  static String safeText(String text) {
    if (text == null) return "";
    String flat = text.replaceAll("\\p{Cntrl}+", " ").trim();
    String lower = flat.toLowerCase(Locale.ROOT);
    int cut = flat.length();
    for (String marker : new String[] {"string to sign", "stringtosign", "securitytoken", "signature="}) {
      int at = lower.indexOf(marker);
      if (at >= 0) cut = Math.min(cut, at);
    }
    String kept = flat.substring(0, cut).trim();
    if (cut < flat.length()) kept = kept + " [cut]";
    return kept.length() <= MAX_MESSAGE ? kept : kept.substring(0, MAX_MESSAGE) + "…";
  }
}
