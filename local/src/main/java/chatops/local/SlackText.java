package chatops.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Slack message as a terminal can show it: its visibility and its text, with mentions turned
 * into names and entities decoded, the way Slack's client would render them. Bold and code marks
 * stay, since they read fine as they are. The plain {@code text} is used, not the blocks: every
 * message of this app carries the whole content in it as the accessible fallback.
 */
final class SlackText {
  private static final Pattern MENTION = Pattern.compile("<([@#!])([A-Za-z0-9^|._-]+)>");

  private final Map<String, String> userNames;

  /** @param userNames Slack user IDs to the names a mention of them shows */
  SlackText(Map<String, String> userNames) {
    this.userNames = Map.copyOf(userNames);
  }

  /** Slack shows a message without {@code response_type} only to its requester. */
  static String visibility(JsonNode message) {
    return "in_channel".equals(message.path("response_type").asText()) ? "in_channel" : "ephemeral";
  }

  String render(JsonNode message) {
    return render(message.path("text").asText(""));
  }

  String render(String mrkdwn) {
    Matcher mention = MENTION.matcher(mrkdwn);
    StringBuffer shown = new StringBuffer();
    while (mention.find()) {
      String sigil = mention.group(1);
      String target = mention.group(2);
      String name = sigil.equals("@") ? "@" + userNames.getOrDefault(target, target)
          : sigil.equals("#") ? "#" + target : "@" + target;
      mention.appendReplacement(shown, Matcher.quoteReplacement(name));
    }
    mention.appendTail(shown);
    // &amp; last, so "&amp;lt;" shows as the "&lt;" the author wrote.
    return shown.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
