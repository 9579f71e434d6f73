package chatops.execution;

import chatops.config.AccessKey;
import chatops.config.ExecutionSettings;
import chatops.config.ResponseUrlPolicy;
import chatops.config.SettingsException;
import chatops.job.InvalidJobException;
import chatops.job.Job;
import chatops.job.JobCodec;
import chatops.log.LogLine;
import chatops.policy.AccessPolicy;
import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.StreamRequestHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Execution function's entry point (FC 2.0 event handler, invoked asynchronously by the
 * Front): decode the job, check all of it again, run it, report to Slack, write the audit line.
 *
 * <p>A job that fails a check is logged and dropped, contacting nothing: it may be forged. The
 * handler returns normally once the result is reported, or when it cannot be reported for a
 * reason a retry would not fix; it throws only when the post failed in a way that may pass later,
 * so the platform runs the job again, which is safe because the worker reads states first.
 */
public final class ExecutionHandler implements StreamRequestHandler, FunctionInitializer {
  /**
   * Kept back from the function's time limit for the report: a post takes well under a second,
   * and the poster's first attempt is capped at 8 s. Should Slack be slower still, the platform
   * ends the function, retries the job, and the rerun reports without repeating anything.
   */
  static final Duration REPORT_MARGIN = Duration.ofSeconds(10);
  /** FC's own default timeout, for a context that gives none (only seen with emulators). */
  static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

  private final Map<String, String> env;
  private final ResponseUrlPolicy givenResponseUrls;
  private final Wiring wiring;
  private final JobCodec codec = new JobCodec();
  private final JobDeliveries deliveries = new JobDeliveries();
  /** The role's STS key from the latest invocation: FC rotates it, so each invocation brings its own. */
  private final AtomicReference<AccessKey> roleKey = new AtomicReference<>();
  private volatile Parts parts;
  private volatile String configProblem;

  /** Production: the function's environment, response_url hosts from {@code SLACK_RESPONSE_HOSTS}. */
  public ExecutionHandler() {
    this(System.getenv(), null, Wiring.production());
  }

  /** Tests and the local stack: a given environment and response_url policy, real ECS and Slack clients. */
  public ExecutionHandler(Map<String, String> env, ResponseUrlPolicy responseUrls) {
    this(env, Objects.requireNonNull(responseUrls, "responseUrls"), Wiring.production());
  }

