package chatops.local.hostile;

import chatops.config.ResponseUrlPolicy;
import chatops.front.FrontHandler;
import chatops.local.ecs.EcsEmulator;
import chatops.local.fc.FcEmulator;
import chatops.local.fc.FcFunction;
import chatops.local.slack.SlackEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Front as Slack reaches it: Slack emulator, FC emulator's HTTP trigger, the real
 * {@link FrontHandler}, an Execution function that only counts what reaches it, and an ECS emulator
 * nobody should call. Hostile requests must be stopped at the Front, so counting is all the rest has
 * to do.
 */
final class HostileStack implements AutoCloseable {
  static final String SERVICE = "chatops";
  static final String FRONT = "front";
  static final String EXECUTION = "execution";

  /** How the Front proves a request is Slack's. */
  enum Auth { SIGNATURE, LEGACY_TOKEN }

  private final SlackEmulator slack;
  private final FcEmulator fc;
  private final EcsEmulator ecs;
  private final AtomicInteger executions = new AtomicInteger();

  private HostileStack(Auth auth, Map<String, String> policy) {
    slack = SlackEmulator.builder().start();
    fc = FcEmulator.builder().start();
    try {
      ecs = EcsEmulator.start();
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    }
    Map<String, String> env = new LinkedHashMap<>(policy);
    if (auth == Auth.SIGNATURE) env.put("SLACK_SIGNING_SECRET", slack.signingSecret());
    else env.put("SLACK_TOKEN", slack.verificationToken());
    env.put("FUNCTION_COMPUTE_ENDPOINT", fc.endpoint());
    env.put("FC_ACCOUNT_ID", fc.accountId());
    env.put("FC_REGION", fc.region());
    env.put("INVOKE_FC", EXECUTION);
    FrontHandler front = new FrontHandler(env, ResponseUrlPolicy.loopbackForLocalStack());
    fc.deploy(FcFunction.http(SERVICE, FRONT, front).initializer(front).build());
    fc.deploy(FcFunction.event(SERVICE, EXECUTION, (in, out, context) -> executions.incrementAndGet()).build());
  }

  /** Team T0001, channel C0001, user U0001 may change instances, reboot disabled, at most 5 instances. */
  static Map<String, String> restrictivePolicy() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SLACK_TEAM", "T0001");
    env.put("SLACK_CHANNEL", "C0001");
    env.put("ALLOWED_USERS", "U0001");
    env.put("ECS_CMD_CODE", "start,stop,status,list");
    env.put("ECS_INSTANCES", Instances.ALLOWED);
    env.put("ECS_MAX_INSTANCES", "5");
    return env;
  }

  static HostileStack start(Auth auth) {
    return new HostileStack(auth, restrictivePolicy());
  }

  SlackEmulator slack() {
    return slack;
  }

  String frontUrl() {
    return fc.httpTriggerUrl(SERVICE, FRONT);
  }

  /** Runs of the Execution function's handler, retries included. */
  int executionRuns() {
    return executions.get();
  }

  /** Invocations FC accepted for the Execution function, whether or not they ran yet. */
  int executionInvocations() {
    return fc.invocationCount(SERVICE, EXECUTION);
  }

  /** ECS requests that reached an action plus those refused at its gateway: anything that got there. */
  int ecsRequests() {
    return ecs.totalCalls() + ecs.totalRejections();
  }

  void clearHistory() {
    fc.clearHistory();
    ecs.resetCounts();
    slack.clearHistory();
    executions.set(0);
  }

  @Override
  public void close() {
    if (ecs != null) {
      try {
        ecs.close();
      } catch (IOException ignored) {
        // The port is released when the JVM ends; nothing else depends on it.
      }
    }
    fc.close();
    slack.close();
  }
}
