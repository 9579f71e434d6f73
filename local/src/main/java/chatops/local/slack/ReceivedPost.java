package chatops.local.slack;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** One POST that reached the response-URL server, whatever Slack answered to it. */
public final class ReceivedPost {
  private final String responseUrl;
  private final Instant receivedAt;
  private final byte[] body;
  private final JsonNode message;
  private final int status;
  private final String answer;

  ReceivedPost(String responseUrl, Instant receivedAt, byte[] body, JsonNode message, int status, String answer) {
    this.responseUrl = responseUrl;
    this.receivedAt = receivedAt;
    this.body = body.clone();
    this.message = message;
    this.status = status;
    this.answer = answer;
  }

  public String responseUrl() {
    return responseUrl;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public byte[] body() {
    return body.clone();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The parsed JSON, when the body was a JSON object. */
  public Optional<JsonNode> message() {
    return Optional.ofNullable(message);
  }

  /** What Slack answered: 200 for an accepted message. */
  public int status() {
    return status;
  }

  /** Slack's plain-text answer: {@code ok} or an error word such as {@code expired_url}. */
  public String answer() {
    return answer;
  }

  public boolean accepted() {
    return status == 200;
  }

  /** The response URL is a capability, so only its host and port are shown. */
  @Override
  public String toString() {
    return "ReceivedPost{" + status + " " + answer + ", " + body.length + " bytes}";
  }
}
