package chatops.execution;

/**
 * Reads what aliyun-java-sdk-core reported for a failed call into our {@link EcsException}. Kept
 * apart from {@link AliyunEcsGateway} because it needs only the SDK's words (its error code and
 * message, ECS's RequestId, the noted HTTP status), not its types, so the gateway stays the one
 * class that imports the SDK.
 */
final class SdkFailure {
  private SdkFailure() {}

  /**
   * @param code the SDK's {@code getErrCode()}: ECS's own code, or one of the SDK's {@code SDK.*}
   * @param cause the SDK exception's cause, named (never quoted) when the SDK failed on its own
   * @param status the HTTP status the gateway noted, 0 when no answer came
   */
  static EcsException read(String action, String code, String message, String requestId, Throwable cause,
      int status) {
    String known = code == null ? "" : code;
    if (known.equals("SDK.ReadTimeout")) {
      return new EcsException(action, EcsException.TIMEOUT, "no answer from ECS within the read timeout", null, 0);
    }
    if (known.equals("SDK.ServerUnreachable")) {
      return new EcsException(action, EcsException.CONNECTION_FAILED, "could not reach the ECS endpoint", null, 0);
    }
    if (known.startsWith("SDK.")) {
      // The SDK's own failures (it wraps even a missing class this way); their messages may quote the
      // signed URL, so only names go on.
      String named = cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")";
      return new EcsException(action, EcsException.UNREADABLE_RESPONSE, "the SDK failed with " + known + named, null,
          status);
    }
    if (known.isEmpty() || known.equals("(null)")) {
      // Not an ECS error body (HTML from a proxy, no JSON content type): the SDK's message quotes it whole.
      String said = "ECS answered HTTP " + status + " without a JSON error body";
      if (status < 500) return new EcsException(action, EcsException.UNREADABLE_RESPONSE, said, null, status);
      boolean unavailable = status == 502 || status == 503 || status == 504;
      return new EcsException(action, unavailable ? EcsException.SERVICE_UNAVAILABLE : EcsException.INTERNAL_ERROR,
          said, null, status);
    }
    return new EcsException(action, known, message, requestId, status);
  }
}
