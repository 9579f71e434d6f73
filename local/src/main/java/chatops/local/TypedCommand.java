package chatops.local;

import chatops.ecs.EcsGrammar;
import chatops.ecs.InstanceIds;
import java.util.Optional;

/**
 * One line typed at the demo's prompt or given to {@code --command}: {@code /ecs start i-abc}, or
 * just {@code start i-abc} since only {@code /ecs} reaches this app. The prompt's own words
 * ({@code quit}, {@code :fleet}) are told apart here so a sub-command can never be mistaken for one.
 */
final class TypedCommand {
  static final String SLASH = "/ecs";
  /** Only asked whether a text is help, which does not depend on the instance cap. */
  private static final EcsGrammar GRAMMAR = new EcsGrammar(InstanceIds.MAX_PER_COMMAND);

  /** What a line asks for. */
  enum Kind { SEND, QUIT, FLEET, NOTHING, OTHER_COMMAND }

  private final Kind kind;
  private final String text;

  private TypedCommand(Kind kind, String text) {
    this.kind = kind;
    this.text = text;
  }

  static TypedCommand parse(String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty()) return new TypedCommand(Kind.NOTHING, "");
    if (trimmed.equals("quit") || trimmed.equals("exit") || trimmed.equals(":q")) {
      return new TypedCommand(Kind.QUIT, "");
    }
    if (trimmed.equals(":fleet")) return new TypedCommand(Kind.FLEET, "");
    if (!trimmed.startsWith("/")) return new TypedCommand(Kind.SEND, trimmed);
    String[] parts = trimmed.split("\\s+", 2);
    if (!parts[0].equals(SLASH)) return new TypedCommand(Kind.OTHER_COMMAND, parts[0]);
    return new TypedCommand(Kind.SEND, parts.length > 1 ? parts[1] : "");
  }

  Kind kind() {
    return kind;
  }

  /** The slash command's {@code text} field for SEND, the unknown command's name for OTHER_COMMAND. */
  String text() {
    return text;
  }

  /** Help is answered in the reply itself; there is no result to wait for. */
  boolean isHelp() {
    return kind == Kind.SEND && GRAMMAR.parse(text).isHelp();
  }

  Optional<String> slashLine() {
    if (kind != Kind.SEND) return Optional.empty();
    return Optional.of(text.isEmpty() ? SLASH : SLASH + " " + text);
  }
}
