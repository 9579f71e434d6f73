package chatops.local.fc;

import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.HttpRequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An HTTP function behind FC's anonymous HTTP trigger, reached over real HTTP. */
class HttpTriggerTest {
  /** Bytes that are not UTF-8 and a form body whose escapes must survive: what a signature is computed over. */
  private static final byte[] RAW = {'t', 'e', 'x', 't', '=', 's', 't', 'a', 'r', 't', '+', 'i', '-', '1',
      '&', 'u', '=', 'h', 't', 't', 'p', 's', '%', '3', 'A', '%', '2', 'F', '%', '2', 'F', (byte) 0xff, 0x00};

  private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
  private FcEmulator fc;

  @BeforeEach
  void start() {
    fc = FcEmulator.builder().start();
  }

  @AfterEach
  void stop() {
    fc.close();
  }

  private String serve(HttpRequestHandler handler) {
    fc.deploy(FcFunction.http("chatops", "front", handler).build());
    return fc.httpTriggerUrl("chatops", "front");
  }

  private Response post(String url, byte[] body, String... headers) throws IOException {
    Request.Builder request = new Request.Builder().url(url)
        .post(RequestBody.create(body, MediaType.get("application/x-www-form-urlencoded")));
    for (int i = 0; i < headers.length; i += 2) {
      request.addHeader(headers[i], headers[i + 1]);
    }
    return http.newCall(request.build()).execute();
  }

  @Test
  void theHandlerReadsTheRawBodyBytesIntactAndWritesThemBack() throws IOException {
    String url = serve((request, response, context) -> response.getOutputStream().write(request.getInputStream().readAllBytes()));

    try (Response response = post(url, RAW)) {
      assertEquals(200, response.code());
      assertArrayEquals(RAW, response.body().bytes());
    }
  }

  @Test
  void headersAreFoundWhateverTheCaseWithEveryValue() throws IOException {
    String url = serve((request, response, context) -> {
      response.setHeader("X-Timestamp", request.getHeader("x-slack-request-timestamp"));
      response.setHeader("X-Signature", request.getHeader("X-SLACK-SIGNATURE"));
      response.setHeader("X-Multi", String.join("|", Collections.list(request.getHeaders("x-multi"))));
      response.setHeader("X-Names", String.join("|", Collections.list(request.getHeaderNames())));
      response.setHeader("X-Missing", String.valueOf(request.getHeader("X-Not-There")));
    });

    try (Response response = post(url, RAW, "X-Slack-Request-Timestamp", "1700000000",
        "X-Slack-Signature", "v0=abc", "X-Multi", "one", "x-multi", "two")) {
      assertEquals("1700000000", response.header("X-Timestamp"));
      assertEquals("v0=abc", response.header("X-Signature"));
      assertEquals("one|two", response.header("X-Multi"));
      assertTrue(response.header("X-Names").contains("X-Slack-Request-Timestamp"), "names keep their case");
      assertEquals("null", response.header("X-Missing"));
    }
  }

  @Test
  void methodPathQueryAndContentTypeAreThoseOfTheRequest() throws IOException {
    String url = serve((request, response, context) -> {
      response.setHeader("X-Method", request.getMethod());
      response.setHeader("X-Uri", request.getRequestURI());
      response.setHeader("X-Path-Info", request.getPathInfo());
      response.setHeader("X-Query", request.getQueryString());
      response.setHeader("X-Param", String.join("|", request.getParameterValues("q")));
      response.setHeader("X-Content-Type", request.getContentType());
      response.setHeader("X-Length", Integer.toString(request.getContentLength()));
    });

    try (Response response = post(url + "slack/commands?q=a+b&q=%2Fecs", RAW)) {
      assertEquals("POST", response.header("X-Method"));
      assertEquals("/2016-08-15/proxy/chatops/front/slack/commands", response.header("X-Uri"));
      assertEquals("/slack/commands", response.header("X-Path-Info"));
      assertEquals("q=a+b&q=%2Fecs", response.header("X-Query"));
      assertEquals("a b|/ecs", response.header("X-Param"));
      assertEquals("application/x-www-form-urlencoded", response.header("X-Content-Type"));
      assertEquals(Integer.toString(RAW.length), response.header("X-Length"));
    }
  }

  @Test
  void readingAParameterLeavesTheFormBodyForTheHandler() throws IOException {
    String url = serve((request, response, context) -> {
      response.setHeader("X-Text", String.valueOf(request.getParameter("text")));
      response.getOutputStream().write(request.getInputStream().readAllBytes());
    });

    try (Response response = post(url, RAW)) {
      assertEquals("null", response.header("X-Text"), "parameters come from the query string only");
      assertArrayEquals(RAW, response.body().bytes());
    }
  }

  @Test
  void statusHeadersAndBodyGoBackAsWrittenWithFcsRequestId() throws IOException {
    List<String> requestIds = new CopyOnWriteArrayList<>();
    String url = serve((request, response, context) -> {
      requestIds.add(context.getRequestId());
      response.setStatus(201);
      response.setContentType("application/json;charset=utf-8");
      response.addHeader("X-MiXeD-Case", "first");
      response.addHeader("x-mixed-case", "second");
      response.getWriter().write("{\"text\":\"é\"}");
    });

    try (Response response = post(url, RAW)) {
      assertEquals(201, response.code());
      assertEquals("application/json;charset=utf-8", response.header("Content-Type"));
      assertEquals(List.of("first", "second"), response.headers("X-Mixed-Case"));
      assertTrue(response.headers().names().contains("X-MiXeD-Case"));
      assertEquals("{\"text\":\"é\"}", new String(response.body().bytes(), StandardCharsets.UTF_8));
      assertEquals(requestIds.get(0), response.header("X-Fc-Request-Id"));
    }
    assertEquals(Invocation.Type.HTTP, fc.invocations("chatops", "front").get(0).type());
  }

