package chatops.front;

import chatops.config.ResponseUrlPolicy;
import chatops.ecs.EcsCommand;
import chatops.ecs.EcsGrammar;
import chatops.ecs.Parse;
import chatops.job.Job;
import chatops.job.JobCodec;
import chatops.policy.AccessPolicy;
import chatops.policy.Decision;
import chatops.slack.FormBody;
import chatops.slack.Headers;
import chatops.slack.MalformedFormException;
import chatops.slack.SlackRequestVerifier;
import chatops.slack.SlashCommand;
import chatops.slack.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Decides what the Front does with one HTTP request: a plain object with no servlet and no SDK in
 * it, so every branch is testable with a byte array and a fake invoker.
 *
 * <p>The order is the security argument. Nothing of an unverified request is acted on or echoed:
 * wrong method, oversized body and bad signature each get a bare status, and Slack's
 * {@code ssl_check} probe a bare 200 before anything else of it is read. Only after verification
 * does the caller get words, and then always HTTP 200, because Slack shows anything else as an
 * opaque failure. The invoker runs only once every check has passed.
 *
 * <p>Each request leaves exactly one log line through the injected sink.
 */
public final class CommandReceiver {
  private final SlackRequestVerifier verifier;
  private final EcsGrammar grammar;
  private final AccessPolicy policy;
  private final ResponseUrlPolicy responseUrls;
  private final ExecutionInvoker invoker;
  private final Clock clock;
  private final Consumer<String> log;
  private final JobCodec jobs = new JobCodec();
  private static final String WARM_UP_FORM = "team_id=T0&channel_id=C0&channel_name=warm-up&user_id=U0"
      + "&user_name=warm-up&command=%2Fecs&text=status+i-0&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F0";

  private CommandReceiver(Builder b) {
    this.verifier = Objects.requireNonNull(b.verifier, "verifier");
    this.grammar = Objects.requireNonNull(b.grammar, "grammar");
    this.policy = Objects.requireNonNull(b.policy, "policy");
    this.responseUrls = Objects.requireNonNull(b.responseUrls, "responseUrls");
    this.invoker = Objects.requireNonNull(b.invoker, "invoker");
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.log = Objects.requireNonNull(b.log, "log");
  }

  public static Builder builder() {
    return new Builder();
  }

  public HttpReply handle(HttpCall call) {
    long started = System.nanoTime();
    RequestLog record = new RequestLog(call.requestId());
    HttpReply reply;
    try {
      reply = decide(call, record);
    } catch (RuntimeException e) {
      // A bug must not leave a half-made decision; the class name is enough to find it, the
      // message might quote request data.
      record.outcome("error", e.getClass().getName());
      reply = HttpReply.empty(500);
    }
    log.accept(record.line((System.nanoTime() - started) / 1_000_000));
    return reply;
  }

  private HttpReply decide(HttpCall call, RequestLog record) {
    if (!"POST".equals(call.method())) {
      record.outcome("method-not-allowed");
      return HttpReply.methodNotAllowed();
    }
    if (call.bodyTooLarge()) {
      record.outcome("too-large");
      return HttpReply.empty(413);
    }
    byte[] raw = call.body();
    FormBody form = null;
    String malformed = null;
    try {
      form = FormBody.decode(raw);
    } catch (MalformedFormException e) {
      malformed = e.getMessage();
    }
    if (form != null && form.get("ssl_check").filter("1"::equals).isPresent()) {
      // Slack's certificate probe: acknowledge and read nothing else from it.
      record.outcome("ssl-check");
      return HttpReply.empty(200);
    }
    // A form that did not decode is still verified (by signature), so the caller hears about it
    // only once we know it is Slack; an unverified caller learns nothing either way.
    Verification verification = verifier.verify(call.headers(), raw, form);
    if (!verification.ok()) {
      record.outcome("unverified", verification.reason());
      return HttpReply.empty(401);
    }
    record.auth(verification.method());
    if (form == null) {
      record.outcome("malformed-form", malformed);
      return HttpReply.message(FrontReplies.malformedRequest(malformed));
    }
    return decideVerified(SlashCommand.from(form), call, record);
  }

  private HttpReply decideVerified(SlashCommand slash, HttpCall call, RequestLog record) {
    record.caller(slash);
    Optional<String> missing = missingIdentity(slash);
    if (missing.isPresent()) {
      record.outcome("incomplete", "no " + missing.get() + " id");
      return HttpReply.message(FrontReplies.incomplete(missing.get()));
    }
    Decision where = policy.checkWorkspace(slash.teamId(), slash.channelId(), slash.channelName());
    if (!where.allowed()) return refused(where, record);
    Parse parse = grammar.parse(slash.text() == null ? "" : slash.text());
    if (parse.isHelp()) {
      record.outcome("help");
      return HttpReply.message(FrontReplies.help());
    }
    if (parse.command().isEmpty()) {
      String error = parse.error().orElse("That command could not be read.");
      record.outcome("refused-grammar", error);
      return HttpReply.message(FrontReplies.badCommand(error));
    }
    EcsCommand command = parse.command().get();
    record.command(command);
    Decision what = policy.check(slash.userId(), command);
    if (!what.allowed()) return refused(what, record);
    if (!responseUrls.allows(slash.responseUrl())) {
      record.responseUrl(slash.responseUrl());
      record.outcome("refused-response-url");
      return HttpReply.message(FrontReplies.responseUrlRefused());
    }
    return start(slash, command, call, record);
  }

