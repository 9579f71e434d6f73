package chatops.ecs;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link EcsGrammar#parse} made of a command's text: exactly one of a request for help, a
 * valid command, or an error.
 *
 * <p>The error is Slack mrkdwn, already safe to send: words quoted from the user are escaped and
 * shortened. Do not escape it again. The reply shows it followed by {@link EcsGrammar#usage()}.
 */
public final class Parse {
  private static final Parse HELP = new Parse(null, null);

  private final EcsCommand command;
  private final String error;

  private Parse(EcsCommand command, String error) {
    this.command = command;
    this.error = error;
  }

  static Parse help() {
    return HELP;
  }

  static Parse of(EcsCommand command) {
    return new Parse(Objects.requireNonNull(command), null);
  }

  static Parse error(String message) {
    return new Parse(null, Objects.requireNonNull(message));
  }

  public boolean isHelp() {
    return command == null && error == null;
  }

  public Optional<EcsCommand> command() {
    return Optional.ofNullable(command);
  }

  /** What was wrong, in one or two sentences fit for the user. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  @Override
  public String toString() {
    if (isHelp()) return "Parse{help}";
    return command != null ? "Parse{command=" + command + "}" : "Parse{error}";
  }
}
