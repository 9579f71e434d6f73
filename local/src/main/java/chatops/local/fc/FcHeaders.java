package chatops.local.fc;

/** Header names of the FC 2.0 wire protocol, spelled as the platform sends them. */
final class FcHeaders {
  /** The SDK reads this with an exact-case map lookup, so the spelling matters. */
  static final String REQUEST_ID = "X-Fc-Request-Id";
  static final String INVOCATION_TYPE = "X-Fc-Invocation-Type";
  static final String ERROR_TYPE = "X-Fc-Error-Type";
  static final String ACCOUNT_ID = "x-fc-account-id";
  static final String SECURITY_TOKEN = "x-fc-security-token";
  static final String UNHANDLED_ERROR = "UnhandledInvocationError";

  private FcHeaders() {
  }
}
