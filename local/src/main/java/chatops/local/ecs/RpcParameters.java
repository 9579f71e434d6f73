package chatops.local.ecs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of one RPC call, from the query string and the form body together (the SDK puts
 * everything in the query of a POST; hand-written clients often use the body). Immutable.
 */
final class RpcParameters {
  private static final int MAX_INDEX = 100;

  private final Map<String, String> values;

  private RpcParameters(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * A name given twice is refused rather than resolved: which copy the signature covered would be a
   * guess, and an emulator that guesses lets a broken client pass.
   */
  static RpcParameters parse(String rawQuery, String contentType, byte[] body) throws Rejection {
    Map<String, String> values = new TreeMap<>();
    addPairs(values, rawQuery);
    if (body.length > 0 && isForm(contentType)) {
      addPairs(values, new String(body, StandardCharsets.ISO_8859_1));
    }
    return new RpcParameters(values);
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** An absent or empty required parameter is answered {@code Missing<Name>}, as the gateway does. */
  String require(String name) throws Rejection {
    String value = values.get(name);
    if (value == null || value.isEmpty()) {
      throw Rejection.missing(name);
    }
    return value;
  }

  boolean bool(String name) throws Rejection {
    String value = values.get(name);
    if (value == null) {
      return false;
    }
    if ("true".equalsIgnoreCase(value)) {
      return true;
    }
    if ("false".equalsIgnoreCase(value)) {
      return false;
    }
    throw Rejection.invalidParameter(name);
  }

  int integer(String name, int fallback, int min, int max) throws Rejection {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        throw Rejection.invalidParameter(name);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw Rejection.invalidParameter(name);
    }
  }

  /**
   * The values of {@code Name.1 .. Name.100}, in index order. An index past 100 means too many IDs;
   * an empty value is refused.
   */
  List<String> indexed(String name) throws Rejection {
    Pattern pattern = Pattern.compile(Pattern.quote(name) + "\\.(\\d{1,9})");
    TreeMap<Integer, String> byIndex = new TreeMap<>();
    for (Map.Entry<String, String> entry : values.entrySet()) {
      Matcher m = pattern.matcher(entry.getKey());
      if (!m.matches()) {
        continue;
      }
      int index = Integer.parseInt(m.group(1));
      if (index > MAX_INDEX) {
        throw Rejection.tooManyInstanceIds();
      }
      if (index < 1 || entry.getValue().isEmpty()) {
        throw Rejection.invalidParameter(entry.getKey());
      }
      byIndex.put(index, entry.getValue());
    }
    return new ArrayList<>(byIndex.values());
  }

  /** Everything, sorted by name: the order the signature is computed in. */
  Map<String, String> all() {
    return values;
  }

  private static boolean isForm(String contentType) {
    return contentType != null
        && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded");
  }

  private static void addPairs(Map<String, String> into, String encoded) throws Rejection {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (into.putIfAbsent(name, value) != null) {
        throw Rejection.duplicateParameter(name);
      }
    }
  }

  /** Form decoding: {@code +} is a space, {@code %XX} a byte; bytes must be valid UTF-8. */
  private static String decode(String encoded) throws Rejection {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= encoded.length()) {
          throw Rejection.malformedEncoding();
        }
        int hi = Character.digit(encoded.charAt(i + 1), 16);
        int lo = Character.digit(encoded.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw Rejection.malformedEncoding();
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c > 0x7f) {
        throw Rejection.malformedEncoding();
      } else {
        bytes.write(c);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw Rejection.malformedEncoding();
    }
  }
}
