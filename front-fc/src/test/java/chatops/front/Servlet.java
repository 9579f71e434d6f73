package chatops.front;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Just enough of the servlet API to drive {@link FrontHandler} the way FC's runtime does. */
final class Servlet {
  private Servlet() {}

  static HttpServletRequest post(SlashRequest slash) {
    byte[] body = slash.body();
    return request("POST", slash.headerMap(), new ByteArrayInputStream(body), body.length);
  }

  /** {@code contentLength} -1 means the request did not declare one (chunked). */
  static HttpServletRequest request(String method, Map<String, List<String>> headers, InputStream body,
      long contentLength) {
    HttpServletRequest request = mock(HttpServletRequest.class);
    when(request.getMethod()).thenReturn(method);
    when(request.getHeaderNames()).thenAnswer(i -> Collections.enumeration(headers.keySet()));
    when(request.getHeaders(anyString()))
        .thenAnswer(i -> Collections.enumeration(headers.getOrDefault(i.getArgument(0, String.class), List.of())));
    when(request.getContentLengthLong()).thenReturn(contentLength);
    try {
      when(request.getInputStream()).thenReturn(new Input(body));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return request;
  }

  /** A response that remembers what the handler wrote. */
  static final class Response {
    final HttpServletResponse servlet = mock(HttpServletResponse.class);
    final Map<String, String> headers = new LinkedHashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    int status = -1;
    int contentLength = -1;

    Response() {
      doAnswer(i -> status = i.getArgument(0, Integer.class)).when(servlet).setStatus(anyInt());
      doAnswer(i -> headers.put(i.getArgument(0, String.class), i.getArgument(1, String.class)))
          .when(servlet).setHeader(anyString(), anyString());
      doAnswer(i -> contentLength = i.getArgument(0, Integer.class)).when(servlet).setContentLength(anyInt());
      try {
        when(servlet.getOutputStream()).thenReturn(new Output(body));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }

    byte[] bytes() {
      return body.toByteArray();
    }
  }

  private static final class Input extends ServletInputStream {
    private final InputStream in;
    private boolean finished;

    Input(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      finished = b < 0;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      finished = n < 0;
      return n;
    }

    @Override
    public boolean isFinished() {
      return finished;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new UnsupportedOperationException("FC's runtime reads synchronously");
    }
  }

  private static final class Output extends ServletOutputStream {
    private final ByteArrayOutputStream out;

    Output(ByteArrayOutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      out.write(b, off, len);
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException("FC's runtime writes synchronously");
    }
  }
}
