package chatops.front;

import chatops.config.AccessKey;
import com.aliyuncs.fc.client.FunctionComputeClient;
import com.aliyuncs.fc.config.Config;
import com.aliyuncs.fc.exceptions.ClientException;
import com.aliyuncs.fc.exceptions.ServerException;
import com.aliyuncs.fc.request.InvokeFunctionRequest;
import com.aliyuncs.fc.response.InvokeFunctionResponse;
import java.net.URI;
import java.net.URISyntaxException;
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

/**
 * Queues jobs for the Execution function through FC's invoke API (aliyun-java-sdk-fc, FC 2.0).
 *
 * <p>The SDK cannot be told to stop early: it retries every 5xx answer itself (three attempts, no
 * backoff, each with the full connect and read timeouts), and its blocking {@code HttpURLConnection}
 * ignores interrupts. So each call runs on a worker thread and the caller waits at most the budget; an
 * abandoned worker ends on its own once its per-attempt timeouts (also the budget) run out.
 */
public final class FcExecutionInvoker implements ExecutionInvoker {
  public static final Duration DEFAULT_BUDGET = Duration.ofMillis(1500);

  /** Enough for a Front instance serving several Slack requests at once while FC stalls. */
  private static final int MAX_CALLS_IN_FLIGHT = 16;
  /**
   * Calls past the sixteenth wait for a worker, inside their budget (a waiting call whose caller
   * gave up is cancelled before it starts): a burst of commands on a healthy FC is queued, not
   * refused. Past this many waiting, a call is refused at once.
   */
  private static final int MAX_CALLS_WAITING = 512;

