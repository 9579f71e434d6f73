package chatops.config;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads one function's environment. Values are trimmed and a blank value counts as unset, because
 * consoles save empty fields as empty strings and pasted secrets carry stray newlines. Every
 * failure is a {@link SettingsException} that names the variable and never quotes the value.
 */
final class Env {
  private final Map<String, String> values;
  private final Variable.Function function;

  Env(Map<String, String> values, Variable.Function function) {
    this.values = Objects.requireNonNull(values, "env");
    this.function = function;
  }

  Optional<String> optional(Variable variable) {
    if (!variable.readBy().contains(function)) {
      throw new IllegalStateException(variable + " is not declared as read by " + function);
    }
    String value = values.get(variable.envName());
    if (value == null || value.trim().isEmpty()) return Optional.empty();
    return Optional.of(value.trim());
  }

  String required(Variable variable) {
    return optional(variable).orElseThrow(() -> new SettingsException(variable, "is required"));
  }

  /** A single value that must pass {@code valid}; {@code rule} says what that takes. */
  Optional<String> checked(Variable variable, Predicate<String> valid, String rule) {
    Optional<String> value = optional(variable);
    if (value.isPresent() && !valid.test(value.get())) throw new SettingsException(variable, rule);
    return value;
  }

  /**
   * The items of a list variable (see {@link ListValue} for the forms), each checked by
   * {@code item}; empty when unset. {@code rule} says what an item must be.
   */
  Set<String> list(Variable variable, Predicate<String> item, String rule) {
    Optional<String> value = optional(variable);
    if (value.isEmpty()) return Set.of();
    Set<String> items = new LinkedHashSet<>();
    try {
      items.addAll(ListValue.parse(value.get()));
    } catch (IllegalArgumentException e) {
      throw new SettingsException(variable,
          "is not a list: write it as a,b or [\"a\",\"b\"]");
    }
    for (String each : items) {
      if (!item.test(each)) throw new SettingsException(variable, rule);
    }
    return items;
  }

  /** A whole number from {@code min} to {@code max}, or {@code fallback} when unset. */
  int number(Variable variable, int min, int max, int fallback) {
    Optional<String> value = optional(variable);
    if (value.isEmpty()) return fallback;
    String rule = "must be a whole number from " + min + " to " + max;
    if (!value.get().matches("[0-9]{1,9}")) throw new SettingsException(variable, rule);
    int number = Integer.parseInt(value.get());
    if (number < min || number > max) throw new SettingsException(variable, rule);
    return number;
  }

  Optional<Endpoint> endpoint(Variable variable) {
    Optional<String> value = optional(variable);
    if (value.isEmpty()) return Optional.empty();
    try {
      return Optional.of(Endpoint.parse(value.get()));
    } catch (IllegalArgumentException e) {
      throw new SettingsException(variable,
          "must be an endpoint such as https://host, http://host:port or host:port, without a path");
    }
  }
}
