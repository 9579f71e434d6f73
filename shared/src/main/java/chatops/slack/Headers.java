package chatops.slack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP request headers as an immutable multi-map whose names match case-insensitively.
 *
 * <p>Every value ever sent under a name is kept, in order: the verifier must be able to see a
 * header that arrived twice (even under two spellings of its name) so that it can refuse it
 * instead of picking one.
 *
 * <p>Names are folded with ASCII rules only. HTTP field names are ASCII tokens, and a
 * locale- or Unicode-aware fold would let a name such as {@code X-Slack-S\u0131gnature}
 * (dotless i) pass for the real one.
 */
public final class Headers {
  private static final Headers EMPTY = new Headers(Map.of());

  private final Map<String, List<String>> byLowerName;

  private Headers(Map<String, List<String>> byLowerName) {
    this.byLowerName = byLowerName;
  }

  /**
   * Copies a servlet- or client-style header map. Entries with a null name (the status line in
   * {@code HttpURLConnection}) and null values are skipped; they carry no header.
   */
  public static Headers of(Map<String, List<String>> headers) {
    Objects.requireNonNull(headers, "headers");
    Map<String, List<String>> merged = new HashMap<>();
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey() == null || entry.getValue() == null) {
        continue;
      }
      for (String value : entry.getValue()) {
        add(merged, entry.getKey(), value);
      }
    }
    return freeze(merged);
  }

  /** {@code Headers.of("X-Slack-Signature", "v0=...", "X-Slack-Request-Timestamp", "1700000000")}. */
  public static Headers of(String... nameValuePairs) {
    Objects.requireNonNull(nameValuePairs, "nameValuePairs");
    if (nameValuePairs.length % 2 != 0) {
      throw new IllegalArgumentException("expected name/value pairs, got an odd count: "
          + nameValuePairs.length);
    }
    Map<String, List<String>> merged = new HashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      add(merged, Objects.requireNonNull(nameValuePairs[i], "header name"),
          Objects.requireNonNull(nameValuePairs[i + 1], "header value"));
    }
    return freeze(merged);
  }

  /** The first value sent under {@code name}, if any. */
  public Optional<String> first(String name) {
    List<String> values = all(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value sent under {@code name}, in arrival order; empty when there is none. */
  public List<String> all(String name) {
    List<String> values = byLowerName.get(asciiLowerCase(Objects.requireNonNull(name, "name")));
    return values == null ? List.of() : values;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Headers && byLowerName.equals(((Headers) other).byLowerName);
  }

  @Override
  public int hashCode() {
    return byLowerName.hashCode();
  }

  /** Names only: values may hold a signature or a cookie, which must not reach a log. */
  @Override
  public String toString() {
    String[] names = byLowerName.keySet().toArray(new String[0]);
    Arrays.sort(names);
    return "Headers" + Arrays.toString(names);
  }

  private static void add(Map<String, List<String>> merged, String name, String value) {
    if (value != null) {
      merged.computeIfAbsent(asciiLowerCase(name), n -> new ArrayList<>(1)).add(value);
    }
  }

  private static Headers freeze(Map<String, List<String>> merged) {
    if (merged.isEmpty()) {
      return EMPTY;
    }
    merged.replaceAll((name, values) -> List.copyOf(values));
    return new Headers(Map.copyOf(merged));
  }

  /** Returns {@code name} itself when it has no upper-case ASCII letter, so lookups with constants allocate nothing. */
  static String asciiLowerCase(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] chars = name.toCharArray();
        for (int j = i; j < chars.length; j++) {
          if (chars[j] >= 'A' && chars[j] <= 'Z') {
            chars[j] = (char) (chars[j] + ('a' - 'A'));
          }
        }
        return new String(chars);
      }
    }
    return name;
  }
}
