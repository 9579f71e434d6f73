package chatops.local.hostile;

import chatops.local.slack.CommandReply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What the Front answered: the status and, for a Slack message, its type and text. */
final class Reply {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int status;
  private final byte[] body;

  Reply(int status, byte[] body) {
    this.status = status;
    this.body = body.clone();
  }

  static Reply of(CommandReply reply) {
    if (!reply.answered()) throw new AssertionError("the Front did not answer: " + reply.failure().orElse("?"));
    return new Reply(reply.status(), reply.body());
  }

  int status() {
    return status;
  }

  boolean isEmpty() {
    return body.length == 0;
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The message's {@code text}, or "" for an empty body. */
  String text() {
    return isEmpty() ? "" : json().path("text").asText();
  }

  String responseType() {
    return isEmpty() ? "" : json().path("response_type").asText();
  }

  private JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("the Front's reply is not JSON: " + bodyText(), e);
    }
  }

  @Override
  public String toString() {
    return status + " " + bodyText();
  }
}
