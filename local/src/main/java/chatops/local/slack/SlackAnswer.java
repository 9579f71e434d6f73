package chatops.local.slack;

/**
 * How the response-URL endpoint answers, as a status and Slack's plain-text error word. The limits
 * (5 posts, 30 minutes) and the unknown-URL 404 are documented by Slack; the exact error words for an
 * expired or used-up URL are not, and are the emulator's best reading of what Slack sends.
 */
final class SlackAnswer {
  static final SlackAnswer OK = new SlackAnswer(200, "ok");
  static final SlackAnswer NO_SUCH_URL = new SlackAnswer(404, "no_service");
  static final SlackAnswer EXPIRED = new SlackAnswer(404, "expired_url");
  static final SlackAnswer USED_UP = new SlackAnswer(404, "used_url");
  static final SlackAnswer INVALID_PAYLOAD = new SlackAnswer(400, "invalid_payload");
  static final SlackAnswer NO_TEXT = new SlackAnswer(400, "no_text");
  static final SlackAnswer METHOD_NOT_ALLOWED = new SlackAnswer(405, "method_not_allowed");
  static final SlackAnswer INJECTED_FAILURE = new SlackAnswer(500, "internal_error");
  static final SlackAnswer DROPPED = new SlackAnswer(503, "service_unavailable");

  private final int status;
  private final String word;

  private SlackAnswer(int status, String word) {
    this.status = status;
    this.word = word;
  }

  int status() {
    return status;
  }

  String word() {
    return word;
  }
}
