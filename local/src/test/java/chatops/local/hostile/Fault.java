package chatops.local.hostile;

import chatops.local.LocalStack;
import chatops.local.ecs.EcsFaults;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One fault armed in the emulators before a round of commands, and how many extra times FC
 * delivers each job the Front queued. Faults are cleared after the round.
 */
final class Fault {
  private final String name;
  private final Consumer<LocalStack> arm;
  private final int extraDeliveries;

  private Fault(String name, Consumer<LocalStack> arm, int extraDeliveries) {
    this.name = name;
    this.arm = arm;
    this.extraDeliveries = extraDeliveries;
  }

  static Stream<Fault> all() {
    return Stream.of(
        new Fault("none", local -> { }, 0),
        new Fault("ECS throttles 8 calls in a row", local -> local.ecs().faults().throttleNext(8), 0),
        new Fault("ECS answers 500 InternalError x3", local -> local.ecs().faults().internalErrorNext(3), 0),
        new Fault("ECS answers 503 ServiceUnavailable x3", local -> local.ecs().faults().serviceUnavailableNext(3), 0),
        new Fault("ECS drops 3 connections before serving",
            local -> local.ecs().faults().dropNext(3, EcsFaults.Drop.BEFORE_SERVING), 0),
        new Fault("ECS drops 3 connections after serving",
            local -> local.ecs().faults().dropNext(3, EcsFaults.Drop.AFTER_SERVING), 0),
        new Fault("ECS answers past the 10 s read timeout", Fault::slowEcsForASecond, 0),
        new Fault("FC invoke answers 500 x2", local -> local.fc().failNextInvokes(2), 0),
        new Fault("FC invoke hangs", local -> local.fc().stallInvokesUntilReset(), 0),
        new Fault("FC invoke takes 1 s", local -> local.fc().stallInvokes(Duration.ofSeconds(1)), 0),
        new Fault("response_url answers 500 x2", local -> local.slack().failNextPosts(2), 0),
        new Fault("response_url answers 500 to every first run", local -> local.slack().failNextPosts(9), 0),
        new Fault("response_url times out once", local -> local.slack().stallNextPosts(1, Duration.ofSeconds(7)), 0),
        new Fault("FC delivers each job twice", local -> { }, 1),
        new Fault("FC delivers each job three times", local -> { }, 2));
  }

  /** Answers arriving in the next second wait 10.5 s, past the gateway's read timeout; later ones do not. */
  private static void slowEcsForASecond(LocalStack local) {
    local.ecs().faults().latency(Duration.ofMillis(10_500));
    CompletableFuture.runAsync(() -> local.ecs().faults().latency(Duration.ZERO),
        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
  }

  void arm(LocalStack local) {
    arm.accept(local);
  }

  int extraDeliveries() {
    return extraDeliveries;
  }

  static void clear(LocalStack local) {
    local.fc().resetFaults();
    local.slack().resetFaults();
    local.ecs().faults().clear();
  }

  @Override
  public String toString() {
    return name;
  }
}
