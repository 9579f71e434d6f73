package chatops.local.fc;

import javax.servlet.http.Cookie;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the structured header values a servlet request and response expose: charset, locales, cookies. */
final class HeaderValues {
  private HeaderValues() {
  }

  /** The {@code charset} parameter of a Content-Type, or null. */
  static String charset(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String parameter : contentType.split(";")) {
      String trimmed = parameter.trim();
      if (trimmed.regionMatches(true, 0, "charset=", 0, 8)) {
        return trimmed.substring(8).replace("\"", "").trim();
      }
    }
    return null;
  }

  /** The Content-Type without its charset parameter, so a new one can be set. */
  static String withoutCharset(String contentType) {
    StringBuilder kept = new StringBuilder();
    for (String parameter : contentType.split(";")) {
      String trimmed = parameter.trim();
      if (!trimmed.regionMatches(true, 0, "charset=", 0, 8)) {
        kept.append(kept.length() == 0 ? "" : ";").append(trimmed);
      }
    }
    return kept.toString();
  }

  static Charset charsetOrDefault(String name, Charset fallback) throws UnsupportedEncodingException {
    if (name == null) {
      return fallback;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new UnsupportedEncodingException(name);
    }
  }

  /** Accept-Language in preference order (highest q first, stable for equal q); empty when absent. */
  static List<Locale> acceptedLocales(String acceptLanguage) {
    List<Locale> locales = new ArrayList<>();
    Map<Locale, Double> quality = new HashMap<>();
    if (acceptLanguage == null) {
      return locales;
    }
    for (String range : acceptLanguage.split(",")) {
      String[] parts = range.trim().split(";");
      if (parts[0].isEmpty() || parts[0].equals("*")) {
        continue;
      }
      Locale locale = Locale.forLanguageTag(parts[0].trim());
      locales.add(locale);
      quality.put(locale, quality(parts));
    }
    locales.sort(Comparator.comparingDouble((Locale locale) -> quality.get(locale)).reversed());
    return locales;
  }

  private static double quality(String[] rangeParts) {
    for (int i = 1; i < rangeParts.length; i++) {
      String parameter = rangeParts[i].trim();
      if (parameter.startsWith("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2));
        } catch (NumberFormatException malformed) {
          return 0;
        }
      }
    }
    return 1.0;
  }

  static List<Cookie> cookies(List<String> cookieHeaders) {
    List<Cookie> cookies = new ArrayList<>();
    for (String header : cookieHeaders) {
      for (String pair : header.split(";")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          try {
            cookies.add(new Cookie(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim()));
          } catch (IllegalArgumentException badName) {
            // A container skips a cookie whose name it cannot represent.
          }
        }
      }
    }
    return cookies;
  }

  /** A Set-Cookie value with the attributes the cookie carries. */
  static String setCookie(Cookie cookie) {
    StringBuilder value = new StringBuilder(cookie.getName()).append('=').append(cookie.getValue());
    if (cookie.getPath() != null) {
      value.append("; Path=").append(cookie.getPath());
    }
    if (cookie.getDomain() != null) {
      value.append("; Domain=").append(cookie.getDomain());
    }
    if (cookie.getMaxAge() >= 0) {
      value.append("; Max-Age=").append(cookie.getMaxAge());
    }
    return value.append(cookie.getSecure() ? "; Secure" : "").append(cookie.isHttpOnly() ? "; HttpOnly" : "").toString();
  }
}
