package chatops.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A list in one environment variable, in any of the three forms deployments use: a comma list
 * ({@code start,stop}), a JSON array ({@code ["start","stop"]}), or the original sample's
 * bracketed words without commas ({@code ["start" "stop"]}, also with single quotes). Every list
 * variable reads the same way, so an operator learns one rule.
 */
final class ListValue {
  private ListValue() {}

  /**
   * The items, trimmed, in order. Empty items of a comma list are skipped (a trailing comma is
   * harmless); a bracketed list must quote every item.
   *
   * @throws IllegalArgumentException when the text is none of the three forms; the message is fixed
   *     text, never the input
   */
  static List<String> parse(String text) {
    String trimmed = text.trim();
    if (trimmed.startsWith("[")) return bracketed(trimmed);
    List<String> items = new ArrayList<>();
    for (String item : trimmed.split(",", -1)) {
      if (!item.trim().isEmpty()) items.add(item.trim());
    }
    return items;
  }

  private static List<String> bracketed(String text) {
    if (text.length() < 2 || !text.endsWith("]")) throw malformed();
    String inner = text.substring(1, text.length() - 1);
    List<String> items = new ArrayList<>();
    int i = skipSpace(inner, 0);
    boolean needItem = false;
    while (i < inner.length()) {
      char quote = inner.charAt(i);
      if (quote != '"' && quote != '\'') throw malformed();
      int end = inner.indexOf(quote, i + 1);
      if (end < 0) throw malformed();
      String item = inner.substring(i + 1, end).trim();
      if (item.isEmpty() || item.indexOf('\\') >= 0) throw malformed();
      items.add(item);
      i = skipSpace(inner, end + 1);
      needItem = i < inner.length() && inner.charAt(i) == ',';
      if (needItem) i = skipSpace(inner, i + 1);
    }
    if (needItem) throw malformed();
    return items;
  }

  private static int skipSpace(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
    return i;
  }

  private static IllegalArgumentException malformed() {
    return new IllegalArgumentException("not a list");
  }
}
