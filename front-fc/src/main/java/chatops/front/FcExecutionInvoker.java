package chatops.front;

import chatops.config.AccessKey;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;

/**
 * Queues jobs for the Execution function through FC 2.0's invoke API: one signed
 * {@code POST /2016-08-15/services/{service}/functions/{function}/invocations} with
 * {@code X-Fc-Invocation-Type: Async}, the request aliyun-java-sdk-fc 1.8.25 sends (see
 * {@link FcSignedRequest}), with its retry rule: up to three attempts while FC answers 5xx.
 *
 * <p>Why not the SDK itself: on a cold start, inside Slack's 3 s, its client cost ≈40 ms of a 180 ms
 * start here (its Config, Guava's escapers, and above all a SimpleDateFormat whose zone name loads
 * the JDK's locale data); this class uses only the JDK. It also keeps the connection alive between
 * invocations, where the SDK opens a new one (and makes a new TLS handshake) for each.
 *
 * <p>Every call runs on a worker thread and the caller waits at most the budget: the blocking
 * {@code HttpURLConnection} ignores interrupts, and three slow 5xx answers could otherwise add up. An
 * abandoned worker starts no further attempt and ends once its current one times out.
 */
public final class FcExecutionInvoker implements ExecutionInvoker {
  public static final Duration DEFAULT_BUDGET = Duration.ofMillis(1500);

  /**
   * Calls sent at once: above the template's InstanceConcurrency (20), with room for workers a
   * timed-out caller abandoned and that are still waiting out their own timeouts.
   */
  private static final int MAX_CALLS_IN_FLIGHT = 32;
  /**
   * Calls waiting for a worker. A burst waits its turn inside each caller's budget instead of being
   * refused at once; a caller whose budget runs out while queued cancels, and nothing is sent.
   */
  private static final int MAX_CALLS_QUEUED = 256;

