package chatops.bench.cold;

import static chatops.bench.cold.HarnessRequest.unused;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

/** Keeps what a handler writes, so the harness can check the reply it measured was the right one. */
public final class HarnessResponse implements HttpServletResponse {
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private int status = 200;

  public byte[] body() {
    return body.toByteArray();
  }

  @Override public void setStatus(int status) { this.status = status; }
  @Override public int getStatus() { return status; }
  @Override public void setHeader(String name, String value) { headers.put(name, value); }
  @Override public void addHeader(String name, String value) { headers.put(name, value); }
  @Override public String getHeader(String name) { return headers.get(name); }
  @Override public boolean containsHeader(String name) { return headers.containsKey(name); }
  @Override public void setContentLength(int length) { }
  @Override public void setContentLengthLong(long length) { }
  @Override public void setContentType(String type) { headers.put("Content-Type", type); }
  @Override public String getContentType() { return headers.get("Content-Type"); }
  @Override public ServletOutputStream getOutputStream() { return new Output(body); }

  @Override public void addCookie(Cookie cookie) { throw unused(); }
  @Override public String encodeURL(String url) { throw unused(); }
  @Override public String encodeRedirectURL(String url) { throw unused(); }
  @Override @Deprecated public String encodeUrl(String url) { throw unused(); }
  @Override @Deprecated public String encodeRedirectUrl(String url) { throw unused(); }
  @Override public void sendError(int code, String message) { throw unused(); }
  @Override public void sendError(int code) { throw unused(); }
  @Override public void sendRedirect(String location) { throw unused(); }
  @Override public void setDateHeader(String name, long date) { throw unused(); }
  @Override public void addDateHeader(String name, long date) { throw unused(); }
  @Override public void setIntHeader(String name, int value) { throw unused(); }
  @Override public void addIntHeader(String name, int value) { throw unused(); }
  @Override @Deprecated public void setStatus(int code, String message) { throw unused(); }
  @Override public Collection<String> getHeaders(String name) { throw unused(); }
  @Override public Collection<String> getHeaderNames() { throw unused(); }
  @Override public String getCharacterEncoding() { throw unused(); }
  @Override public PrintWriter getWriter() { throw unused(); }
  @Override public void setCharacterEncoding(String encoding) { throw unused(); }
  @Override public void setBufferSize(int size) { throw unused(); }
  @Override public int getBufferSize() { throw unused(); }
  @Override public void flushBuffer() { throw unused(); }
  @Override public void resetBuffer() { throw unused(); }
  @Override public boolean isCommitted() { throw unused(); }
  @Override public void reset() { throw unused(); }
  @Override public void setLocale(Locale locale) { throw unused(); }
  @Override public Locale getLocale() { throw unused(); }

  private static final class Output extends ServletOutputStream {
    private final ByteArrayOutputStream out;

    Output(ByteArrayOutputStream out) {
      this.out = out;
    }

    @Override public void write(int b) { out.write(b); }
    @Override public void write(byte[] b, int offset, int length) { out.write(b, offset, length); }
    @Override public boolean isReady() { return true; }
    @Override public void setWriteListener(WriteListener listener) { throw unused(); }
  }
}
