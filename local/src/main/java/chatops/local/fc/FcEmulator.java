package chatops.local.fc;

import chatops.local.LoopbackServer;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Function Compute 2.0 on 127.0.0.1: the invoke API as aliyun-java-sdk-fc speaks it (signature,
 * STS token, account, Date, Content-MD5; Sync and Async with FC's retries) and anonymous HTTP
 * triggers for {@code HttpRequestHandler}s, on one ephemeral port. Tests deploy functions, read what
 * was invoked and logged, wait for the async queue to drain, and make the API fail or hang.
 *
 * <p>The role key handed to functions as their execution credentials is also accepted by the invoke
 * API, as in a real account where a function's role may invoke another function.
 */
public final class FcEmulator implements Closeable {
  private final LoopbackServer server;
  private final String accountId;
  private final String region;
  private final StsKey roleKey;
  private final FunctionRegistry registry;
  private final InvocationLog invocations = new InvocationLog();
  private final LogBook logs;
  private final FaultPlan faults = new FaultPlan();
  private final AsyncQueue queue;
  private final ExecutorService runner;
  private final int requestedPort;

  private FcEmulator(Builder builder) {
    this.requestedPort = builder.port;
    this.accountId = builder.accountId;
    this.region = builder.region;
    this.roleKey = builder.roleKey;
    this.logs = new LogBook(builder.clock);
    this.runner = Executors.newCachedThreadPool(daemonThreads("fc-handler"));
    ScheduledExecutorService workers = Executors.newScheduledThreadPool(builder.asyncWorkers, daemonThreads("fc-async"));
    this.queue = new AsyncQueue(workers, invocations, builder.asyncRetries, builder.retryBackoff);
    this.registry = new FunctionRegistry(roleKey, logs, runner);
    Map<String, StsKey> callers = new LinkedHashMap<>(builder.callers);
    callers.put(roleKey.getAccessKeyId(), roleKey);
    InvokeAuthenticator authenticator = new InvokeAuthenticator(accountId, callers, builder.clock);
    InvokeApi invokeApi = new InvokeApi(authenticator, registry, queue, invocations, faults, builder.clock);
    this.server = new LoopbackServer(
        new FcRouter(invokeApi, new HttpTrigger(registry, invocations, builder.clock), faults));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What {@code Config.setEndpoint} takes: {@code http://127.0.0.1:PORT}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.port();
  }

  public int port() {
    return server.port();
  }

  public String accountId() {
    return accountId;
  }

  public String region() {
    return region;
  }

  /** The credentials every function gets from {@code context.getExecutionCredentials()}. */
  public StsKey roleKey() {
    return roleKey;
  }

  /** Deploys (or redeploys) a function; it can be called at once. */
  public FcEmulator deploy(FcFunction function) {
    registry.deploy(Objects.requireNonNull(function, "function"));
    return this;
  }

  /** The anonymous HTTP trigger's URL of an HTTP function, ending in '/'. */
  public String httpTriggerUrl(String service, String function) {
    return endpoint() + FcPath.triggerPath(service, function);
  }

  /** Accepted invocations of one function, in arrival order (refused requests are not invocations). */
  public List<Invocation> invocations(String service, String function) {
    return invocations.of(service, function);
  }

  public List<Invocation> invocations() {
    return invocations.all();
  }

  public int invocationCount(String service, String function) {
    return invocations.of(service, function).size();
  }

  /** Every line every function logged, including FC's line for each unhandled error. */
  public List<FcLogLine> logLines() {
    return logs.all();
  }

  public List<FcLogLine> logLines(String service, String function) {
    return logs.of(service, function);
  }

  /** Forgets invocations and log lines, so one test's history does not leak into the next. */
  public void clearHistory() {
    invocations.clear();
    logs.clear();
  }

  /** True once every async event has run its last attempt; false if that did not happen within {@code timeout}. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return queue.awaitIdle(timeout);
  }

  /** The next {@code count} invoke requests get 500 InternalServerError and do nothing. */
  public void failNextInvokes(int count) {
    faults.failNext(count);
  }

  /** Every invoke request waits {@code hold} before FC looks at it, until {@link #resetFaults()}. */
  public void stallInvokes(Duration hold) {
    faults.stall(hold);
  }

  /** Every invoke request hangs until {@link #resetFaults()}, then gets a 500 and does nothing. */
  public void stallInvokesUntilReset() {
    faults.stallUntilReset();
  }

  public void resetFaults() {
    faults.reset();
  }

  /** Releases held requests, stops the queue (pending retries are dropped), interrupts running handlers. */
  @Override
  public void close() {
    faults.reset();
    queue.close();
    registry.stopAll();
    runner.shutdownNow();
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FcEmulator start() {
    try {
      server.start(requestedPort);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("FC emulator could not listen on 127.0.0.1", e);
    }
    return this;
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Defaults: account 1234567890123456, cn-hangzhou, a random role key, FC's 3 async retries, 1 s base backoff. */
  public static final class Builder {
    private String accountId = "1234567890123456";
    private String region = "cn-hangzhou";
    private StsKey roleKey = StsKey.random();
    private final Map<String, StsKey> callers = new LinkedHashMap<>();
    private int asyncRetries = 3;
    private Duration retryBackoff = Duration.ofSeconds(1);
    private Clock clock = Clock.systemUTC();
    private int port;
    private int asyncWorkers = 4;

    private Builder() {
    }

    /** A fixed port (for --serve behind a tunnel); 0, the default, picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535");
      }
      this.port = port;
      return this;
    }

    /**
     * Async jobs run at once, standing in for the Execution instances FC would scale out to;
     * a burst test wants as many as it sends.
     */
    public Builder asyncWorkers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("at least one async worker");
      }
      this.asyncWorkers = workers;
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** The functions' execution credentials (their service role's STS key). */
    public Builder roleKey(StsKey roleKey) {
      this.roleKey = Objects.requireNonNull(roleKey, "roleKey");
      return this;
    }

    /** Another key the invoke API accepts, e.g. a RAM user's permanent key (token null). */
    public Builder acceptCaller(StsKey caller) {
      callers.put(caller.getAccessKeyId(), caller);
      return this;
    }

    /** FC allows 0..8; 3 is its default. */
    public Builder asyncRetries(int retries) {
      if (retries < 0 || retries > 8) {
        throw new IllegalArgumentException("FC allows 0..8 async retries");
      }
      this.asyncRetries = retries;
      return this;
    }

    /** Pause before the first retry, doubled for each later one; keep it small in tests. */
    public Builder retryBackoff(Duration backoff) {
      if (backoff.isNegative()) {
        throw new IllegalArgumentException("backoff must be >= 0");
      }
      this.retryBackoff = backoff;
      return this;
    }

    /** The server's clock, against which a request's Date must be within 15 minutes. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public FcEmulator start() {
      return new FcEmulator(this).start();
    }
  }
}
