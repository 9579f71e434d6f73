package chatops.local.fc;

import com.aliyun.fc.runtime.HttpRequestHandler;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.servlet.http.Cookie;
import java.io.IOException;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The less common servlet calls a handler might make, answered as a servlet container would. */
class TriggerServletTest {
  private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();
  private FcEmulator fc;

  @BeforeEach
  void start() {
    fc = FcEmulator.builder().start();
  }

  @AfterEach
  void stop() {
    fc.close();
  }

  private Response get(HttpRequestHandler handler, String... headers) throws IOException {
    fc.deploy(FcFunction.http("chatops", "front", handler).build());
    Request.Builder request = new Request.Builder().url(fc.httpTriggerUrl("chatops", "front"));
    for (int i = 0; i < headers.length; i += 2) {
      request.addHeader(headers[i], headers[i + 1]);
    }
    return http.newCall(request.build()).execute();
  }

  @Test
  void cookiesLocalesAndTypedHeadersAreParsed() throws IOException {
    try (Response response = get((request, reply, context) -> {
      Cookie[] cookies = request.getCookies();
      reply.setHeader("X-Cookies", cookies.length + " " + cookies[0].getName() + "=" + cookies[1].getValue());
      reply.setHeader("X-Locale", request.getLocale().toLanguageTag());
      reply.setIntHeader("X-Retry", request.getIntHeader("X-Slack-Retry-Num") + 1);
      reply.setHeader("X-Date", Long.toString(request.getDateHeader("If-Modified-Since")));
      reply.setHeader("X-No-Date", Long.toString(request.getDateHeader("X-Absent")));
    }, "Cookie", "a=1; b=2", "Accept-Language", "fr;q=0.5, ja-JP, en;q=0.8",
        "X-Slack-Retry-Num", "2", "If-Modified-Since", "Thu, 01 Jan 1970 00:00:01 GMT")) {
      assertEquals("2 a=2", response.header("X-Cookies"));
      assertEquals(Locale.forLanguageTag("ja-JP").toLanguageTag(), response.header("X-Locale"));
      assertEquals("3", response.header("X-Retry"));
      assertEquals("1000", response.header("X-Date"));
      assertEquals("-1", response.header("X-No-Date"));
    }
  }

  @Test
  void sendErrorReplacesWhatWasWrittenAndCommits() throws IOException {
    try (Response response = get((request, reply, context) -> {
      reply.getOutputStream().write("partial".getBytes());
      reply.sendError(403, "not allowed");
      try {
        reply.resetBuffer();
      } catch (IllegalStateException committed) {
        reply.setHeader("X-Committed", Boolean.toString(reply.isCommitted()));
      }
    })) {
      assertEquals(403, response.code());
      assertEquals("not allowed", response.body().string());
      assertEquals("true", response.header("X-Committed"));
    }
  }

  @Test
  void aRedirectSetsFoundAndLocation() throws IOException {
    try (Response response = get((request, reply, context) -> reply.sendRedirect("https://example.com/docs"))) {
      assertEquals(302, response.code());
      assertEquals("https://example.com/docs", response.header("Location"));
    }
  }

  @Test
  void cookiesAndDatesGoOutAsHeaders() throws IOException {
    try (Response response = get((request, reply, context) -> {
      Cookie cookie = new Cookie("session", "none");
      cookie.setHttpOnly(true);
      cookie.setMaxAge(0);
      reply.addCookie(cookie);
      reply.setDateHeader("Expires", 0);
      reply.setContentLength(999);
      reply.getWriter().print("short");
    })) {
      assertEquals("session=none; Max-Age=0; HttpOnly", response.header("Set-Cookie"));
      assertEquals("Thu, 1 Jan 1970 00:00:00 GMT", response.header("Expires"));
      assertEquals("5", response.header("Content-Length"), "the emulator frames the body it actually sends");
      assertEquals("short", response.body().string());
    }
  }

  @Test
  void characterEncodingFollowsTheContentTypeAndTheWriterUsesIt() throws IOException {
    try (Response response = get((request, reply, context) -> {
      reply.setContentType("text/plain");
      reply.setCharacterEncoding("UTF-8");
      reply.getWriter().print("ü");
    })) {
      assertEquals("text/plain;charset=UTF-8", response.header("Content-Type"));
      assertEquals("ü", response.body().string());
    }
  }

  @Test
  void attributesLiveForTheRequest() throws IOException {
    try (Response response = get((request, reply, context) -> {
      request.setAttribute("verified", Boolean.TRUE);
      reply.setHeader("X-Attr", String.valueOf(request.getAttribute("verified")));
      request.removeAttribute("verified");
      reply.setHeader("X-After", String.valueOf(request.getAttribute("verified")));
    })) {
      assertEquals("true", response.header("X-Attr"));
      assertEquals("null", response.header("X-After"));
      assertTrue(response.header("X-Fc-Request-Id") != null);
    }
  }
}
