package chatops.log;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One structured log line: an event name, then {@code key=value} pairs in the order given.
 *
 * <pre>{@code LogLine.of("front").with("requestId", id).with("outcome", "accepted").with("ms", 12)}
 * -> front requestId=c0ffee outcome=accepted ms=12</pre>
 *
 * <p>Values come from requests, so they are hostile: a value that is not a plain word is quoted,
 * and inside the quotes {@code "} and {@code \} are escaped and every control, format (bidi
 * override, zero-width), line-separator, private-use or unassigned character and every lone
 * surrogate is written as {@code \}{@code uXXXX}. A value
 * can therefore never start a second line nor pose as another {@code key=}. Null is written as a bare
 * {@code null}; the string {@code "null"} is quoted, so the two cannot be confused.
 *
 * <p>Immutable: {@link #with} returns a new line that shares this one, so a common prefix (the
 * function and request ID) can be built once and extended per event.
 */
public final class LogLine {
  /** Keys and event names are chosen by code, not input; a fixed shape keeps lines greppable. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final LogLine previous;
  private final String key;
  private final String renderedValue;

  private LogLine(LogLine previous, String key, String renderedValue) {
    this.previous = previous;
    this.key = key;
    this.renderedValue = renderedValue;
  }

  /** Starts a line with its event (or component) name, e.g. {@code front}. */
  public static LogLine of(String event) {
    return new LogLine(null, checkedName(event), null);
  }

  public LogLine with(String key, String value) {
    return new LogLine(this, checkedName(key), value == null ? "null" : render(value));
  }

  public LogLine with(String key, long value) {
    return new LogLine(this, checkedName(key), Long.toString(value));
  }

  public LogLine with(String key, boolean value) {
    return new LogLine(this, checkedName(key), Boolean.toString(value));
  }

  /** The line, without a trailing newline. */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder(64);
    append(line);
    return line.toString();
  }

  private void append(StringBuilder line) {
    if (previous == null) {
      line.append(key);
      return;
    }
    previous.append(line);
    line.append(' ').append(key).append('=').append(renderedValue);
  }

  private static String render(String value) {
    if (isBare(value)) {
      return value;
    }
    StringBuilder quoted = new StringBuilder(value.length() + 8).append('"');
    for (int i = 0; i < value.length(); ) {
      int codePoint = value.codePointAt(i);
      int width = Character.charCount(codePoint);
      if (codePoint == '"' || codePoint == '\\') {
        quoted.append('\\').append((char) codePoint);
      } else if (codePoint == '\n') {
        quoted.append("\\n");
      } else if (codePoint == '\r') {
        quoted.append("\\r");
      } else if (codePoint == '\t') {
        quoted.append("\\t");
      } else if (mustEscape(codePoint)) {
        for (int j = i; j < i + width; j++) {
          appendUnicodeEscape(quoted, value.charAt(j));
        }
      } else {
        quoted.appendCodePoint(codePoint);
      }
      i += width;
    }
    return quoted.append('"').toString();
  }

  /**
   * A bare word: printable ASCII that cannot be mistaken for syntax (no space, quote, backslash
   * or {@code =}), and not the word {@code null}, which means an absent value.
   */
  private static boolean isBare(String value) {
    if (value.isEmpty() || value.equals("null")) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-_.:/@+,%#()[]".indexOf(c) >= 0;
      if (!plain) {
        return false;
      }
    }
    return true;
  }

  /**
   * Control, format (bidi overrides, zero-width and tag characters) and separator characters,
   * and lone surrogates (which {@code codePointAt} returns as themselves), none of which a reader
   * of the log should have to trust a terminal to show faithfully.
   */
  private static boolean mustEscape(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SURROGATE:
      case Character.UNASSIGNED:
      case Character.PRIVATE_USE:
        return true;
      default:
        return false;
    }
  }

  private static void appendUnicodeEscape(StringBuilder out, char c) {
    out.append("\\u");
    for (int shift = 12; shift >= 0; shift -= 4) {
      out.append(HEX[(c >> shift) & 0xf]);
    }
  }

  private static String checkedName(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("log keys are letters, digits, '_', '.', '-': " + name);
    }
    return name;
  }
}
