package chatops.local.hostile;

import chatops.config.Variable;
import chatops.local.LocalStack;
import chatops.local.ecs.EcsInstance;
import chatops.local.ecs.InstanceStatus;
import chatops.local.ecs.TransitionTimes;
import chatops.local.slack.SlashCommandRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link LocalStack} set up the way the hostile tests attack it: team T0001, channel C0001,
 * changes by U0001 only, no reboot, at most 5 of the instances in {@link Instances#ALLOWED} (all
 * seeded, half running), quick transitions and FC retries. Verified by signature, or by the
 * legacy token alone.
 */
final class HostileStack implements AutoCloseable {
  /** How the Front proves a request is Slack's. */
  enum Auth { SIGNATURE, LEGACY_TOKEN }

  /** The token-only Front's SLACK_TOKEN; the Slack emulator's own token is random and not configurable. */
  static final String LEGACY_TOKEN = "legacy-0f3c9a7e5b1d2468ace0";
  static final Map<Variable, String> POLICY = policy();

  private final LocalStack local;
  private final Auth auth;

  private HostileStack(LocalStack local, Auth auth) {
    this.local = local;
    this.auth = auth;
  }

  static HostileStack start(Auth auth) {
    LocalStack.Builder builder = builder();
    if (auth == Auth.LEGACY_TOKEN) {
      builder.set(Variable.SLACK_SIGNING_SECRET, null).set(Variable.SLACK_TOKEN, LEGACY_TOKEN);
    }
    return new HostileStack(builder.start(), auth);
  }

  /** The hostile policy, seeded fleet, short transitions and quick retries; callers may add to it. */
  static LocalStack.Builder builder() {
    LocalStack.Builder builder = LocalStack.builder()
        .fleet(fleet())
        .transitionTimes(TransitionTimes.of(Duration.ofMillis(300), Duration.ofMillis(300)))
        .retryBackoff(Duration.ofMillis(100))
        .executionTimeLimit(Duration.ofSeconds(40));
    POLICY.forEach(builder::set);
    return builder;
  }

  private static Map<Variable, String> policy() {
    Map<Variable, String> policy = new LinkedHashMap<>();
    policy.put(Variable.SLACK_TEAM, LocalStack.TEAM_ID);
    policy.put(Variable.SLACK_CHANNEL, LocalStack.CHANNEL_ID);
    policy.put(Variable.ALLOWED_USERS, "U0001");
    policy.put(Variable.ECS_CMD_CODE, "start,stop,status,list");
    policy.put(Variable.ECS_INSTANCES, Instances.ALLOWED);
    policy.put(Variable.ECS_MAX_INSTANCES, "5");
    return Map.copyOf(policy);
  }

  private static List<EcsInstance> fleet() {
    List<EcsInstance> fleet = new ArrayList<>();
    String[] ids = Instances.ALLOWED.split(",");
    for (int i = 0; i < ids.length; i++) {
      fleet.add(EcsInstance.builder(ids[i], "cn-hangzhou").name("hostile-" + i)
          .status(i % 2 == 0 ? InstanceStatus.RUNNING : InstanceStatus.STOPPED).build());
    }
    return fleet;
  }

  LocalStack local() {
    return local;
  }

  /** A request as Slack would send it to this Front: with the token it is configured with. */
  SlashCommandRequest genuine(SlashCommandRequest request) {
    return auth == Auth.LEGACY_TOKEN ? request.withField("token", LEGACY_TOKEN) : request;
  }

  String token() {
    return auth == Auth.LEGACY_TOKEN ? LEGACY_TOKEN : local.slack().verificationToken();
  }

  String frontUrl() {
    return local.frontUrl();
  }

  /** Invocations FC accepted for the Execution function, whether or not they ran yet. */
  int executionInvocations() {
    return local.fc().invocationCount(LocalStack.EXECUTION_SERVICE, LocalStack.EXECUTION_FUNCTION);
  }

  /** ECS requests that reached an action plus those refused at its gateway: anything that got there. */
  int ecsRequests() {
    return local.ecs().totalCalls() + local.ecs().totalRejections();
  }

  /** Lets jobs already queued finish, then forgets what every emulator saw. */
  void clearHistory() {
    try {
      if (!local.fc().awaitIdle(Duration.ofSeconds(30))) throw new AssertionError("jobs still running after 30 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    local.fc().clearHistory();
    local.ecs().resetCounts();
    local.slack().clearHistory();
  }

  @Override
  public void close() {
    local.close();
  }
}