  @Test
  void aHandlerThatThrowsIsAnswered502AsAnUnhandledError() throws IOException {
    String url = serve((request, response, context) -> {
      response.getWriter().write("half a reply");
      throw new IllegalStateException("bad config");
    });

    try (Response response = post(url, RAW)) {
      assertEquals(502, response.code());
      assertEquals("UnhandledInvocationError", response.header("X-Fc-Error-Type"));
      JsonNode error = new ObjectMapper().readTree(response.body().bytes());
      assertEquals("bad config", error.get("errorMessage").asText());
      assertEquals(IllegalStateException.class.getName(), error.get("errorType").asText());
    }
    assertEquals(Invocation.Outcome.FAILED, fc.invocations("chatops", "front").get(0).outcome());
  }

  @Test
  void aHandlerThatRunsPastItsTimeLimitIsAnswered502() throws IOException {
    fc.deploy(FcFunction.http("chatops", "front", (request, response, context) -> {
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }).timeLimit(Duration.ofMillis(100)).build());

    try (Response response = post(fc.httpTriggerUrl("chatops", "front"), RAW)) {
      assertEquals(502, response.code());
      assertTrue(response.body().string().contains("timed out"));
    }
  }

  @Test
  void theInitializerRunsOnceBeforeTheFirstRequestWithItsOwnContext() throws IOException {
    AtomicInteger initializations = new AtomicInteger();
    List<String> seenByHandler = new CopyOnWriteArrayList<>();
    FunctionInitializer initializer = context -> {
      initializations.incrementAndGet();
      context.getLogger().info("init in " + context.getService().getName());
    };
    fc.deploy(FcFunction.http("chatops", "front", (request, response, context) ->
        seenByHandler.add(initializations.get() + " " + context.getFunctionParam().getFunctionInitializer()))
        .initializer(initializer).build());

    for (int i = 0; i < 3; i++) {
      post(fc.httpTriggerUrl("chatops", "front"), RAW).close();
    }

    assertEquals(1, initializations.get());
    assertTrue(seenByHandler.stream().allMatch(seen -> seen.startsWith("1 ")));
    assertEquals("init in chatops", fc.logLines("chatops", "front").get(0).message());
  }

  @Test
  void anEventFunctionHasNoHttpTriggerAndAnUnknownOneIsNotFound() throws IOException {
    fc.deploy(FcFunction.event("chatops", "execution", new RecordingEventHandler()).build());

    try (Response response = post(fc.httpTriggerUrl("chatops", "execution"), RAW)) {
      assertEquals(404, response.code());
      assertTrue(response.body().string().contains("TriggerNotFound"));
    }
    try (Response response = post(fc.httpTriggerUrl("chatops", "nothing"), RAW)) {
      assertEquals(404, response.code());
      assertTrue(response.body().string().contains("FunctionNotFound"));
    }
  }

  @Test
  void aHandlerLogsUnderTheRequestsIdAndDebugIsDroppedUntilTheLevelIsLowered() throws IOException {
    String url = serve((request, response, context) -> {
      context.getLogger().debug("hidden");
      context.getLogger().info("verified signature");
      context.getLogger().setLogLevel(com.aliyun.fc.runtime.FunctionComputeLogger.Level.DEBUG);
      context.getLogger().debug("shown");
    });

    String requestId;
    try (Response response = post(url, RAW)) {
      requestId = response.header("X-Fc-Request-Id");
    }

    List<FcLogLine> lines = fc.logLines("chatops", "front");
    assertEquals(List.of("verified signature", "shown"),
        List.of(lines.get(0).message(), lines.get(1).message()));
    assertTrue(lines.stream().allMatch(line -> line.requestId().equals(requestId)));
  }

  @Test
  void streamAndReaderExcludeEachOtherAsTheServletSpecSays() throws IOException {
    String url = serve((request, response, context) -> {
      request.getInputStream();
      try {
        request.getReader();
        response.setHeader("X-Outcome", "allowed");
      } catch (IllegalStateException expected) {
        response.setHeader("X-Outcome", "refused");
      }
    });

    try (Response response = post(url, RAW)) {
      assertEquals("refused", response.header("X-Outcome"));
    }
  }

  @Test
  void unusedServletFeaturesAnswerNeutrally() throws IOException {
    String url = serve((request, response, context) -> {
      response.setHeader("X-Session", String.valueOf(request.getSession()));
      response.setHeader("X-User", String.valueOf(request.getRemoteUser()));
      response.setHeader("X-Cookies", String.valueOf(request.getCookies()));
      response.setHeader("X-Remote", request.getRemoteAddr());
      response.setHeader("X-Scheme", request.getScheme() + " " + request.isSecure());
    });

    try (Response response = post(url, RAW)) {
      assertEquals("null", response.header("X-Session"));
      assertEquals("null", response.header("X-User"));
      assertEquals("null", response.header("X-Cookies"));
      assertEquals("127.0.0.1", response.header("X-Remote"));
      assertEquals("http false", response.header("X-Scheme"));
    }
  }

  @Test
  void aGetWithoutBodyReachesTheHandlerToo() throws IOException {
    String url = serve((request, response, context) -> response.getWriter().print(request.getMethod()));

    try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
      assertEquals("GET", response.body().string());
    }
    assertEquals(0, fc.invocations("chatops", "front").get(0).payload().length);
  }
}
