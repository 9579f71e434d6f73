package chatops.local.e2e;

import chatops.local.LocalStack;
import chatops.local.ecs.EcsEmulator;
import chatops.local.ecs.EcsInstance;
import chatops.local.ecs.InstanceStatus;
import chatops.local.ecs.TransitionTimes;
import chatops.local.fc.FcEmulator;
import chatops.local.fc.Invocation;
import chatops.local.slack.SlashCommandRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running {@link LocalStack} as the tests use it: each test seeds instances of its own (fresh
 * IDs, so tests never share an instance), sends commands as Slack would, and reads what ECS and FC
 * saw. Counters are per stack, so a class's tests run one after another and {@link #quiesce} in
 * between.
 */
final class Stack implements AutoCloseable {
  static final String REGION = "cn-hangzhou";
  /** Short, so round trips are quick, yet long enough to be seen transitioning. */
  static final Duration TRANSITION = Duration.ofMillis(400);
  static final List<String> CHANGE_ACTIONS = List.of("StartInstances", "StopInstances", "RebootInstances");
  private static final AtomicInteger NEXT_ID = new AtomicInteger();

  private final LocalStack local;

  private Stack(LocalStack local) {
    this.local = local;
  }

  /** The test defaults: short transitions, quick FC retries, no demo fleet. */
  static LocalStack.Builder builder() {
    return LocalStack.builder()
        .fleet(List.of())
        .transitionTimes(TransitionTimes.of(TRANSITION, TRANSITION))
        .retryBackoff(Duration.ofMillis(100))
        .executionTimeLimit(Duration.ofSeconds(40));
  }

  static Stack start(LocalStack.Builder builder) {
    return new Stack(builder.start());
  }

  static Stack start() {
    return start(builder());
  }

  LocalStack local() {
    return local;
  }

  EcsEmulator ecs() {
    return local.ecs();
  }

  FcEmulator fc() {
    return local.fc();
  }

  /** A new instance in the default region, in this state; returns its ID. */
  String seed(InstanceStatus status) {
    String id = "i-e2e" + NEXT_ID.incrementAndGet();
    ecs().seed(EcsInstance.builder(id, REGION).name("e2e-" + id.substring(2)).status(status).build());
    return id;
  }

  InstanceStatus status(String instanceId) {
    return ecs().instance(instanceId).orElseThrow().status();
  }

  /** {@code /ecs <text>} from the default user (U0001) in the allowed channel. */
  Exchange send(String text) {
    return send(local.command(text).build());
  }

  Exchange send(SlashCommandRequest request) {
    return new Exchange(local.slack(), request, local.send(request));
  }

  SlashCommandRequest.Builder command(String text) {
    return local.command(text);
  }

  /** State-changing ECS requests that reached the API. */
  int changeCalls() {
    return CHANGE_ACTIONS.stream().mapToInt(ecs()::calls).sum();
  }

  /** Every request that reached the ECS emulator: served by an action or refused before one. */
  int ecsRequests() {
    return ecs().totalCalls() + ecs().totalRejections();
  }

  List<Invocation> executions() {
    return fc().invocations(LocalStack.EXECUTION_SERVICE, LocalStack.EXECUTION_FUNCTION);
  }

  /** Waits until every queued job has run its last attempt, so counts below include late work. */
  void awaitJobsDone() throws InterruptedException {
    if (!fc().awaitIdle(Duration.ofSeconds(60))) throw new AssertionError("async jobs still running after 60 s");
  }

  /** Lets earlier work finish and forgets it: no fault armed, no count carried over. */
  void quiesce() throws InterruptedException {
    fc().resetFaults();
    local.slack().resetFaults();
    ecs().faults().clear();
    awaitJobsDone();
    fc().clearHistory();
    ecs().resetCounts();
  }

  @Override
  public void close() {
    local.close();
  }
}
