package chatops.local.fc;

import okhttp3.mockwebserver.MockResponse;

import javax.servlet.ServletOutputStream;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;

/**
 * The HTTP trigger's response as a servlet response. Everything is buffered and sent when the
 * handler returns, as FC does; status, headers (any case, repeated values) and body bytes go back
 * to the caller unchanged, plus FC's own {@code X-Fc-Request-Id}.
 */
final class TriggerResponse implements HttpServletResponse {
  private final ResponseHeaders headers = new ResponseHeaders();
  private final BodyOutputStream body = new BodyOutputStream();
  private int status = SC_OK;
  private String characterEncoding;
  private PrintWriter writer;
  private boolean streamTaken;
  private boolean committed;
  private int bufferSize = 8192;
  private Locale locale = Locale.getDefault();

  MockResponse toMockResponse(String requestId) {
    if (writer != null) {
      writer.flush();
    }
    MockResponse response = new MockResponse().setResponseCode(status);
    for (String[] header : headers.entries()) {
      // The emulator frames the body itself; a handler's own framing headers would contradict it.
      if (!header[0].equalsIgnoreCase("Content-Length") && !header[0].equalsIgnoreCase("Transfer-Encoding")) {
        response.addHeaderLenient(header[0], header[1]);
      }
    }
    return response.setHeader(FcHeaders.REQUEST_ID, requestId).setBody(new okio.Buffer().write(body.toByteArray()));
  }

  @Override
  public synchronized ServletOutputStream getOutputStream() {
    if (writer != null) {
      throw new IllegalStateException("getWriter() was already called for this response");
    }
    streamTaken = true;
    return body;
  }

  @Override
  public synchronized PrintWriter getWriter() throws UnsupportedEncodingException {
    if (streamTaken) {
      throw new IllegalStateException("getOutputStream() was already called for this response");
    }
    if (writer == null) {
      writer = new PrintWriter(new OutputStreamWriter(body,
          HeaderValues.charsetOrDefault(getCharacterEncoding(), StandardCharsets.ISO_8859_1)));
    }
    return writer;
  }

  @Override
  public void setStatus(int code) {
    status = code;
  }

  @Override
  @Deprecated
  public void setStatus(int code, String message) {
    status = code;
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public void sendError(int code, String message) {
    requireUncommitted();
    status = code;
    body.clear();
    if (message != null) {
      setContentType("text/plain;charset=UTF-8");
      byte[] text = message.getBytes(StandardCharsets.UTF_8);
      body.write(text, 0, text.length);
    }
    committed = true;
  }

  @Override
  public void sendError(int code) {
    sendError(code, null);
  }

  @Override
  public void sendRedirect(String location) {
    requireUncommitted();
    status = SC_FOUND;
    headers.set("Location", location);
    body.clear();
    committed = true;
  }

  @Override
  public void setHeader(String name, String value) {
    if (name.equalsIgnoreCase("Content-Type")) {
      setContentType(value);
    } else {
      headers.set(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    headers.add(name, value);
  }

  @Override
  public void setIntHeader(String name, int value) {
    headers.set(name, Integer.toString(value));
  }

  @Override
  public void addIntHeader(String name, int value) {
    headers.add(name, Integer.toString(value));
  }

  @Override
  public void setDateHeader(String name, long epochMillis) {
    headers.set(name, httpDate(epochMillis));
  }

  @Override
  public void addDateHeader(String name, long epochMillis) {
    headers.add(name, httpDate(epochMillis));
  }

  @Override
  public boolean containsHeader(String name) {
    return headers.first(name) != null;
  }

  @Override
  public String getHeader(String name) {
    return headers.first(name);
  }

  @Override
  public Collection<String> getHeaders(String name) {
    return headers.all(name);
  }

  @Override
  public Collection<String> getHeaderNames() {
    return headers.names();
  }

  @Override
  public void addCookie(Cookie cookie) {
    headers.add("Set-Cookie", HeaderValues.setCookie(cookie));
  }

  @Override
  public void setContentType(String type) {
    if (type == null) {
      headers.remove("Content-Type");
      return;
    }
    String charset = HeaderValues.charset(type);
    if (charset != null && writer == null) {
      characterEncoding = charset;
    }
    headers.set("Content-Type", type);
  }

  @Override
  public String getContentType() {
    return headers.first("Content-Type");
  }

  @Override
  public void setCharacterEncoding(String charset) {
    if (writer != null || charset == null) {
      return;
    }
    characterEncoding = charset;
    String type = headers.first("Content-Type");
    if (type != null) {
      headers.set("Content-Type", HeaderValues.withoutCharset(type) + ";charset=" + charset);
    }
  }

  @Override
  public String getCharacterEncoding() {
    return characterEncoding == null ? StandardCharsets.ISO_8859_1.name() : characterEncoding;
  }

  @Override
  public void setContentLength(int length) {
    headers.set("Content-Length", Integer.toString(length));
  }

  @Override
  public void setContentLengthLong(long length) {
    headers.set("Content-Length", Long.toString(length));
  }

  @Override
  public void setBufferSize(int size) {
    bufferSize = size;
  }

  @Override
  public int getBufferSize() {
    return bufferSize;
  }

  @Override
  public void flushBuffer() {
    if (writer != null) {
      writer.flush();
    }
    committed = true;
  }

  @Override
  public void resetBuffer() {
    requireUncommitted();
    body.clear();
  }

  @Override
  public boolean isCommitted() {
    return committed;
  }

  @Override
  public void reset() {
    requireUncommitted();
    body.clear();
    headers.clear();
    status = SC_OK;
  }

  @Override
  public void setLocale(Locale locale) {
    this.locale = locale;
  }

  @Override
  public Locale getLocale() {
    return locale;
  }

  @Override
  public String encodeURL(String url) {
    return url;
  }

  @Override
  public String encodeRedirectURL(String url) {
    return url;
  }

  @Override
  @Deprecated
  public String encodeUrl(String url) {
    return url;
  }

  @Override
  @Deprecated
  public String encodeRedirectUrl(String url) {
    return url;
  }

  private void requireUncommitted() {
    if (committed) {
      throw new IllegalStateException("the response has already been committed");
    }
  }

  private static String httpDate(long epochMillis) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC));
  }
}