  // FC's own naming rules; checking here turns a typo in the template into a startup error.
  private static final Pattern FC_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,127}");
  private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)+");
  private static final Pattern SAFE_TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,80}");

  private static final AtomicInteger WORKER_NUMBER = new AtomicInteger();
  /** When the caller of the call this worker thread is running gives up (System.nanoTime()). */
  private static final ThreadLocal<Long> CALL_DEADLINE = new ThreadLocal<>();

  private final String endpoint;
  private final String accountId;
  private final String region;
  private final String service;
  private final String function;
  private final int budgetMillis;
  private final ThreadPoolExecutor workers;
  private final AtomicInteger clientsBuilt = new AtomicInteger();
  private volatile SignedClient client;

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
    this.accountId = checked(accountId, ACCOUNT_ID, "FC account id");
    this.region = checked(region, REGION, "FC region");
    this.service = checked(service, FC_NAME, "FC service name");
    this.function = checked(function, FC_NAME, "FC function name");
    Objects.requireNonNull(budget, "budget");
    if (budget.isNegative() || budget.isZero() || budget.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("FC invoke budget must be between 1 ms and Integer.MAX_VALUE ms");
    }
    this.budgetMillis = (int) budget.toMillis();
    // Config throws a bare NullPointerException without it; say so at startup, not on the first command.
    if (Config.class.getClassLoader().getResource("fc.properties") == null) {
      throw new IllegalStateException("fc.properties is missing from the classpath: aliyun-java-sdk-fc cannot run");
    }
    // Idle workers time out: a frozen or idle FC instance keeps none around, and the first call
    // pays only for one thread start.
    this.workers = new ThreadPoolExecutor(MAX_CALLS_IN_FLIGHT, MAX_CALLS_IN_FLIGHT, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(MAX_CALLS_WAITING), task -> {
          Thread thread = new Thread(task, "fc-invoke-" + WORKER_NUMBER.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    workers.allowCoreThreadTimeOut(true);
  }

  @Override
  public String invokeAsync(byte[] payload, AccessKey credentials) throws InvokeFailedException {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(credentials, "credentials");
    if (payload.length == 0) throw new IllegalArgumentException("an FC async invocation needs a payload");

    // After a timeout the worker may still be sending, while the caller is free to reuse its array.
    byte[] body = payload.clone();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
    Future<InvokeFunctionResponse> call;
    try {
      call = workers.submit(() -> send(body, credentials, deadline));
    } catch (RejectedExecutionException e) {
      throw new InvokeFailedException("FC invoke refused locally: " + MAX_CALLS_IN_FLIGHT + " calls in flight and "
          + MAX_CALLS_WAITING + " waiting");
    }
    try {
      return accepted(call.get(budgetMillis, TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new InvokeFailedException("FC invoke gave no answer within " + budgetMillis + " ms");
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new InvokeFailedException("FC invoke interrupted");
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    }
  }

  /** How many SDK clients this invoker has built; stays 1 until the credentials rotate. */
  int clientsBuilt() {
    return clientsBuilt.get();
  }

  private InvokeFunctionResponse send(byte[] payload, AccessKey credentials, long deadline) {
    InvokeFunctionRequest request = new InvokeFunctionRequest(service, function)
        .setInvocationType("Async")
        .setPayload(payload);
    CALL_DEADLINE.set(deadline);
    try {
      return clientFor(credentials).invokeFunction(request);
    } finally {
      CALL_DEADLINE.remove();
    }
  }

  /**
   * FC hands each instance the role's STS credentials and rotates them; building a client is cheap
   * but not free (it reads fc.properties), so one is built per set of credentials, not per call.
   * Two calls racing on a rotation may both build one; either client is correct.
   */
  private FunctionComputeClient clientFor(AccessKey credentials) {
    SignedClient current = client;
    if (current != null && current.credentials.equals(credentials)) return current.sdk;
    Config config = new BudgetedConfig(region, accountId, credentials, endpoint.startsWith("https:"), budgetMillis);
    config.setEndpoint(endpoint);
    SignedClient fresh = new SignedClient(credentials, new FunctionComputeClient(config));
    client = fresh;
    clientsBuilt.incrementAndGet();
    return fresh.sdk;
  }

  private static String accepted(InvokeFunctionResponse response) throws InvokeFailedException {
    String requestId = safe(header(response.getHeaders(), "X-Fc-Request-Id"));
    // 202 is FC's "queued"; a 200 would mean the function ran synchronously, so the header was lost.
    if (response.getStatus() != 202) {
      throw new InvokeFailedException(
          "FC invoke not queued: status=" + response.getStatus() + " fcRequestId=" + orDash(requestId));
    }
    return requestId;
  }

  /** Everything the SDK throws is unchecked, including its own Gson failing to parse an error body. */
  private static InvokeFailedException failure(Throwable thrown) {
    if (thrown instanceof ServerException) {
      ServerException e = (ServerException) thrown;
      return refused(e.getStatusCode(), e.getErrorCode(), e.getRequestId());
    }
    if (thrown instanceof ClientException) {
      ClientException e = (ClientException) thrown;
      return refused(e.getStatusCode(), e.getErrorCode(), e.getRequestId());
    }
    return new InvokeFailedException("FC invoke failed: " + thrown.getClass().getName());
  }

  private static InvokeFailedException refused(int status, String errorCode, String requestId) {
    // The SDK reports "no HTTP answer at all" (connect/read failure) as a ClientException with status 0.
    String shownStatus = status == 0 ? "none" : Integer.toString(status);
    return new InvokeFailedException("FC invoke failed: status=" + shownStatus
        + " code=" + orDash(safe(errorCode)) + " fcRequestId=" + orDash(safe(requestId)));
  }

  private static String header(Map<String, String> headers, String name) {
    if (headers == null) return null;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (name.equalsIgnoreCase(header.getKey())) return header.getValue();
    }
    return null;
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

  /**
   * The SDK asks its Config for the timeouts before every attempt, including the retries it makes
   * on its own after a 5xx: refusing once the caller's budget is spent means no attempt starts
   * after the Front has told the user nothing was started (FC would queue the job after all). An
   * attempt gets what is left of the budget plus a little, so that the caller, not the attempt,
   * is the one to report a timeout, in its own words.
   */
  private static final class BudgetedConfig extends Config {
    private static final long GRACE_MILLIS = 250;
    private final int budgetMillis;

    BudgetedConfig(String region, String accountId, AccessKey credentials, boolean https, int budgetMillis) {
      super(region, accountId, credentials.id(), credentials.secret(), credentials.securityToken().orElse(null), https);
      this.budgetMillis = budgetMillis;
    }

    @Override
    public int getConnectTimeoutMillis() {
      return millisLeft();
    }

    @Override
    public int getReadTimeoutMillis() {
      return millisLeft();
    }

    private int millisLeft() {
      Long deadline = CALL_DEADLINE.get();
      if (deadline == null) return budgetMillis;
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) throw new IllegalStateException("FC invoke budget spent; no further attempt");
      return (int) Math.min(left + GRACE_MILLIS, budgetMillis);
    }
  }

  /** The SDK client together with the credentials its Config was built from. */
  private static final class SignedClient {
    final AccessKey credentials;
    final FunctionComputeClient sdk;

    SignedClient(AccessKey credentials, FunctionComputeClient sdk) {
      this.credentials = credentials;
      this.sdk = sdk;
    }
  }
}
