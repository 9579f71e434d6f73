package chatops.front;

import chatops.ecs.EcsCommand;
import chatops.ecs.EcsGrammar;
import chatops.policy.Decision;
import chatops.slack.Block;
import chatops.slack.Mrkdwn;
import chatops.slack.SlackMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Every message the Front shows a user, in one place so the wording stays consistent. Refusals
 * are ephemeral (only the person who typed the command sees them) and say what to do instead;
 * the one in-channel message is the acknowledgement that a job was started.
 *
 * <p>Text fallbacks and blocks alike are mrkdwn, so anything that came from the request goes
 * through {@link Mrkdwn#escape} (or {@link Mrkdwn#user} for an ID): a crafted command must not turn
 * into a mention such as {@code <!channel>}. The grammar's usage and errors and the policy's
 * reasons are mrkdwn their authors already made safe, so they are shown as they are.
 */
final class FrontReplies {
  /**
   * A section block holds at most 3000 characters and an ID up to 66; the full list is in the job
   * and the result, so the acknowledgement names the first ones only.
   */
  static final int MAX_IDS_SHOWN = 25;
  private static final String HELP_HINT = "Type `/ecs help` to see what you can run.";

  private FrontReplies() {}

  /** The usage is the grammar's own mrkdwn, so it is shown as written. */
  static SlackMessage help() {
    String usage = EcsGrammar.usage();
    return SlackMessage.ephemeral(usage).withBlocks(List.of(Block.section(usage)));
  }

  /** The command did not parse: the grammar's explanation (mrkdwn it has already escaped), then the usage. */
  static SlackMessage badCommand(String error) {
    String usage = EcsGrammar.usage();
    return SlackMessage.ephemeral(error + "\n" + usage)
        .withBlocks(List.of(Block.section(":warning: " + error), Block.section(usage)));
  }

  /**
   * Slack's request held something we cannot use (a malformed form, a field no job may carry).
   * Only reached once the request is verified as Slack's; the reason is plain text from our code.
   */
  static SlackMessage malformedRequest(String reason) {
    return refusedWithAdvice("Slack's request could not be read. " + sentence(Mrkdwn.escape(reason)),
        "Nothing was started. Run the command again; if it keeps failing, tell whoever runs this app.");
  }

  /**
   * A policy said no. Its reason is mrkdwn written to be shown (quoting only validated IDs); the
   * advice depends on the rule, since help is no use where /ecs is not enabled at all.
   */
  static SlackMessage refused(Decision decision) {
    String advice = decision.rule().map(FrontReplies::advice).orElse(HELP_HINT);
    return SlackMessage.ephemeral(decision.reason() + " " + advice)
        .withBlocks(List.of(Block.section(":no_entry: " + decision.reason()), Block.context(advice)));
  }

  private static String advice(Decision.Rule rule) {
    switch (rule) {
      case WORKSPACE:
      case CHANNEL:
        return "Run it from a channel where /ecs is enabled.";
      case USER:
        return "Ask someone who may change instances to run it.";
      default:
        return HELP_HINT;
    }
  }

  /**
   * The response_url is not one we post results to. Only a forged or a misrouted request gets
   * here, so the advice is to run the command from Slack again.
   */
  static SlackMessage responseUrlRefused() {
    return refusedWithAdvice("This request's reply address is not a Slack address, so its result could not reach you.",
        "Nothing was started. Run the command again from Slack.");
  }

  /** A verified request without the IDs a job needs; Slack always sends them from a channel. */
  static SlackMessage incomplete(String missing) {
    return refusedWithAdvice("Slack did not say which " + missing + " this command came from.",
        "Nothing was started. Run the command again from a channel.");
  }

  /**
   * FC got the request, perhaps, but never answered: saying "nothing was changed" could be false,
   * and a user who retries at once could start the job twice.
   */
  static SlackMessage notConfirmed() {
    return refusedWithAdvice("Could not confirm that the job started: Function Compute did not answer in time."
            + " It may still run, and then its result will appear here.",
        "Wait a minute, or check with `/ecs status`, before you run the command again.");
  }

  /** FC refused the invoke (or nothing could be sent): the platform queued nothing. */
  static SlackMessage couldNotStart() {
    return refusedWithAdvice("Could not start the job \u2014 nothing was changed.",
        "Try again in a minute; if it keeps failing, ask whoever runs this app to check its logs.");
  }

  /** In channel, so everyone sees who asked for what before the result arrives. */
  static SlackMessage accepted(String userId, EcsCommand command) {
    StringBuilder asked = new StringBuilder()
        .append(Mrkdwn.user(userId)).append(" asked to *").append(command.action().word()).append("* ");
    List<String> ids = command.instanceIds();
    if (ids.isEmpty()) {
      asked.append("instances");
    } else {
      int shown = Math.min(ids.size(), MAX_IDS_SHOWN);
      for (int i = 0; i < shown; i++) {
        asked.append(i == 0 ? "" : ", ").append('`').append(Mrkdwn.escape(ids.get(i))).append('`');
      }
      if (ids.size() > shown) asked.append(" and ").append(ids.size() - shown).append(" more");
    }
    asked.append(" in ").append(command.region().map(r -> "`" + Mrkdwn.escape(r) + "`").orElse("the default region"));
    List<String> flags = new ArrayList<>();
    if (command.force()) flags.add("forced");
    if (command.dryRun()) flags.add("dry run: nothing will change");
    if (!flags.isEmpty()) asked.append(" (").append(String.join(", ", flags)).append(')');
    asked.append('.');
    String note = "The result will follow in this channel.";
    return SlackMessage.inChannel(asked + " " + note)
        .withBlocks(List.of(Block.section(asked.toString()), Block.context(note)));
  }

  private static String sentence(String text) {
    return text.endsWith(".") ? text : text + ".";
  }

  private static SlackMessage refusedWithAdvice(String why, String advice) {
    return SlackMessage.ephemeral(why + " " + advice)
        .withBlocks(List.of(Block.section(":warning: " + why), Block.context(advice)));
  }

}
