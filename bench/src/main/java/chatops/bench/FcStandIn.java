package chatops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.net.ssl.SSLSocketFactory;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Headers;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * FC's invoke API as the cold starts meet it, in this (the measuring) process: it queues a signed
 * async invocation of the one expected function with 202 and an {@code X-Fc-Request-Id}, and
 * refuses anything else, so a cold start that skipped or botched the invoke fails instead of
 * looking fast. MockWebServer because it keeps header-name case, which the FC SDK relies on.
 */
final class FcStandIn implements AutoCloseable {
  static final String ACCOUNT_ID = "1234567890123456";
  static final String REGION = "cn-hangzhou";
  static final String SERVICE = "chatops-execution";
  static final String FUNCTION = "execution";
  /** The harness context's STS key ({@code chatops.bench.cold.HarnessContext}). */
  private static final String STS_KEY_ID = "STS.bench-key";
  private static final String STS_SECRET = "bench-sts-secret";
  private static final String PATH = "/2016-08-15/services/" + SERVICE + "/functions/" + FUNCTION + "/invocations";

  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final String scheme;

  /** {@code tls} null: plain HTTP. */
  FcStandIn(SSLSocketFactory tls) throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (isSignedAsyncInvoke(request)) {
          return new MockResponse().setResponseCode(202)
              .setHeader("X-Fc-Request-Id", "bench-" + queued.incrementAndGet());
        }
        refused.incrementAndGet();
        return new MockResponse().setResponseCode(403)
            .setBody("{\"ErrorCode\":\"SignatureNotMatch\",\"ErrorMessage\":\"refused by the bench\"}");
      }
    });
    if (tls != null) server.useHttps(tls, false);
    server.start();
    this.scheme = tls != null ? "https" : "http";
  }

  String endpoint() {
    return scheme + "://127.0.0.1:" + server.getPort();
  }

  int queued() {
    return queued.get();
  }

  int refused() {
    return refused.get();
  }

  private static boolean isSignedAsyncInvoke(RecordedRequest request) {
    if (!"POST".equals(request.getMethod()) || !PATH.equals(request.getPath())) return false;
    if (!"Async".equals(request.getHeader("X-Fc-Invocation-Type"))) return false;
    String expected = "FC " + STS_KEY_ID + ":" + signature(request);
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        String.valueOf(request.getHeader("Authorization")).getBytes(StandardCharsets.UTF_8));
  }

  /** FC 2.0's canonical string, rebuilt from what arrived on the wire. */
  private static String signature(RecordedRequest request) {
    Headers headers = request.getHeaders();
    Map<String, String> fcHeaders = new TreeMap<>();
    for (String name : headers.names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("x-fc-")) fcHeaders.put(lower, headers.get(name));
    }
    StringBuilder canonical = new StringBuilder()
        .append(request.getMethod()).append('\n')
        .append(headers.get("Content-MD5")).append('\n')
        .append(headers.get("Content-Type")).append('\n')
        .append(headers.get("Date")).append('\n');
    fcHeaders.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
    canonical.append(request.getRequestUrl().encodedPath());
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(STS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(hmac.doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
