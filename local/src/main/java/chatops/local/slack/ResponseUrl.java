package chatops.local.slack;

import java.time.Duration;
import java.time.Instant;

/** One issued response URL and its budget: 5 accepted posts within 30 minutes of the command. */
final class ResponseUrl {
  static final int MAX_POSTS = 5;
  static final Duration LIFETIME = Duration.ofMinutes(30);

  private final String path;
  private final Instant issuedAt;
  private int accepted;

  ResponseUrl(String path, Instant issuedAt) {
    this.path = path;
    this.issuedAt = issuedAt;
  }

  String path() {
    return path;
  }

  /** Spends one use if the URL still has one; the answer says why not otherwise. */
  synchronized SlackAnswer use(Instant now) {
    if (now.isAfter(issuedAt.plus(LIFETIME))) {
      return SlackAnswer.EXPIRED;
    }
    if (accepted >= MAX_POSTS) {
      return SlackAnswer.USED_UP;
    }
    accepted++;
    return SlackAnswer.OK;
  }
}
