package chatops.config;

import java.util.Objects;

/**
 * A missing or malformed environment variable. The message names the variable and the rule it
 * broke, never the value (which may be a secret), and no cause is attached because parser
 * exceptions quote their input.
 */
public final class SettingsException extends RuntimeException {
  private final Variable variable;

  /** @param rule what the value must be, written without the value, e.g. "is required" */
  public SettingsException(Variable variable, String rule) {
    super(variable.envName() + " " + Objects.requireNonNull(rule));
    this.variable = variable;
  }

  public Variable variable() {
    return variable;
  }
}
