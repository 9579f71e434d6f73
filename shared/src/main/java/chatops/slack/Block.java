package chatops.slack;

import chatops.json.JsonWriter;
import java.util.Objects;

/**
 * One Block Kit layout block of the kinds our replies use: section, context, header, divider.
 *
 * <p>Slack rejects a whole message when one block breaks its limits, and a rejected response_url
 * post means the user never sees the result. So the limits are enforced here, when the block is
 * built, where a test notices, rather than on Slack's side, where only the user would.
 */
public final class Block {
  /** Slack's limit for a section's or a context element's text. */
  public static final int MAX_TEXT = 3000;
  /** Slack's limit for a header's text. */
  public static final int MAX_HEADER = 150;

  private final String type;
  private final String text;

  private Block(String type, String text) {
    this.type = type;
    this.text = text;
  }

  /** A paragraph of mrkdwn; escape user text with {@link Mrkdwn#escape} first. */
  public static Block section(String mrkdwn) {
    return new Block("section", checked(mrkdwn, MAX_TEXT));
  }

  /** Small grey mrkdwn text, for details such as who asked and how long it took. */
  public static Block context(String mrkdwn) {
    return new Block("context", checked(mrkdwn, MAX_TEXT));
  }

  /** A large bold title; plain text, so it needs no escaping and renders no markup. */
  public static Block header(String plainText) {
    return new Block("header", checked(plainText, MAX_HEADER));
  }

  /** A horizontal rule. */
  public static Block divider() {
    return new Block("divider", null);
  }

  /** {@code section}, {@code context}, {@code header} or {@code divider}. */
  public String type() {
    return type;
  }

  /** The block's text; null for a divider. */
  public String text() {
    return text;
  }

  void writeTo(JsonWriter json) {
    json.beginObject();
    json.field("type", type);
    switch (type) {
      case "section":
        writeText(json.beginObject("text"), "mrkdwn", text).endObject();
        break;
      case "context":
        writeText(json.beginArray("elements").beginObject(), "mrkdwn", text).endObject().endArray();
        break;
      case "header":
        writeText(json.beginObject("text"), "plain_text", text).endObject();
        break;
      default:
        break;
    }
    json.endObject();
  }

  private static JsonWriter writeText(JsonWriter json, String textType, String text) {
    return json.field("type", textType).field("text", text);
  }

  private static String checked(String text, int limit) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty() || text.length() > limit) {
      throw new IllegalArgumentException("Slack needs 1.." + limit + " characters of block text, got "
          + text.length());
    }
    return text;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Block)) {
      return false;
    }
    Block that = (Block) other;
    return type.equals(that.type) && Objects.equals(text, that.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, text);
  }

  @Override
  public String toString() {
    return text == null ? type : type + ":" + text;
  }
}
