package chatops.slack;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A decoded {@code application/x-www-form-urlencoded} body, as Slack posts slash commands.
 *
 * <p>Decoding is strict because a lenient decoder gives an attacker room to make two components
 * disagree about what was sent: every {@code %XX} must be complete hexadecimal, the decoded bytes
 * must be valid UTF-8 (no replacement characters stand in for garbage), and a key may appear only
 * once (otherwise "which {@code text} wins" depends on the reader). Keys may not hold control
 * characters and no value may hold NUL; Slack never sends either.
 *
 * <p>Lenient where the format itself is: empty sequences between {@code &} are skipped, and a
 * sequence without {@code =} is a key with an empty value (both as in the WHATWG URL standard).
 */
public final class FormBody {
  private static final FormBody EMPTY = new FormBody(Map.of());
  /** Key spellings that are safe to quote back to a user; anything else is named by position. */
  private static final Pattern PRINTABLE_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

  private final Map<String, String> fields;

  private FormBody(Map<String, String> fields) {
    this.fields = fields;
  }

  /** Decodes the raw body bytes exactly as received; an empty body is an empty form. */
  public static FormBody decode(byte[] raw) throws MalformedFormException {
    Objects.requireNonNull(raw, "raw");
    if (raw.length == 0) {
      return EMPTY;
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    // A decoded component is never longer than its encoded form, so one buffer serves them all.
    byte[] scratch = new byte[raw.length];
    Map<String, String> fields = new LinkedHashMap<>();
    int ordinal = 0;
    for (int start = 0; start <= raw.length; ) {
      int end = indexOf(raw, (byte) '&', start, raw.length);
      if (end > start) {
        ordinal++;
        int equals = indexOf(raw, (byte) '=', start, end);
        String key = component(raw, start, equals, scratch, utf8, ordinal, null);
        String value = equals == end ? "" : component(raw, equals + 1, end, scratch, utf8, ordinal, key);
        checkKey(key, ordinal);
        if (value.indexOf('\0') >= 0) {
          throw malformed(describe(key, ordinal) + " contains a NUL character.");
        }
        if (fields.putIfAbsent(key, value) != null) {
          throw malformed(describe(key, ordinal) + " appears more than once.");
        }
      }
      start = end + 1;
    }
    return new FormBody(Collections.unmodifiableMap(fields));
  }

  /** The decoded value of {@code key}; present but empty when the form had {@code key=} or a bare {@code key}. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(fields.get(Objects.requireNonNull(key, "key")));
  }

  /** Every key, in the order it appeared in the body. */
  public Set<String> keys() {
    return fields.keySet();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FormBody && fields.equals(((FormBody) other).fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  /** Keys only: values include the legacy token and the response_url, a posting capability. */
  @Override
  public String toString() {
    return "FormBody" + fields.keySet();
  }

  /** Decodes one key ({@code key == null}) or the value of {@code key}. */
  private static String component(byte[] raw, int from, int to, byte[] scratch, CharsetDecoder utf8,
      int ordinal, String key) throws MalformedFormException {
    int length = 0;
    for (int i = from; i < to; i++) {
      byte b = raw[i];
      if (b == '+') {
        b = ' ';
      } else if (b == '%') {
        int high = i + 2 < to ? hexValue(raw[i + 1]) : -1;
        int low = high >= 0 ? hexValue(raw[i + 2]) : -1;
        if (low < 0) {
          throw malformed(where(ordinal, key) + " has a %-escape that is not two hexadecimal digits.");
        }
        b = (byte) (high << 4 | low);
        i += 2;
      }
      scratch[length++] = b;
    }
    if (length == 0) {
      return "";
    }
    try {
      utf8.reset();
      CharBuffer chars = utf8.decode(ByteBuffer.wrap(scratch, 0, length));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw malformed(where(ordinal, key) + " is not valid UTF-8 text.");
    }
  }

  private static void checkKey(String key, int ordinal) throws MalformedFormException {
    if (key.isEmpty()) {
      throw malformed("field #" + ordinal + " has no name.");
    }
    for (int i = 0; i < key.length(); i++) {
      if (Character.isISOControl(key.charAt(i))) {
        throw malformed("field #" + ordinal + " has a control character in its name.");
      }
    }
  }

  private static String where(int ordinal, String key) {
    return key == null ? "the name of field #" + ordinal : describe(key, ordinal);
  }

  private static String describe(String key, int ordinal) {
    return PRINTABLE_KEY.matcher(key).matches() ? "field \"" + key + "\"" : "field #" + ordinal;
  }

  private static MalformedFormException malformed(String problem) {
    return new MalformedFormException("The request form is malformed: " + problem);
  }

  private static int indexOf(byte[] raw, byte wanted, int from, int to) {
    for (int i = from; i < to; i++) {
      if (raw[i] == wanted) {
        return i;
      }
    }
    return to;
  }

  private static int hexValue(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }
}
