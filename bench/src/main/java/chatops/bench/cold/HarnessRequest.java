package chatops.bench.cold;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.security.Principal;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.servlet.AsyncContext;
import javax.servlet.DispatcherType;
import javax.servlet.ReadListener;
import javax.servlet.RequestDispatcher;
import javax.servlet.ServletContext;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import javax.servlet.http.HttpUpgradeHandler;
import javax.servlet.http.Part;

/**
 * A POST as FC's runtime hands it to an HTTP-trigger handler. A plain class rather than a mock or a
 * {@code java.lang.reflect.Proxy}: either would load hundreds of classes the real runtime does not,
 * and charge them to whichever side of the ratio used it. What a handler must not need throws, so a
 * handler that starts relying on more of the servlet API shows up here rather than measuring wrong.
 */
public final class HarnessRequest implements HttpServletRequest {
  private final Map<String, List<String>> headers;
  private final byte[] body;

  public HarnessRequest(Map<String, List<String>> headers, byte[] body) {
    this.headers = headers;
    this.body = body;
  }

  @Override public String getMethod() { return "POST"; }
  @Override public Enumeration<String> getHeaderNames() { return Collections.enumeration(headers.keySet()); }
  @Override public Enumeration<String> getHeaders(String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) return Collections.enumeration(header.getValue());
    }
    return Collections.emptyEnumeration();
  }
  @Override public String getHeader(String name) {
    Enumeration<String> values = getHeaders(name);
    return values.hasMoreElements() ? values.nextElement() : null;
  }
  @Override public int getContentLength() { return body.length; }
  @Override public long getContentLengthLong() { return body.length; }
  @Override public String getContentType() { return getHeader("Content-Type"); }
  @Override public ServletInputStream getInputStream() { return new Input(body); }

  @Override public String getAuthType() { throw unused(); }
  @Override public Cookie[] getCookies() { throw unused(); }
  @Override public long getDateHeader(String name) { throw unused(); }
  @Override public int getIntHeader(String name) { throw unused(); }
  @Override public String getPathInfo() { throw unused(); }
  @Override public String getPathTranslated() { throw unused(); }
  @Override public String getContextPath() { throw unused(); }
  @Override public String getQueryString() { throw unused(); }
  @Override public String getRemoteUser() { throw unused(); }
  @Override public boolean isUserInRole(String role) { throw unused(); }
  @Override public Principal getUserPrincipal() { throw unused(); }
  @Override public String getRequestedSessionId() { throw unused(); }
  @Override public String getRequestURI() { throw unused(); }
  @Override public StringBuffer getRequestURL() { throw unused(); }
  @Override public String getServletPath() { throw unused(); }
  @Override public HttpSession getSession(boolean create) { throw unused(); }
  @Override public HttpSession getSession() { throw unused(); }
  @Override public String changeSessionId() { throw unused(); }
  @Override public boolean isRequestedSessionIdValid() { throw unused(); }
  @Override public boolean isRequestedSessionIdFromCookie() { throw unused(); }
  @Override public boolean isRequestedSessionIdFromURL() { throw unused(); }
  @Override @Deprecated public boolean isRequestedSessionIdFromUrl() { throw unused(); }
  @Override public boolean authenticate(HttpServletResponse response) { throw unused(); }
  @Override public void login(String user, String password) { throw unused(); }
  @Override public void logout() { throw unused(); }
  @Override public Collection<Part> getParts() { throw unused(); }
  @Override public Part getPart(String name) { throw unused(); }
  @Override public <T extends HttpUpgradeHandler> T upgrade(Class<T> handler) { throw unused(); }
  @Override public Object getAttribute(String name) { throw unused(); }
  @Override public Enumeration<String> getAttributeNames() { throw unused(); }
  @Override public String getCharacterEncoding() { throw unused(); }
  @Override public void setCharacterEncoding(String encoding) { throw unused(); }
  @Override public String getParameter(String name) { throw unused(); }
  @Override public Enumeration<String> getParameterNames() { throw unused(); }
  @Override public String[] getParameterValues(String name) { throw unused(); }
  @Override public Map<String, String[]> getParameterMap() { throw unused(); }
  @Override public String getProtocol() { throw unused(); }
  @Override public String getScheme() { throw unused(); }
  @Override public String getServerName() { throw unused(); }
  @Override public int getServerPort() { throw unused(); }
  @Override public BufferedReader getReader() { throw unused(); }
  @Override public String getRemoteAddr() { throw unused(); }
  @Override public String getRemoteHost() { throw unused(); }
  @Override public void setAttribute(String name, Object value) { throw unused(); }
  @Override public void removeAttribute(String name) { throw unused(); }
  @Override public Locale getLocale() { throw unused(); }
  @Override public Enumeration<Locale> getLocales() { throw unused(); }
  @Override public boolean isSecure() { throw unused(); }
  @Override public RequestDispatcher getRequestDispatcher(String path) { throw unused(); }
  @Override @Deprecated public String getRealPath(String path) { throw unused(); }
  @Override public int getRemotePort() { throw unused(); }
  @Override public String getLocalName() { throw unused(); }
  @Override public String getLocalAddr() { throw unused(); }
  @Override public int getLocalPort() { throw unused(); }
  @Override public ServletContext getServletContext() { throw unused(); }
  @Override public AsyncContext startAsync() { throw unused(); }
  @Override public AsyncContext startAsync(ServletRequest request, ServletResponse response) { throw unused(); }
  @Override public boolean isAsyncStarted() { throw unused(); }
  @Override public boolean isAsyncSupported() { throw unused(); }
  @Override public AsyncContext getAsyncContext() { throw unused(); }
  @Override public DispatcherType getDispatcherType() { throw unused(); }

  static UnsupportedOperationException unused() {
    return new UnsupportedOperationException("the cold-start harness does not stand in for this servlet call");
  }

  private static final class Input extends ServletInputStream {
    private final ByteArrayInputStream in;

    Input(byte[] body) {
      this.in = new ByteArrayInputStream(body);
    }

    @Override public int read() { return in.read(); }
    @Override public int read(byte[] buffer, int offset, int length) { return in.read(buffer, offset, length); }
    @Override public boolean isFinished() { return in.available() == 0; }
    @Override public boolean isReady() { return true; }
    @Override public void setReadListener(ReadListener listener) { throw unused(); }
  }
}
