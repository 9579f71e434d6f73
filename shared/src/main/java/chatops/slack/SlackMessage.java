package chatops.slack;

import chatops.json.JsonWriter;
import java.util.List;
import java.util.Objects;

/**
 * A reply to a slash command, either the immediate HTTP answer or a post to its response_url.
 *
 * <p>The {@code response_type} is always written, because Slack's default ({@code ephemeral})
 * should be a decision, not an accident. A plain {@code text} is always present: it is what
 * notifications, screen readers and old clients show when they cannot render the blocks.
 *
 * <p>{@code text} is mrkdwn, like the section blocks: escape user input with {@link Mrkdwn#escape}.
 */
public final class SlackMessage {
  public static final String EPHEMERAL = "ephemeral";
  public static final String IN_CHANNEL = "in_channel";
  /** Slack's limit on blocks per message. */
  public static final int MAX_BLOCKS = 50;

  private final String responseType;
  private final String text;
  private final List<Block> blocks;

  private SlackMessage(String responseType, String text, List<Block> blocks) {
    this.responseType = responseType;
    this.text = text;
    this.blocks = blocks;
  }

  /** Seen only by the user who typed the command: refusals, usage, errors. */
  public static SlackMessage ephemeral(String text) {
    return new SlackMessage(EPHEMERAL, checkedText(text), List.of());
  }

  /** Seen by the whole channel, with the command that caused it: accepted actions and results. */
  public static SlackMessage inChannel(String text) {
    return new SlackMessage(IN_CHANNEL, checkedText(text), List.of());
  }

  /** The same message with these blocks (replacing any it had); {@link #text()} stays the fallback. */
  public SlackMessage withBlocks(List<Block> blocks) {
    List<Block> copy = List.copyOf(Objects.requireNonNull(blocks, "blocks"));
    if (copy.size() > MAX_BLOCKS) {
      throw new IllegalArgumentException("Slack accepts at most " + MAX_BLOCKS + " blocks, got " + copy.size());
    }
    return new SlackMessage(responseType, text, copy);
  }

  /** {@link #EPHEMERAL} or {@link #IN_CHANNEL}. */
  public String responseType() {
    return responseType;
  }

  /** The plain mrkdwn fallback. */
  public String text() {
    return text;
  }

  /** The blocks, possibly none. */
  public List<Block> blocks() {
    return blocks;
  }

  /**
   * UTF-8 JSON: {@code {"response_type":..,"text":..,"blocks":[..]}}; {@code blocks} is left out
   * when there are none, since an empty list says nothing. Text that is not valid UTF-16 (a lone
   * surrogate) comes out as {@code ?} rather than failing the reply.
   */
  public byte[] toJson() {
    JsonWriter json = new JsonWriter(64 + text.length()).beginObject()
        .field("response_type", responseType)
        .field("text", text);
    if (!blocks.isEmpty()) {
      json.beginArray("blocks");
      for (Block block : blocks) {
        block.writeTo(json);
      }
      json.endArray();
    }
    return json.endObject().toUtf8();
  }

  private static String checkedText(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a Slack message needs a non-blank text fallback");
    }
    return text;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SlackMessage)) {
      return false;
    }
    SlackMessage that = (SlackMessage) other;
    return responseType.equals(that.responseType) && text.equals(that.text) && blocks.equals(that.blocks);
  }

  @Override
  public int hashCode() {
    return Objects.hash(responseType, text, blocks);
  }

  @Override
  public String toString() {
    return "SlackMessage{" + responseType + ", text=" + text + ", blocks=" + blocks.size() + "}";
  }
}
