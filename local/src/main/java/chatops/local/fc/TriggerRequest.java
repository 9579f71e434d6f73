package chatops.local.fc;

import okhttp3.Headers;

import javax.servlet.ServletInputStream;
import javax.servlet.http.Cookie;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP trigger's request as a servlet request, backed by the real exchange. The body is handed
 * over byte for byte; parameters come from the query string only, so reading a parameter never
 * consumes a form body the handler still has to verify (a Slack signature covers the raw bytes).
 */
final class TriggerRequest extends NeutralServletRequest {
  private final WireRequest wire;
  private final String contextPath;
  private final Map<String, List<String>> parameters;
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();
  private final BodyInputStream body;
  private String characterEncoding;
  private boolean streamTaken;
  private boolean readerTaken;

  TriggerRequest(WireRequest wire, String contextPath) {
    this.wire = wire;
    this.contextPath = contextPath;
    this.parameters = wire.query();
    this.body = new BodyInputStream(wire.body());
    this.characterEncoding = HeaderValues.charset(wire.headers().get("Content-Type"));
  }

  @Override
  public String getMethod() {
    return wire.method();
  }

  @Override
  public String getHeader(String name) {
    List<String> values = wire.headers().values(name);
    return values.isEmpty() ? null : values.get(0);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    return Collections.enumeration(wire.headers().values(name));
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    return Collections.enumeration(distinctNames(wire.headers()));
  }

  @Override
  public int getIntHeader(String name) {
    String value = getHeader(name);
    return value == null ? -1 : Integer.parseInt(value.trim());
  }

  @Override
  public long getDateHeader(String name) {
    String value = getHeader(name);
    if (value == null) {
      return -1;
    }
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("header " + name + " is not an HTTP date", e);
    }
  }

  @Override
  public Cookie[] getCookies() {
    List<Cookie> cookies = HeaderValues.cookies(wire.headers().values("Cookie"));
    return cookies.isEmpty() ? null : cookies.toArray(new Cookie[0]);
  }

  @Override
  public String getRequestURI() {
    return wire.rawPath();
  }

  @Override
  public StringBuffer getRequestURL() {
    return new StringBuffer(getScheme() + "://" + getServerName() + ":" + getServerPort() + wire.rawPath());
  }

  @Override
  public String getContextPath() {
    return contextPath;
  }

  @Override
  public String getServletPath() {
    return "";
  }

  @Override
  public String getPathInfo() {
    String rest = wire.rawPath().substring(Math.min(contextPath.length(), wire.rawPath().length()));
    return rest.isEmpty() ? null : WireRequest.percentDecode(rest, false);
  }

  @Override
  public String getQueryString() {
    return wire.rawQuery();
  }

  @Override
  public String getParameter(String name) {
    List<String> values = parameters.get(name);
    return values == null ? null : values.get(0);
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(parameters.keySet());
  }

  @Override
  public String[] getParameterValues(String name) {
    List<String> values = parameters.get(name);
    return values == null ? null : values.toArray(new String[0]);
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    Map<String, String[]> map = new LinkedHashMap<>();
    parameters.forEach((name, values) -> map.put(name, values.toArray(new String[0])));
    return Collections.unmodifiableMap(map);
  }

  @Override
  public synchronized ServletInputStream getInputStream() {
    if (readerTaken) {
      throw new IllegalStateException("getReader() was already called for this request");
    }
    streamTaken = true;
    return body;
  }

  @Override
  public synchronized BufferedReader getReader() throws UnsupportedEncodingException {
    if (streamTaken) {
      throw new IllegalStateException("getInputStream() was already called for this request");
    }
    readerTaken = true;
    Charset charset = HeaderValues.charsetOrDefault(characterEncoding, StandardCharsets.ISO_8859_1);
    return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(wire.body()), charset));
  }

  @Override
  public String getCharacterEncoding() {
    return characterEncoding;
  }

  @Override
  public synchronized void setCharacterEncoding(String encoding) throws UnsupportedEncodingException {
    if (readerTaken) {
      return;
    }
    HeaderValues.charsetOrDefault(encoding, StandardCharsets.ISO_8859_1);
    characterEncoding = encoding;
  }

  @Override
  public int getContentLength() {
    return wire.bodySize();
  }

  @Override
  public long getContentLengthLong() {
    return wire.bodySize();
  }

  @Override
  public String getContentType() {
    return getHeader("Content-Type");
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public Enumeration<String> getAttributeNames() {
    return Collections.enumeration(new ArrayList<>(attributes.keySet()));
  }

  @Override
  public void setAttribute(String name, Object value) {
    if (value == null) {
      attributes.remove(name);
    } else {
      attributes.put(name, value);
    }
  }

  @Override
  public void removeAttribute(String name) {
    attributes.remove(name);
  }

  @Override
  public Locale getLocale() {
    return getLocalesList().get(0);
  }

  @Override
  public Enumeration<Locale> getLocales() {
    return Collections.enumeration(getLocalesList());
  }

  @Override
  public String getProtocol() {
    return "HTTP/1.1";
  }

  @Override
  public String getScheme() {
    return "http";
  }

  @Override
  public String getServerName() {
    return wire.host();
  }

  @Override
  public int getServerPort() {
    return wire.port();
  }

  @Override
  public boolean isSecure() {
    return false;
  }

  /** The emulator listens on loopback only, so the peer is always this machine. */
  @Override
  public String getRemoteAddr() {
    return "127.0.0.1";
  }

  @Override
  public String getRemoteHost() {
    return "127.0.0.1";
  }

  @Override
  public int getRemotePort() {
    return 0;
  }

  @Override
  public String getLocalName() {
    return wire.host();
  }

  @Override
  public String getLocalAddr() {
    return "127.0.0.1";
  }

  @Override
  public int getLocalPort() {
    return wire.port();
  }

  private List<Locale> getLocalesList() {
    List<Locale> locales = HeaderValues.acceptedLocales(getHeader("Accept-Language"));
    return locales.isEmpty() ? List.of(Locale.getDefault()) : locales;
  }

  private static List<String> distinctNames(Headers headers) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      if (names.stream().noneMatch(name::equalsIgnoreCase)) {
        names.add(name);
      }
    }
    return names;
  }
}
