package chatops.local.slack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code application/x-www-form-urlencoded} the way Slack writes a slash command: fields in order,
 * UTF-8, space as '+', everything but letters, digits and {@code . - * _} percent-escaped
 * (so {@code /ecs} arrives as {@code %2Fecs} and the response URL fully escaped).
 */
final class FormEncoding {
  private FormEncoding() {
  }

  static byte[] encode(Map<String, String> orderedFields) {
    StringJoiner body = new StringJoiner("&");
    orderedFields.forEach((name, value) -> body.add(escape(name) + "=" + escape(value)));
    return body.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static String escape(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