  // FC's own naming rules; checking here turns a typo in the template into a startup error.
  private static final Pattern FC_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,127}");
  private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)+");
  private static final Pattern SAFE_TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,80}");

  private static final AtomicInteger WORKER_NUMBER = new AtomicInteger();
  /** Attempts per invocation while FC answers 5xx, as the SDK makes them. */
  private static final int MAX_ATTEMPTS = 3;
  /** How far an attempt may run past the caller's budget, so that the caller reports a timeout in its words. */
  private static final long ATTEMPT_GRACE_MILLIS = 250;
  /** What the SDK reported when no HTTP answer came back; kept so log searches still match. */
  private static final String NO_ANSWER = "SDK.ServerUnreachable";
  /** FC's error bodies are a few hundred bytes; nothing past this is read. */
  private static final int MAX_ERROR_BODY = 16 * 1024;

  private final String endpoint;
  private final String accountId;
  private final String service;
  private final String function;
  private final String path;
  private final int budgetMillis;
  private final ThreadPoolExecutor workers;
  private final AtomicInteger clientsBuilt = new AtomicInteger();
  private volatile FcSignedRequest signer;

  public FcExecutionInvoker(String endpoint, String accountId, String region, String service, String function) {
    this(endpoint, accountId, region, service, function, DEFAULT_BUDGET);
  }

  /**
   * @param endpoint {@code https://{account}.{region}[-internal].fc.aliyuncs.com}, or
   *     {@code http://127.0.0.1:PORT} for the local stack; no path
   * @param budget the most a call may take, retries and stalls included
   */
  public FcExecutionInvoker(
      String endpoint, String accountId, String region, String service, String function, Duration budget) {
    this.endpoint = checkedEndpoint(endpoint);
    if (this.endpoint.startsWith("https:")) {
      // Loads the TLS stack and parses the trust store here, in the initializer, rather than inside
      // the first invoke's budget: on a cold JVM that took the https invoke past 1.5 s under load.
      HttpsURLConnection.getDefaultSSLSocketFactory();
    }
    this.accountId = checked(accountId, ACCOUNT_ID, "FC account id");
    // The request never names the region (the endpoint's host does); checked so a typo fails at startup.
    checked(region, REGION, "FC region");
    this.service = checked(service, FC_NAME, "FC service name");
    this.function = checked(function, FC_NAME, "FC function name");
    Objects.requireNonNull(budget, "budget");
    if (budget.isNegative() || budget.isZero() || budget.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("FC invoke budget must be between 1 ms and Integer.MAX_VALUE ms");
    }
    this.budgetMillis = (int) budget.toMillis();
    this.path = "/2016-08-15/services/" + this.service + "/functions/" + this.function + "/invocations";
    // Threads start one per call up to the cap and time out when idle, so a frozen or idle FC
    // instance keeps none around and the first call pays for one thread start only.
    this.workers = new ThreadPoolExecutor(MAX_CALLS_IN_FLIGHT, MAX_CALLS_IN_FLIGHT, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(MAX_CALLS_QUEUED), task -> {
          Thread thread = new Thread(task, "fc-invoke-" + WORKER_NUMBER.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    this.workers.allowCoreThreadTimeOut(true);
  }

  @Override
  public String invokeAsync(byte[] payload, AccessKey credentials) throws InvokeFailedException {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(credentials, "credentials");
    if (payload.length == 0) throw new IllegalArgumentException("an FC async invocation needs a payload");

    // After a timeout the worker may still be sending, while the caller is free to reuse its array.
    byte[] body = payload.clone();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
    Future<Answer> call;
    try {
      call = workers.submit(() -> send(body, credentials, deadline));
    } catch (RejectedExecutionException e) {
      throw new InvokeFailedException("FC invoke refused locally: " + MAX_CALLS_QUEUED + " calls already waiting");
    }
    try {
      return accepted(call.get(budgetMillis, TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      call.cancel(true);
      throw InvokeFailedException.unanswered("FC invoke gave no answer within " + budgetMillis + " ms");
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw InvokeFailedException.unanswered("FC invoke interrupted");
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    }
  }

  /** How many signing keys this invoker has built; stays 1 until the credentials rotate. */
  int clientsBuilt() {
    return clientsBuilt.get();
  }

  /** No attempt once the caller gave up (the user was told nothing started); each gets the rest of the budget. */
  private Answer send(byte[] payload, AccessKey credentials, long deadline) throws IOException {
    FcSignedRequest request = signerFor(credentials);
    Answer answer = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS && (answer == null || answer.status >= 500); attempt++) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) break;
      int timeout = (int) Math.min(left + ATTEMPT_GRACE_MILLIS, budgetMillis);
      // Signed afresh each time: FC checks the Date header against its own clock.
      answer = exchange(request.headers(path, payload, System.currentTimeMillis()), payload, timeout);
    }
    if (answer == null) throw new IOException("the invoke budget was spent before an attempt");
    return answer;
  }

  private Answer exchange(Map<String, String> headers, byte[] payload, int timeoutMillis) throws IOException {
    HttpURLConnection http = (HttpURLConnection) new URL(endpoint + path).openConnection();
    http.setRequestMethod("POST");
    http.setDoOutput(true);
    http.setUseCaches(false);
    // A redirect would carry the signed headers somewhere else; FC's invoke API never sends one.
    http.setInstanceFollowRedirects(false);
    http.setConnectTimeout(timeoutMillis);
    http.setReadTimeout(timeoutMillis);
    http.setFixedLengthStreamingMode(payload.length);
    http.setRequestProperty("User-Agent", "chatops-front");
    headers.forEach(http::setRequestProperty);
    try (OutputStream out = http.getOutputStream()) {
      out.write(payload);
    }
    int status = http.getResponseCode();
    String requestId = http.getHeaderField("X-Fc-Request-Id");
    // Read to the end (and close), so the connection can serve the next invocation.
    InputStream body = status < 400 ? http.getInputStream() : http.getErrorStream();
    byte[] content = readAtMost(body, MAX_ERROR_BODY);
    return new Answer(status, requestId, status >= 300 ? errorCode(content) : null);
  }

  /**
   * FC hands each instance the role's STS credentials and rotates them; the signing key is built
   * once per set of credentials. Two calls racing on a rotation may both build one; either is correct.
   */
  private FcSignedRequest signerFor(AccessKey credentials) {
    FcSignedRequest current = signer;
    if (current != null && current.credentials().equals(credentials)) return current;
    FcSignedRequest fresh = new FcSignedRequest(credentials, accountId);
    signer = fresh;
    clientsBuilt.incrementAndGet();
    return fresh;
  }

  private static String accepted(Answer answer) throws InvokeFailedException {
    String requestId = safe(answer.requestId);
    if (answer.status >= 300) throw refused(answer.status, answer.errorCode, answer.requestId);
    // 202 is FC's "queued"; a 200 would mean the function ran synchronously, so the header was lost.
    if (answer.status != 202) {
      throw new InvokeFailedException("FC invoke not queued: status=" + answer.status + " fcRequestId=" + orDash(requestId));
    }
    return requestId;
  }

  private static InvokeFailedException failure(Throwable thrown) {
    // A connection never made sent nothing; any other I/O failure may have cut off FC's answer to a
    // request it had already queued.
    if (thrown instanceof ConnectException || thrown instanceof UnknownHostException) return refused(0, NO_ANSWER, null);
    if (thrown instanceof IOException) return InvokeFailedException.unanswered(refused(0, NO_ANSWER, null).getMessage());
    return new InvokeFailedException("FC invoke failed: " + thrown.getClass().getName());
  }

  /** FC's {@code ErrorCode} from an error body such as {@code {"ErrorCode":"AccessDenied",...}}; null if none. */
  private static String errorCode(byte[] content) {
    try (JsonParser json = ErrorBodies.JSON.createParser(content)) {
      if (json.nextToken() != JsonToken.START_OBJECT) return null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.getCurrentName();
        JsonToken value = json.nextToken();
        if ("ErrorCode".equals(name)) return value == JsonToken.VALUE_STRING ? json.getText() : null;
        json.skipChildren();
      }
    } catch (IOException e) {
      // Not JSON (a proxy's HTML page, say): the status alone goes to the log.
    }
    return null;
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    if (in == null) return new byte[0];
    try (InputStream body = in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[1024];
      for (int n; out.size() < limit && (n = body.read(buffer)) > 0; ) out.write(buffer, 0, n);
      return out.toByteArray();
    }
  }

  private static InvokeFailedException refused(int status, String errorCode, String requestId) {
    // The SDK reports "no HTTP answer at all" (connect/read failure) as a ClientException with status 0.
    String shownStatus = status == 0 ? "none" : Integer.toString(status);
    return new InvokeFailedException("FC invoke failed: status=" + shownStatus
        + " code=" + orDash(safe(errorCode)) + " fcRequestId=" + orDash(safe(requestId)));
  }

  /** Server-supplied text goes into our logs: keep it to one short token of harmless characters. */
  private static String safe(String value) {
    return value != null && SAFE_TOKEN.matcher(value).matches() ? value : "";
  }

  private static String orDash(String value) {
    return value.isEmpty() ? "-" : value;
  }

  private static String checked(String value, Pattern pattern, String what) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " is missing or malformed");
    }
    return value;
  }

  private static String checkedEndpoint(String endpoint) {
    if (endpoint == null) throw new IllegalArgumentException("FC endpoint is missing");
    String trimmed = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("FC endpoint is not a URL");
    }
    boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
    // The SDK appends the API path to this string as is, so anything after the authority breaks signing.
    boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
        && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
    if (!web || uri.getHost() == null || !bare) {
      throw new IllegalArgumentException("FC endpoint must be http(s)://host[:port] with nothing after it");
    }
    return trimmed;
  }

  /** Built on the first refusal only: an accepted invocation never reads JSON. */
  private static final class ErrorBodies {
    static final JsonFactory JSON = new JsonFactory();
  }

  /** What FC answered to one attempt. */
  private static final class Answer {
    final int status;
    final String requestId;
    final String errorCode;

    Answer(int status, String requestId, String errorCode) {
      this.status = status;
      this.requestId = requestId;
      this.errorCode = errorCode;
    }
  }
}
