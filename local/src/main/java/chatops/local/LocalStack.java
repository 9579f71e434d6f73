package chatops.local;

import chatops.config.ResponseUrlPolicy;
import chatops.config.Variable;
import chatops.front.FrontHandler;
import chatops.local.ecs.EcsEmulator;
import chatops.local.ecs.EcsInstance;
import chatops.local.ecs.TransitionTimes;
import chatops.local.fc.FcEmulator;
import chatops.local.fc.FcFunction;
import chatops.local.fc.StsKey;
import chatops.local.slack.CommandReply;
import chatops.local.slack.SlackEmulator;
import chatops.local.slack.SlashCommandRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole flow on 127.0.0.1: Slack's side, FC running the real Front (HTTP trigger) and the
 * real Execution (async invoke), and ECS, each emulator on an ephemeral port. The functions get
 * the environment template.yml gives them, pointed at the emulators, so what talks to the
 * emulators is the production code with its real SDK clients.
 *
 * <p>The Execution signs ECS calls with the FC emulator's role key, which the ECS emulator
 * accepts as an STS key: the same path as a function role in a real account. With {@link
 * Builder#realEcs} the ECS emulator is not started and the Execution calls real ECS with a static
 * key instead.
 */
public final class LocalStack implements AutoCloseable {
  public static final String FRONT_SERVICE = "chatops-front";
  public static final String FRONT_FUNCTION = "front";
  public static final String EXECUTION_SERVICE = "chatops-execution";
  public static final String EXECUTION_FUNCTION = "execution";
  /** The Slack emulator's default workspace and channel, the ones its commands come from. */
  public static final String TEAM_ID = "T0001";
  public static final String CHANNEL_ID = "C0001";

  private final SlackEmulator slack;
  private final FcEmulator fc;
  private final EcsEmulator ecs;
  private final RealEcs realEcs;
  private final String defaultRegion;
  private final Duration transitionTime;
  private final int asyncRetries;

  private LocalStack(Builder b) {
    this.realEcs = b.realEcs;
    this.defaultRegion = realEcs != null ? realEcs.region() : b.defaultRegion;
    this.transitionTime = b.transitionTimes.starting();
    this.asyncRetries = b.asyncRetries;
    List<AutoCloseable> started = new ArrayList<>();
    try {
      slack = started(started, b.signingSecret == null ? SlackEmulator.builder().start()
          : SlackEmulator.builder().signingSecret(b.signingSecret).start());
      fc = started(started, FcEmulator.builder().region(defaultRegion).asyncRetries(b.asyncRetries)
          .retryBackoff(b.retryBackoff).start());
      ecs = realEcs != null ? null : started(started, emulatedEcs(b, fc.roleKey()));
      Map<String, String> frontEnv = frontEnv(b);
      Map<String, String> executionEnv = executionEnv(b);
      FrontHandler front = new FrontHandler(frontEnv, b.responseUrls);
      // Time limit and memory as template.yml gives them, so the emulator runs what gets deployed.
      fc.deploy(FcFunction.http(FRONT_SERVICE, FRONT_FUNCTION, front).initializer(front)
          .timeLimit(Duration.ofSeconds(10)).memoryMb(1024).build());
      ExecutionFunction.deploy(fc, executionEnv, b.responseUrls, b.executionTimeLimit);
    } catch (RuntimeException e) {
      try {
        closeAll(started);
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The Front's HTTP trigger: Slack's Request URL. */
  public String frontUrl() {
    return fc.httpTriggerUrl(FRONT_SERVICE, FRONT_FUNCTION);
  }

  public SlackEmulator slack() {
    return slack;
  }

  public FcEmulator fc() {
    return fc;
  }

  /** @throws IllegalStateException when the stack points at real ECS */
  public EcsEmulator ecs() {
    if (ecs == null) throw new IllegalStateException("this stack calls real ECS; no emulator runs");
    return ecs;
  }

  public Optional<RealEcs> realEcs() {
    return Optional.ofNullable(realEcs);
  }

  /** {@code ECS_REGION}: where a command that names no region runs. */
  public String defaultRegion() {
    return defaultRegion;
  }

  /** How long the emulated instances take to start (and to stop). */
  public Duration transitionTime() {
    return transitionTime;
  }

  public int asyncRetries() {
    return asyncRetries;
  }

  /** A {@code /ecs} command from the default user in the allowed channel; change what the test needs. */
  public SlashCommandRequest.Builder command(String text) {
    return slack.command("/ecs", text);
  }

  /** Signs and POSTs the command to the Front, as Slack does, and returns what Slack got back. */
  public CommandReply send(SlashCommandRequest command) {
    return slack.send(command, frontUrl());
  }

  /** Stops Slack first so nothing new arrives, then FC (running jobs are interrupted), then ECS. */
  @Override
  public void close() {
    List<AutoCloseable> all = new ArrayList<>();
    all.add(slack);
    all.add(fc);
    if (ecs != null) all.add(ecs);
    closeAll(all);
  }

  private static EcsEmulator emulatedEcs(Builder b, StsKey role) {
    try {
      EcsEmulator emulator = EcsEmulator.builder().transitionTimes(b.transitionTimes).start();
      emulator.addStsAccessKey(role.getAccessKeyId(), role.getAccessKeySecret(), role.getSecurityToken());
      emulator.seed(b.fleet.toArray(new EcsInstance[0]));
      return emulator;
    } catch (IOException e) {
      throw new UncheckedIOException("ECS emulator could not listen on 127.0.0.1", e);
    }
  }

  private Map<String, String> frontEnv(Builder b) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(Variable.SLACK_SIGNING_SECRET.envName(), slack.signingSecret());
    env.put(Variable.SLACK_CHANNEL.envName(), CHANNEL_ID);
    env.put(Variable.SLACK_TEAM.envName(), TEAM_ID);
    env.put(Variable.FUNCTION_COMPUTE_ENDPOINT.envName(), fc.endpoint());
    env.put(Variable.FC_ACCOUNT_ID.envName(), fc.accountId());
    env.put(Variable.FC_REGION.envName(), fc.region());
    env.put(Variable.INVOKE_SERVICE.envName(), EXECUTION_SERVICE);
    env.put(Variable.INVOKE_FC.envName(), EXECUTION_FUNCTION);
    return withOverrides(env, b.overrides, Variable.Function.FRONT);
  }

  private Map<String, String> executionEnv(Builder b) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(Variable.ECS_REGION.envName(), defaultRegion);
    if (realEcs == null) {
      env.put(Variable.ECS_ENDPOINT.envName(), "http://" + ecs.endpoint());
    } else {
      realEcs.endpoint().ifPresent(url -> env.put(Variable.ECS_ENDPOINT.envName(), url));
      env.put(Variable.ACCESS_KEY_ID.envName(), realEcs.key().id());
      env.put(Variable.ACCESS_KEY_SECRET.envName(), realEcs.key().secret());
    }
    return withOverrides(env, b.overrides, Variable.Function.EXECUTION);
  }

  /** An override reaches only the functions that read the variable, as template.yml declares it. */
  private static Map<String, String> withOverrides(Map<String, String> env, Map<Variable, String> overrides,
      Variable.Function function) {
    overrides.forEach((variable, value) -> {
      if (!variable.readBy().contains(function)) return;
      if (value == null) {
        env.remove(variable.envName());
      } else {
        env.put(variable.envName(), value);
      }
    });
    return Map.copyOf(env);
  }

  private static <T extends AutoCloseable> T started(List<AutoCloseable> started, T service) {
    started.add(service);
    return service;
  }

  private static void closeAll(List<AutoCloseable> services) {
    RuntimeException first = null;
    for (AutoCloseable service : services) {
      try {
        service.close();
      } catch (Exception e) {
        if (first == null) first = new IllegalStateException("could not stop " + service.getClass().getSimpleName(), e);
      }
    }
    if (first != null) throw first;
  }

  /**
   * Defaults: the demo fleet, 3 s transitions, FC's async retries as template.yml sets them (2, 1 s
   * apart), the Execution's 300 s time limit, loopback response URLs, a random signing secret.
   */
  public static final class Builder {
    private List<EcsInstance> fleet = DemoFleet.instances();
    private TransitionTimes transitionTimes = TransitionTimes.of(Duration.ofSeconds(3), Duration.ofSeconds(3));
    private String defaultRegion = DemoFleet.HANGZHOU;
    private int asyncRetries = 2;
    private Duration retryBackoff = Duration.ofSeconds(1);
    private Duration executionTimeLimit = Duration.ofSeconds(300);
    private ResponseUrlPolicy responseUrls = ResponseUrlPolicy.loopbackForLocalStack();
    private String signingSecret;
    private RealEcs realEcs;
    private final Map<Variable, String> overrides = new LinkedHashMap<>();

    private Builder() {}

    /** Replaces the demo fleet. */
    public Builder fleet(List<EcsInstance> instances) {
      this.fleet = List.copyOf(instances);
      return this;
    }

    public Builder transitionTimes(TransitionTimes times) {
      this.transitionTimes = Objects.requireNonNull(times, "times");
      return this;
    }

    /** {@code ECS_REGION}, and the FC emulator's region. */
    public Builder defaultRegion(String region) {
      this.defaultRegion = Objects.requireNonNull(region, "region");
      return this;
    }

    public Builder asyncRetries(int retries) {
      this.asyncRetries = retries;
      return this;
    }

    public Builder retryBackoff(Duration backoff) {
      this.retryBackoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /** The Execution function's time limit; its wait for the target state ends before it. */
    public Builder executionTimeLimit(Duration limit) {
      this.executionTimeLimit = Objects.requireNonNull(limit, "limit");
      return this;
    }

    /** Where both functions may post results; {@code --serve} with a real Slack app needs Slack's hosts. */
    public Builder responseUrls(ResponseUrlPolicy policy) {
      this.responseUrls = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The secret the Slack emulator signs with and the Front verifies with; random by default. */
    public Builder signingSecret(String secret) {
      this.signingSecret = Objects.requireNonNull(secret, "secret");
      return this;
    }

    /** Calls real ECS instead of starting the emulator. */
    public Builder realEcs(RealEcs target) {
      this.realEcs = Objects.requireNonNull(target, "target");
      return this;
    }

    /**
     * Sets an environment variable of the functions that read it (null unsets it), after the
     * stack's own values: e.g. {@code ALLOWED_USERS}, {@code ECS_INSTANCES}, {@code SLACK_CHANNEL}.
     */
    public Builder set(Variable variable, String value) {
      overrides.put(Objects.requireNonNull(variable, "variable"), value);
      return this;
    }

    public LocalStack start() {
      return new LocalStack(this);
    }
  }
}
