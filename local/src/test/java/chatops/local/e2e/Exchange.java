package chatops.local.e2e;

import chatops.local.slack.CommandReply;
import chatops.local.slack.SlackEmulator;
import chatops.local.slack.SlashCommandRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** One slash command as Slack saw it: the reply to the POST, then the messages at its response URL. */
final class Exchange {
  /** Generous: a change takes the transition time plus the Execution's first poll (1 s). */
  static final Duration RESULT_TIMEOUT = Duration.ofSeconds(30);

  private final SlackEmulator slack;
  private final SlashCommandRequest request;
  private final CommandReply reply;

  Exchange(SlackEmulator slack, SlashCommandRequest request, CommandReply reply) {
    this.slack = slack;
    this.request = request;
    this.reply = reply;
  }

  CommandReply reply() {
    return reply;
  }

  /** The reply's response_type, as Slack reads it (absent means ephemeral). */
  String replyType() {
    JsonNode type = reply.json().get("response_type");
    return type == null ? "ephemeral" : type.asText();
  }

  String replyText() {
    return reply.json().path("text").asText();
  }

  /** Waits for the first result and returns its text. */
  String result() throws InterruptedException {
    return results(1).get(0);
  }

  /** Waits for {@code count} messages at the response URL; fails if fewer arrive. */
  List<String> results(int count) throws InterruptedException {
    List<JsonNode> messages = slack.awaitMessages(request.responseUrl(), count, RESULT_TIMEOUT);
    if (messages.size() < count) {
      throw new AssertionError("expected " + count + " result(s) within " + RESULT_TIMEOUT + ", got "
          + messages.size() + " for " + request + "; reply was " + reply);
    }
    return texts(messages);
  }

  /** What has arrived so far, without waiting. */
  List<String> messagesSoFar() {
    return texts(slack.messages(request.responseUrl()));
  }

  /** Every message's response_type: results go to the whole channel. */
  List<String> resultTypes() {
    return slack.messages(request.responseUrl()).stream().map(m -> m.path("response_type").asText())
        .collect(Collectors.toList());
  }

  private static List<String> texts(List<JsonNode> messages) {
    return messages.stream().map(m -> m.path("text").asText()).collect(Collectors.toList());
  }

  @Override
  public String toString() {
    return request + " -> " + reply;
  }
}