  ExecutionHandler(Map<String, String> env, ResponseUrlPolicy responseUrls, Wiring wiring) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.givenResponseUrls = responseUrls;
    this.wiring = Objects.requireNonNull(wiring, "wiring");
  }

  @Override
  public void initialize(Context context) {
    ready(context);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    Instant started = wiring.clock.instant();
    Parts p = parts != null ? parts : ready(context);
    LogLine drop = LogLine.of("dropped").with("fcRequest", context.getRequestId())
        .with("fcRetry", context.getRetryCount());
    if (p == null) {
      warn(context, drop.with("reason", "configuration: " + configProblem));
      return;
    }
    byte[] payload = input.readNBytes(JobCodec.MAX_BYTES + 1);
    Job job;
    try {
      job = codec.read(payload);
    } catch (InvalidJobException e) {
      warn(context, drop.with("reason", "invalid job: " + e.getMessage()));
      return;
    }
    Optional<String> refusal = p.check.refusal(job);
    if (refusal.isPresent()) {
      warn(context, drop.with("job", job.jobId()).with("reason", refusal.get()));
      return;
    }
    JobDeliveries.Taken taken;
    try {
      taken = deliveries.take(job.jobId());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("ended while another delivery of job " + job.jobId() + " ran");
    }
    ResultDelivery.Delivery delivery;
    JobResult result;
    try {
      boolean redelivered = context.getRetryCount() > 0 || taken.redelivery();
      result = run(p, job, context, started.plus(timeLimit(context)).minus(REPORT_MARGIN), redelivered);
      delivery = p.delivery.deliver(job.responseUrl(), ResultReport.of(job, result, redelivered));
    } finally {
      taken.release();
    }
    long millis = Duration.between(started, wiring.clock.instant()).toMillis();
    info(context, AuditLine.of(job, result, delivery, context.getRequestId(), context.getRetryCount(), millis));
    if (delivery.transientFailure()) {
      error(context, LogLine.of("report-failed").with("job", job.jobId()).with("post", delivery.last().toString())
          .with("next", "failing the invocation so Function Compute runs the job again; the rerun repeats no change"));
      throw new IOException("the result of job " + job.jobId() + " could not be posted to Slack yet");
    }
    if (!delivery.delivered()) {
      warn(context, LogLine.of("report-rejected").with("job", job.jobId()).with("post", delivery.last().toString())
          .with("next", "not retried: Slack would answer the same"));
    }
  }

  private JobResult run(Parts p, Job job, Context context, Instant deadline, boolean redelivered) {
    if (!p.legacyKey && !takeRoleKey(context)) {
      return p.runner.unrunnable(job, "The execution function got no credentials for ECS: give its service a RAM"
          + " role.");
    }
    try {
      return p.runner.run(job, deadline, redelivered);
    } catch (RuntimeException e) {
      // A bug, not ECS: retrying would fail the same way, so the user is told and the job ends.
      error(context, LogLine.of("job-crashed").with("job", job.jobId()).with("error", e.getClass().getName()));
      return p.runner.unrunnable(job, "The job failed unexpectedly (" + e.getClass().getSimpleName()
          + "); check `/ecs status` before trying again.");
    }
  }

  private boolean takeRoleKey(Context context) {
    Credentials credentials = context.getExecutionCredentials();
    if (credentials == null || isBlank(credentials.getAccessKeyId()) || isBlank(credentials.getAccessKeySecret())) {
      return false;
    }
    roleKey.set(AccessKey.of(credentials.getAccessKeyId(), credentials.getAccessKeySecret(),
        credentials.getSecurityToken()));
    return true;
  }

  /** Builds everything once; a configuration error is remembered, logged naming the variable, and fails closed. */
  private synchronized Parts ready(Context context) {
    if (parts != null || configProblem != null) return parts;
    ExecutionSettings settings;
    ResponseUrlPolicy urls;
    Optional<AccessKey> legacy;
    try {
      settings = ExecutionSettings.from(env);
      urls = givenResponseUrls != null ? givenResponseUrls : ResponseUrlPolicy.slackHosts(settings.responseHosts());
      legacy = settings.staticAccessKey();
      EcsGateway gateway = wiring.gateways.build(settings, legacy.isPresent() ? legacy::get : roleKey::get);
      parts = new Parts(
          new JobCheck(AccessPolicy.from(settings), urls, wiring.clock),
          new JobRunner(gateway, wiring.retrier, wiring.clock, wiring.sleeper, settings),
          new ResultDelivery(wiring.posters.apply(urls)),
          legacy.isPresent());
    } catch (SettingsException | IllegalArgumentException e) {
      // Both name the variable or rule, never a value (SettingsException, Endpoint and the gateway promise it).
      configProblem = e.getMessage();
      error(context, LogLine.of("config-invalid").with("problem", configProblem)
          .with("next", "every job is dropped until the configuration is fixed"));
      return null;
    }
    info(context, LogLine.of("initialized").with("settings", settings.toString()).with("responseUrls", urls.toString()));
    if (legacy.isPresent()) {
      warn(context, LogLine.of("legacy-credentials").with("using", "ACCESS_KEY_ID/ACCESS_KEY_SECRET")
          .with("advice", "unset both to use the function role's short-lived STS credentials"));
    }
    return parts;
  }

  private static Duration timeLimit(Context context) {
    FunctionParam param = context.getFunctionParam();
    if (param == null || param.getExecTimeLimitInMillis() <= 0) return DEFAULT_TIME_LIMIT;
    return Duration.ofMillis(param.getExecTimeLimitInMillis());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static void info(Context context, LogLine line) {
    FunctionComputeLogger logger = context.getLogger();
    if (logger == null) System.out.println(line); else logger.info(line.toString());
  }

  private static void warn(Context context, LogLine line) {
    FunctionComputeLogger logger = context.getLogger();
    if (logger == null) System.out.println(line); else logger.warn(line.toString());
  }

  private static void error(Context context, LogLine line) {
    FunctionComputeLogger logger = context.getLogger();
    if (logger == null) System.err.println(line); else logger.error(line.toString());
  }

  /** What {@link #ready} builds once. */
  private static final class Parts {
    final JobCheck check;
    final JobRunner runner;
    final ResultDelivery delivery;
    final boolean legacyKey;

    Parts(JobCheck check, JobRunner runner, ResultDelivery delivery, boolean legacyKey) {
      this.check = check;
      this.runner = runner;
      this.delivery = delivery;
      this.legacyKey = legacyKey;
    }
  }
}
