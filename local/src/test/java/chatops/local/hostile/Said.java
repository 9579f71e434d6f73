package chatops.local.hostile;

import chatops.ecs.EcsGrammar;

/** The Front's refusals word for word, as the user reads them in Slack. */
final class Said {
  static final String RESPONSE_URL = "This request's reply address is not a Slack address, so its result could"
      + " not reach you. Nothing was started. Run the command again from Slack.";
  static final String WRONG_WORKSPACE = "This workspace is not allowed to use /ecs."
      + " Run it from a channel where /ecs is enabled.";
  static final String WRONG_CHANNEL = "/ecs cannot be used in this channel. Run it from a channel where /ecs is enabled.";
  private static final String HELP_HINT = "Type `/ecs help` to see what you can run.";

  private Said() {}

  /** A verified request whose form did not decode; {@code problem} is FormBody's own sentence. */
  static String malformed(String problem) {
    return "Slack's request could not be read. The request form is malformed: " + problem
        + " Nothing was started. Run the command again; if it keeps failing, tell whoever runs this app.";
  }

  static String incomplete(String what) {
    return "Slack did not say which " + what + " this command came from."
        + " Nothing was started. Run the command again from a channel.";
  }

  static String notAllowedTo(String action) {
    return "You are not allowed to " + action + " instances. Ask someone who may change instances to run it.";
  }

  static String disabled(String action) {
    return "`" + action + "` is not enabled for /ecs here. " + HELP_HINT;
  }

  static String unmanaged(String quotedIds) {
    return "/ecs does not manage " + quotedIds + ". " + HELP_HINT;
  }

  /** The grammar's explanation, then the usage. */
  static String badCommand(String error) {
    return error + "\n" + EcsGrammar.usage();
  }
}
