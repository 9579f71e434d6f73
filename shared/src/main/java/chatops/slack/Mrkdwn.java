package chatops.slack;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Slack's {@code mrkdwn} text: escaping of user text and the mention syntax.
 *
 * <p>In mrkdwn, {@code <...>} is markup: {@code <!channel>} pings everyone and
 * {@code <https://evil|your bill>} disguises a link. Anything a user typed (command text, an
 * instance name) must pass through {@link #escape} before it is echoed, or a reply could be made to
 * say things this app never meant to say.
 */
public final class Mrkdwn {
  /** Slack IDs: an upper-case letter and then upper-case letters or digits ({@code U024BE7LH}, {@code C01}). */
  private static final Pattern SLACK_ID = Pattern.compile("[A-Z][A-Z0-9]{0,63}");

  private Mrkdwn() {
  }

  /** Replaces {@code &}, {@code <} and {@code >} with their entities, the only three Slack requires. */
  public static String escape(String userText) {
    Objects.requireNonNull(userText, "userText");
    StringBuilder escaped = null;
    for (int i = 0; i < userText.length(); i++) {
      String entity = entity(userText.charAt(i));
      if (entity != null && escaped == null) {
        escaped = new StringBuilder(userText.length() + 16).append(userText, 0, i);
      }
      if (escaped != null) {
        if (entity != null) {
          escaped.append(entity);
        } else {
          escaped.append(userText.charAt(i));
        }
      }
    }
    return escaped == null ? userText : escaped.toString();
  }

  /**
   * A mention that Slack renders as the user's current name: {@code <@U1>}. An ID that is not
   * shaped like a Slack ID is shown as escaped text instead, so it can never become markup.
   */
  public static String user(String userId) {
    return mention("@", userId);
  }

  /** A link to the channel that Slack renders with its current name: {@code <#C1>}; same rule for odd IDs. */
  public static String channel(String channelId) {
    return mention("#", channelId);
  }

  private static String mention(String sigil, String id) {
    Objects.requireNonNull(id, "id");
    return SLACK_ID.matcher(id).matches() ? "<" + sigil + id + ">" : escape(id);
  }

  private static String entity(char c) {
    switch (c) {
      case '&':
        return "&amp;";
      case '<':
        return "&lt;";
      case '>':
        return "&gt;";
      default:
        return null;
    }
  }
}
