package chatops.local.fc;

import okhttp3.Headers;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as it came off the socket: method, headers with their original case, the raw
 * and decoded path, the query, and the body bytes untouched. Both the invoke API and the HTTP
 * trigger read this instead of MockWebServer's types.
 */
final class WireRequest {
  private final String method;
  private final Headers headers;
  private final String rawPath;
  private final String rawQuery;
  private final byte[] body;
  private final String host;
  private final int port;

  private WireRequest(String method, Headers headers, String rawPath, String rawQuery, byte[] body,
            String host, int port) {
    this.method = method;
    this.headers = headers;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
    this.body = body;
    this.host = host;
    this.port = port;
  }

  static WireRequest from(RecordedRequest recorded) {
    String target = recorded.getPath() == null ? "/" : recorded.getPath();
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? null : target.substring(question + 1);
    String host = recorded.getRequestUrl() == null ? "127.0.0.1" : recorded.getRequestUrl().host();
    int port = recorded.getRequestUrl() == null ? -1 : recorded.getRequestUrl().port();
    return new WireRequest(recorded.getMethod(), recorded.getHeaders(), path, query,
        recorded.getBody().readByteArray(), host, port);
  }

  String method() {
    return method;
  }

  Headers headers() {
    return headers;
  }

  /** The path exactly as sent, percent escapes included. */
  String rawPath() {
    return rawPath;
  }

  String decodedPath() {
    return percentDecode(rawPath, false);
  }

  /** The query exactly as sent, or null when the request line had no '?'. */
  String rawQuery() {
    return rawQuery;
  }

  /** Query parameters in order of appearance, '+' read as a space like a servlet container does. */
  Map<String, List<String>> query() {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = percentDecode(equals < 0 ? pair : pair.substring(0, equals), true);
      String value = equals < 0 ? "" : percentDecode(pair.substring(equals + 1), true);
      parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    parameters.replaceAll((name, values) -> Collections.unmodifiableList(values));
    return parameters;
  }

  byte[] body() {
    return body.clone();
  }

  int bodySize() {
    return body.length;
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  /** Lenient: a malformed escape stays as it was, since this only ever feeds a comparison or a handler. */
  static String percentDecode(String text, boolean plusIsSpace) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
        bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
        i += 3;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
        i++;
      } else {
        int codePoint = text.codePointAt(i);
        byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        i += Character.charCount(codePoint);
      }
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
