package chatops.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * The policy's answer. A refusal's reason is written for the user who typed the command: it says
 * what they cannot do, never what the configuration allows.
 */
public final class Decision {
  /** Which rule refused; for logs and metrics, so they need not parse the reason. */
  public enum Rule {
    WORKSPACE,
    CHANNEL,
    SUB_COMMAND,
    USER,
    INSTANCE
  }

  private static final Decision ALLOWED = new Decision(null, "Allowed.");

  private final Rule rule;
  private final String reason;

  private Decision(Rule rule, String reason) {
    this.rule = rule;
    this.reason = reason;
  }

  static Decision allow() {
    return ALLOWED;
  }

  static Decision refuse(Rule rule, String reason) {
    return new Decision(Objects.requireNonNull(rule), Objects.requireNonNull(reason));
  }

  public boolean allowed() {
    return rule == null;
  }

  /** Slack mrkdwn fit for the user (quoted words are validated IDs); "Allowed." when allowed. */
  public String reason() {
    return reason;
  }

  /** The refusing rule; empty when allowed. */
  public Optional<Rule> rule() {
    return Optional.ofNullable(rule);
  }

  @Override
  public String toString() {
    return allowed() ? "Decision{allowed}" : "Decision{refused by " + rule + "}";
  }
}
