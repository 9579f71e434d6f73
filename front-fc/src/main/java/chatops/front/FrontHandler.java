package chatops.front;

import chatops.config.AccessKey;
import chatops.config.FrontSettings;
import chatops.config.ResponseUrlPolicy;
import chatops.config.SettingsException;
import chatops.config.Variable;
import chatops.ecs.EcsGrammar;
import chatops.log.LogLine;
import chatops.policy.AccessPolicy;
import chatops.slack.Headers;
import chatops.slack.SlackRequestVerifier;
import chatops.slack.Verification;
import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.HttpRequestHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The FC HTTP-trigger entry point: turns the servlet request into an {@link HttpCall}, lets the
 * {@link CommandReceiver} decide, and writes its {@link HttpReply} back. Nothing is decided here.
 *
 * <p>Everything costly (settings, verifier, grammar, policy, the FC client) is built once per
 * instance in {@link #initialize}, because Slack's 3 s window includes a cold start. A bad
 * configuration is remembered, not retried: the environment cannot change under a running
 * instance, so every request is answered 500 and the log names the variable.
 */
public final class FrontHandler implements HttpRequestHandler, FunctionInitializer {
  /** Slack's slash-command forms are well under 4 KiB; anything near this cap is not Slack. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  private final Map<String, String> env;
  private final ResponseUrlPolicy responseUrls;
  private final BiFunction<FrontSettings, Context, ExecutionInvoker> invokers;
  private final Consumer<String> log;
  private volatile Startup startup;

  /** Production: the function's environment, response URLs limited to {@code SLACK_RESPONSE_HOSTS}. */
  public FrontHandler() {
    this(System.getenv(), null, FrontHandler::fcInvoker, System.out::println);
  }

  /** Tests and the local stack, which must allow its loopback Slack emulator as response_url. */
  public FrontHandler(Map<String, String> env, ResponseUrlPolicy responseUrls) {
    this(env, Objects.requireNonNull(responseUrls, "responseUrls"), FrontHandler::fcInvoker, System.out::println);
  }

  /** {@code responseUrls} null means: from the settings. */
  FrontHandler(Map<String, String> env, ResponseUrlPolicy responseUrls,
      BiFunction<FrontSettings, Context, ExecutionInvoker> invokers, Consumer<String> log) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.responseUrls = responseUrls;
    this.invokers = invokers;
    this.log = log;
  }

  @Override
  public void initialize(Context context) {
    startup(context);
  }

  @Override
  public void handleRequest(HttpServletRequest request, HttpServletResponse response, Context context)
      throws IOException {
    // The platform may skip the initializer (none configured, or a local runner): start lazily.
    Startup ready = startup(context);
    if (ready.receiver == null) {
      log.accept(LogLine.of("front").with("requestId", requestId(context))
          .with("outcome", "misconfigured").with("reason", ready.failure).toString());
      write(HttpReply.empty(500), response);
      return;
    }
    HttpCall call;
    try {
      call = read(request, context);
    } catch (IOException e) {
      // The caller went away mid-body; nothing was decided, but the request still leaves its line.
      log.accept(LogLine.of("front").with("requestId", requestId(context))
          .with("outcome", "read-failed").with("reason", e.getClass().getName()).toString());
      throw e;
    }
    write(ready.receiver.handle(call), response);
  }

  private Startup startup(Context context) {
    Startup ready = startup;
    if (ready == null) {
      synchronized (this) {
        ready = startup;
        if (ready == null) {
          ready = start(context);
          startup = ready;
        }
      }
    }
    return ready;
  }

  private Startup start(Context context) {
    try {
      FrontSettings settings = FrontSettings.from(env);
      ExecutionInvoker invoker;
      try {
        invoker = invokers.apply(settings, context);
      } catch (IllegalArgumentException | IllegalStateException e) {
        // FcExecutionInvoker's own checks, in fixed words that never quote a value.
        return failed("FC invoker: " + e.getMessage());
      }
      SlackRequestVerifier verifier = new SlackRequestVerifier(settings.signingSecret().orElse(null),
          settings.legacyToken().orElse(null), Clock.systemUTC());
      CommandReceiver receiver = CommandReceiver.builder()
          .verifier(verifier)
          .grammar(new EcsGrammar(settings.maxInstances()))
          .policy(AccessPolicy.from(settings))
          .responseUrls(responseUrls != null ? responseUrls : ResponseUrlPolicy.slackHosts(settings.responseHosts()))
          .invoker(invoker)
          .log(log)
          .build();
      log.accept(started(verifier, settings, receiver.warmUp()));
      return new Startup(receiver, null);
    } catch (SettingsException e) {
      // Its message names the variable and the rule, never the value.
      return failed(e.getMessage());
    } catch (RuntimeException e) {
      // Other messages might quote a value; the class name is enough to go on.
      return failed(e.getClass().getName());
    }
  }

  /**
   * Says how requests will be verified and, unless by signature, what to set: with neither secret
   * the Front still starts, as {@link FrontSettings} intends, and the verifier refuses every request.
   */
  private static String started(SlackRequestVerifier verifier, FrontSettings settings, boolean warmedUp) {
    LogLine line = LogLine.of("front").with("outcome", "started").with("auth", verifier.method())
        .with("warmedUp", warmedUp);
    List<Variable> missing = settings.missingVerification();
    if (!verifier.method().equals(Verification.SIGNATURE)) {
      StringBuilder names = new StringBuilder();
      for (Variable variable : missing) names.append(names.length() == 0 ? "" : ",").append(variable.envName());
      line = line.with("unset", names.toString());
    }
    return line.toString();
  }

  private Startup failed(String reason) {
    log.accept(LogLine.of("front").with("outcome", "misconfigured").with("reason", reason).toString());
    return new Startup(null, reason);
  }

  /** The Execution function lives in the Front's own service unless INVOKE_SERVICE says otherwise. */
  private static ExecutionInvoker fcInvoker(FrontSettings settings, Context context) {
    String service = settings.invokeService()
        .orElseGet(() -> context == null || context.getService() == null ? null : context.getService().getName());
    if (service == null || service.isEmpty()) {
      throw new SettingsException(Variable.INVOKE_SERVICE, "is required when the platform does not name the Front's service");
    }
    return new FcExecutionInvoker(settings.functionComputeEndpoint().url(), settings.fcAccountId(),
        settings.fcRegion(), service, settings.invokeFunction());
  }

  private static HttpCall read(HttpServletRequest request, Context context) throws IOException {
    HttpCall.Builder call = HttpCall.builder()
        .method(request.getMethod())
        .headers(headers(request))
        .requestId(requestId(context))
        .credentials(credentials(context));
    // A declared length over the cap is refused unread; an undeclared one is read one byte past it.
    if (request.getContentLengthLong() > MAX_BODY_BYTES) return call.bodyTooLarge(true).build();
    byte[] body = readAtMost(request.getInputStream(), MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? call.bodyTooLarge(true).build() : call.body(body).build();
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    if (in == null) return new byte[0];
    byte[] buffer = new byte[Math.min(limit, 4096)];
    int size = 0;
    while (size < limit) {
      if (size == buffer.length) buffer = Arrays.copyOf(buffer, Math.min(limit, buffer.length * 2));
      int n = in.read(buffer, size, buffer.length - size);
      if (n < 0) break;
      size += n;
    }
    return Arrays.copyOf(buffer, size);
  }

  private static Headers headers(HttpServletRequest request) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    Enumeration<String> names = request.getHeaderNames();
    if (names == null) return Headers.of(map);
    for (String name : Collections.list(names)) {
      Enumeration<String> values = request.getHeaders(name);
      if (values != null) map.put(name, Collections.list(values));
    }
    return Headers.of(map);
  }

  /** Read per request: the STS key rotates, so one cached at startup would expire under us. */
  private static AccessKey credentials(Context context) {
    Credentials c = context == null ? null : context.getExecutionCredentials();
    if (c == null || isBlank(c.getAccessKeyId()) || isBlank(c.getAccessKeySecret())) return null;
    return AccessKey.of(c.getAccessKeyId(), c.getAccessKeySecret(), c.getSecurityToken());
  }

  private static String requestId(Context context) {
    return context == null ? null : context.getRequestId();
  }

  private static void write(HttpReply reply, HttpServletResponse response) throws IOException {
    response.setStatus(reply.status());
    reply.headers().forEach(response::setHeader);
    byte[] body = reply.body();
    response.setContentLength(body.length);
    if (body.length > 0) {
      try (OutputStream out = response.getOutputStream()) {
        out.write(body);
      }
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** Either a receiver or the reason there is none. */
  private static final class Startup {
    final CommandReceiver receiver;
    final String failure;

    Startup(CommandReceiver receiver, String failure) {
      this.receiver = receiver;
      this.failure = failure;
    }
  }
}
