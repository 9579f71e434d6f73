package chatops.json;

import java.nio.charset.StandardCharsets;

/**
 * Writes one compact JSON document of objects, arrays, strings, numbers and booleans, for the
 * messages this project sends (Slack replies, the Front→Execution job). Reading JSON, which comes
 * from outside, stays with jackson.
 *
 * <p>Why not jackson's generator: the Front writes two documents on its cold start, inside Slack's
 * 3 s, and initialising jackson-core's factory and generators (about 50 classes, most of them large
 * and bytecode-verified on load) took ≈20 ms of a 180 ms cold start here; this class is one small
 * class. Its escaping is jackson's: {@code "} and {@code \}, the short forms {@code \b \t \n \f \r},
 * {@code &#92;u00XX} for the other control characters, everything else as is. A lone surrogate, which
 * UTF-8 cannot encode, comes out as {@code ?}.
 *
 * <p>Not thread-safe; one instance per document.
 */
public final class JsonWriter {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final int MAX_DEPTH = 32;

  private final StringBuilder out;
  /** Bit n set: the container at depth n already holds a value, so the next one needs a comma. */
  private long filled;
  private int depth;
  /** A name was just written: the value that follows takes no comma. */
  private boolean afterName;

  public JsonWriter(int expectedChars) {
    this.out = new StringBuilder(expectedChars);
  }

  public JsonWriter beginObject() {
    return open('{');
  }

  public JsonWriter beginObject(String name) {
    return name(name).open('{');
  }

  public JsonWriter endObject() {
    return close('}');
  }

  public JsonWriter beginArray(String name) {
    return name(name).open('[');
  }

  public JsonWriter endArray() {
    return close(']');
  }

  /** A string field; null writes {@code null}. */
  public JsonWriter field(String name, String value) {
    return name(name).rawValue(value);
  }

  public JsonWriter field(String name, boolean value) {
    name(name).separate();
    out.append(value);
    return this;
  }

  public JsonWriter field(String name, long value) {
    name(name).separate();
    out.append(value);
    return this;
  }

  /** A string element of the current array; null writes {@code null}. */
  public JsonWriter value(String value) {
    return rawValue(value);
  }

  /** The document in UTF-8; every object and array must be closed. */
  public byte[] toUtf8() {
    if (depth != 0) throw new IllegalStateException("JSON document has " + depth + " unclosed containers");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private JsonWriter name(String name) {
    separate();
    string(name);
    out.append(':');
    afterName = true;
    return this;
  }

  private JsonWriter open(char bracket) {
    if (depth == MAX_DEPTH) throw new IllegalStateException("JSON nested deeper than " + MAX_DEPTH);
    separate();
    out.append(bracket);
    depth++;
    filled &= ~(1L << depth);
    return this;
  }

  private JsonWriter close(char bracket) {
    if (depth == 0) throw new IllegalStateException("no open JSON container to close");
    out.append(bracket);
    depth--;
    return this;
  }

  /** Before a name, or before a value that does not follow a name: a comma unless it is the first. */
  private JsonWriter separate() {
    if (afterName) {
      afterName = false;
    } else {
      if ((filled & (1L << depth)) != 0) out.append(',');
      filled |= 1L << depth;
    }
    return this;
  }

  private JsonWriter rawValue(String value) {
    separate();
    if (value == null) {
      out.append("null");
    } else {
      string(value);
    }
    return this;
  }

  private void string(String s) {
    out.append('"');
    int plainFrom = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out.append(s, plainFrom, i);
      plainFrom = i + 1;
      out.append('\\');
      switch (c) {
        case '"': out.append('"'); break;
        case '\\': out.append('\\'); break;
        case '\b': out.append('b'); break;
        case '\t': out.append('t'); break;
        case '\n': out.append('n'); break;
        case '\f': out.append('f'); break;
        case '\r': out.append('r'); break;
        default: out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]); break;
      }
    }
    out.append(s, plainFrom, s.length()).append('"');
  }
}
