package chatops.execution;

import chatops.ecs.EcsAction;
import chatops.ecs.InstanceState;
import chatops.execution.InstanceOutcome.Kind;
import chatops.execution.InstanceWaiter.Sighting;
import chatops.execution.InstanceWaiter.Watch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Start, stop or reboot: read the states (one describe per 100), change only the instances that
 * need it (one batch call per 100), then watch the changed and the already-moving ones together.
 * A dry run asks ECS whether the change would pass and waits for nothing.
 */
final class StateChange {
  private final Clock clock;
  private final InstanceWaiter waiter;

  StateChange(Clock clock, InstanceWaiter waiter) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.waiter = Objects.requireNonNull(waiter, "waiter");
  }

  /**
   * @param issuedAt when the command was issued: a reboot skips instances that booted since
   * @param redelivered true when the platform runs this job again (its retry count is above 0)
   */
  JobResult run(EcsCalls ecs, EcsAction action, String region, List<String> instanceIds, boolean force,
      boolean dryRun, Instant issuedAt, boolean redelivered) {
    Instant started = clock.instant();
    List<InstanceInfo> current;
    try {
      current = ecs.describe(region, instanceIds);
    } catch (EcsException e) {
      String why = EcsFailures.explain(e);
      List<InstanceOutcome> unread = new ArrayList<>();
      // The problem is said once for the job; the lines only name what was not changed.
      for (String id : instanceIds) unread.add(InstanceOutcome.of(id, "", Kind.FAILED, null, null));
      return JobResult.failed(action, region, "Could not read the instances' states: " + why, unread,
          ecs.requestIds());
    }
    ChangePlan plan = ChangePlan.decide(action, instanceIds, current, issuedAt, redelivered);
    Map<String, InstanceOutcome> outcomes = dryRun
        ? dryRun(ecs, action, region, plan, force)
        : changeAndWait(ecs, action, region, plan, force, started);
    List<InstanceOutcome> ordered = new ArrayList<>();
    for (String id : instanceIds) ordered.add(plan.settled(id).orElseGet(() -> outcomes.get(id)));
    return JobResult.of(action, region, dryRun, ordered, ecs.requestIds());
  }

  static ChangeKind kindOf(EcsAction action) {
    switch (action) {
      case START:
        return ChangeKind.START;
      case STOP:
        return ChangeKind.STOP;
      case REBOOT:
        return ChangeKind.REBOOT;
      default:
        throw new IllegalArgumentException(action.word() + " changes nothing");
    }
  }

  private Map<String, InstanceOutcome> dryRun(EcsCalls ecs, EcsAction action, String region, ChangePlan plan,
      boolean force) {
    Map<String, InstanceOutcome> outcomes = new HashMap<>();
    for (String id : plan.toWaitFor()) {
      outcomes.put(id, InstanceOutcome.of(id, plan.nameOf(id), Kind.ALREADY, plan.statusOf(id), null));
    }
    for (List<String> batch : EcsCalls.batches(plan.toChange())) {
      try {
        ChangeResult result = ecs.change(kindOf(action), region, batch, force, true);
        for (String id : batch) {
          Optional<InstanceChange> change = result.changeFor(id);
          boolean passes = change.isPresent() && change.get().accepted();
          String why = change.map(c -> EcsFailures.explain(c, kindOf(action))).orElse("ECS said nothing about it");
          outcomes.put(id, InstanceOutcome.of(id, plan.nameOf(id), passes ? Kind.WOULD_SUCCEED : Kind.WOULD_FAIL,
              plan.statusOf(id), passes ? null : why));
        }
      } catch (EcsException e) {
        for (String id : batch) {
          outcomes.put(id, InstanceOutcome.of(id, plan.nameOf(id), Kind.WOULD_FAIL, plan.statusOf(id),
              EcsFailures.explain(e)));
        }
      }
    }
    return outcomes;
  }

  private Map<String, InstanceOutcome> changeAndWait(EcsCalls ecs, EcsAction action, String region, ChangePlan plan,
      boolean force, Instant started) {
    Map<String, InstanceOutcome> outcomes = new HashMap<>();
    List<Watch> watches = new ArrayList<>();
    Set<String> changed = new HashSet<>();
    for (List<String> batch : EcsCalls.batches(plan.toChange())) {
      ChangeResult result;
      try {
        result = ecs.change(kindOf(action), region, batch, force, false);
      } catch (EcsException e) {
        Kind kind = e.code().equals(EcsException.INCORRECT_INSTANCE_STATUS) ? Kind.REFUSED : Kind.FAILED;
        for (String id : batch) {
          outcomes.put(id, InstanceOutcome.of(id, plan.nameOf(id), kind, plan.statusOf(id),
              EcsFailures.explainChange(e, id)));
        }
        continue;
      }
      for (String id : batch) {
        Optional<InstanceChange> change = result.changeFor(id);
        if (change.isEmpty() || change.get().accepted()) {
          // ECS may leave an instance out of its answer; watching it tells what really happened.
          String lastKnown = change.flatMap(InstanceChange::currentStatus).orElse(plan.statusOf(id));
          watches.add(watchAfterChange(action, id, lastKnown));
          changed.add(id);
        } else {
          outcomes.put(id, refusedChange(action, plan, change.get()));
        }
      }
    }
    for (String id : plan.toWaitFor()) {
      watches.add(action == EcsAction.REBOOT
          ? Watch.restart(id, plan.statusOf(id), true)
          : Watch.untilState(id, action.targetState(), plan.statusOf(id)));
    }
    Map<String, Sighting> sightings = waiter.waitFor(ecs, region, watches);
    for (Map.Entry<String, Sighting> entry : sightings.entrySet()) {
      String id = entry.getKey();
      outcomes.put(id, watched(action, plan, id, changed.contains(id), entry.getValue(), started));
    }
    return outcomes;
  }

  private static Watch watchAfterChange(EcsAction action, String id, String lastKnown) {
    if (action != EcsAction.REBOOT) return Watch.untilState(id, action.targetState(), lastKnown);
    boolean seenLeaving = lastKnown != null && InstanceState.fromApi(lastKnown) != InstanceState.RUNNING;
    return Watch.restart(id, lastKnown, seenLeaving);
  }

  private static InstanceOutcome refusedChange(EcsAction action, ChangePlan plan, InstanceChange change) {
    String id = change.instanceId();
    if (change.code().equals(EcsException.INSTANCE_NOT_FOUND)) {
      return InstanceOutcome.of(id, plan.nameOf(id), Kind.NOT_FOUND, plan.statusOf(id), "it disappeared before the "
          + action.word());
    }
    Kind kind = change.code().equals(EcsException.INCORRECT_INSTANCE_STATUS) ? Kind.REFUSED : Kind.FAILED;
    return InstanceOutcome.of(id, plan.nameOf(id), kind, plan.statusOf(id),
        EcsFailures.explain(change, kindOf(action)));
  }

  private static InstanceOutcome watched(EcsAction action, ChangePlan plan, String id, boolean changed,
      Sighting sighting, Instant started) {
    long seconds = Math.max(0, (Duration.between(started, sighting.at).toMillis() + 500) / 1000);
    String before = plan.statusOf(id);
    String name = plan.nameOf(id);
    switch (sighting.ending) {
      case REACHED:
        return InstanceOutcome.timed(id, name, changed ? Kind.CHANGED : Kind.REACHED, before, sighting.status,
            seconds, null);
      case ENDED_ELSEWHERE:
        return InstanceOutcome.timed(id, name, Kind.ENDED_ELSEWHERE, before, sighting.status, seconds, null);
      case GONE:
        return InstanceOutcome.timed(id, name, Kind.NOT_FOUND, before, null, seconds,
            "it disappeared while being watched");
      default:
        String detail = sighting.problem;
        if (detail == null && changed && action == EcsAction.REBOOT
            && InstanceState.fromApi(sighting.status) == InstanceState.RUNNING) {
          detail = "ECS accepted the reboot but it was not yet seen restarting";
        }
        return InstanceOutcome.timed(id, name, Kind.STILL_MOVING, before, sighting.status, seconds, detail);
    }
  }
}