  /** The log names the rule (refused-channel, refused-user...) so nobody has to parse the reason. */
  private static HttpReply refused(Decision decision, RequestLog record) {
    String rule = decision.rule().map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', '-')).orElse("policy");
    record.outcome("refused-" + rule, decision.reason());
    return HttpReply.message(FrontReplies.refused(decision));
  }

  private HttpReply start(SlashCommand slash, EcsCommand command, HttpCall call, RequestLog record) {
    // A fresh id rather than FC's request id: the job must stay unique and well-formed whatever
    // platform (or local emulator) delivered the request; the log line ties the two together.
    String jobId = UUID.randomUUID().toString();
    record.jobId(jobId);
    Job job;
    try {
      job = job(jobId, slash, command);
    } catch (IllegalArgumentException e) {
      // A field no job may carry (over-long, control characters); Job's messages name the field, not the value.
      record.outcome("unusable-request", e.getMessage());
      return HttpReply.message(FrontReplies.malformedRequest(e.getMessage()));
    }
    if (call.credentials().isEmpty()) {
      record.outcome("invoke-failed", "no execution credentials: does the service have a role?");
      return HttpReply.message(FrontReplies.couldNotStart());
    }
    try {
      record.invokeId(invoker.invokeAsync(jobs.write(job), call.credentials().get()));
    } catch (InvokeFailedException e) {
      record.outcome(e.outcomeUnknown() ? "invoke-unconfirmed" : "invoke-failed", e.getMessage());
      return HttpReply.message(e.outcomeUnknown() ? FrontReplies.notConfirmed() : FrontReplies.couldNotStart());
    } catch (RuntimeException e) {
      // The invoker promises a checked failure, but a started job must never be claimed on a bug.
      record.outcome("invoke-failed", e.getClass().getName());
      return HttpReply.message(FrontReplies.couldNotStart());
    }
    record.outcome("accepted");
    return HttpReply.message(FrontReplies.accepted(slash.userId(), command));
  }

  private Job job(String jobId, SlashCommand slash, EcsCommand command) {
    return Job.builder()
        .jobId(jobId)
        .action(command.action())
        .instanceIds(command.instanceIds())
        .region(command.region().orElse(null))
        .force(command.force())
        .dryRun(command.dryRun())
        .teamId(slash.teamId())
        .channelId(slash.channelId())
        .channelName(slash.channelName())
        .userId(slash.userId())
        .userName(slash.userName())
        .responseUrl(slash.responseUrl())
        .issuedAt(clock.instant())
        .build();
  }

  /**
   * Runs the form, HMAC, grammar, job and reply code once, invoking and logging nothing.
   * Provisioned instances run the initializer ahead of traffic, so their first command finds these
   * classes loaded and compiled; an on-demand start pays the same cost either way.
   *
   * @return whether every step ran, for the start-up log line
   */
  boolean warmUp() {
    try {
      byte[] body = WARM_UP_FORM.getBytes(StandardCharsets.US_ASCII);
      FormBody form = FormBody.decode(body);
      String now = Long.toString(clock.instant().getEpochSecond());
      verifier.verify(Headers.of("X-Slack-Request-Timestamp", now, "X-Slack-Signature", "v0=" + "0".repeat(64)), body, form);
      SlashCommand slash = SlashCommand.from(form);
      EcsCommand command = grammar.parse(slash.text()).command().orElseThrow();
      jobs.write(job(UUID.randomUUID().toString(), slash, command));
      FrontReplies.accepted(slash.userId(), command).toJson();
      RequestLog record = new RequestLog("warm-up");
      record.caller(slash);
      record.command(command);
      record.line(0);
      return true;
    } catch (MalformedFormException | RuntimeException e) {
      // Only a head start: whatever failed here fails again, and is reported, on a real request.
      return false;
    }
  }

  /** The IDs policy and job are keyed on; Slack sends all three with every channel command. */
  private static Optional<String> missingIdentity(SlashCommand slash) {
    if (isBlank(slash.teamId())) return Optional.of("workspace");
    if (isBlank(slash.channelId())) return Optional.of("channel");
    if (isBlank(slash.userId())) return Optional.of("user");
    return Optional.empty();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  public static final class Builder {
    private SlackRequestVerifier verifier;
    private EcsGrammar grammar;
    private AccessPolicy policy;
    private ResponseUrlPolicy responseUrls;
    private ExecutionInvoker invoker;
    private Clock clock = Clock.systemUTC();
    private Consumer<String> log = System.out::println;

    private Builder() {}

    public Builder verifier(SlackRequestVerifier verifier) {
      this.verifier = verifier;
      return this;
    }

    public Builder grammar(EcsGrammar grammar) {
      this.grammar = grammar;
      return this;
    }

    public Builder policy(AccessPolicy policy) {
      this.policy = policy;
      return this;
    }

    /** Checked here too, not only in Execution, so a refused URL never becomes a queued job. */
    public Builder responseUrls(ResponseUrlPolicy responseUrls) {
      this.responseUrls = responseUrls;
      return this;
    }

    public Builder invoker(ExecutionInvoker invoker) {
      this.invoker = invoker;
      return this;
    }

    /** Stamps {@code issuedAt}; the verifier has its own clock for the replay window. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Where the one line per request goes; FC collects a function's stdout into its log store. */
    public Builder log(Consumer<String> log) {
      this.log = log;
      return this;
    }

    public CommandReceiver build() {
      return new CommandReceiver(this);
    }
  }
}
