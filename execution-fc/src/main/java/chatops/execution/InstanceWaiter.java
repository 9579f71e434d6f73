package chatops.execution;

import chatops.ecs.InstanceState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Watches instances until each reaches its target state or the job's deadline passes. Every poll
 * is one batched status call for all instances still moving (one per 100), never one per
 * instance: 50 instances cost what one does. Polls start 1 s apart and back off to 5 s, since
 * starts and stops take tens of seconds and ECS throttles by call rate.
 */
final class InstanceWaiter {
  static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_DELAY = Duration.ofSeconds(5);

  /** How a watch ended. */
  enum Ending {
    REACHED,
    /** Moved, then came to rest in a state that is not the target (e.g. a start that fell back to Stopped). */
    ENDED_ELSEWHERE,
    /** ECS no longer knows the instance (released while we watched). */
    GONE,
    STILL_MOVING
  }

  /** One instance to watch. */
  static final class Watch {
    final String instanceId;
    final InstanceState target;
    final String lastKnown;
    final boolean mustLeaveTarget;
    final boolean restsOnlyAtTarget;

    private Watch(String instanceId, InstanceState target, String lastKnown, boolean mustLeaveTarget,
        boolean restsOnlyAtTarget) {
      this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
      this.target = Objects.requireNonNull(target, "target");
      this.lastKnown = lastKnown;
      this.mustLeaveTarget = mustLeaveTarget;
      this.restsOnlyAtTarget = restsOnlyAtTarget;
    }

    /** A start or stop: done when the target state is seen. */
    static Watch untilState(String instanceId, InstanceState target, String lastKnown) {
      return new Watch(instanceId, target, lastKnown, false, false);
    }

    /**
     * A reboot: Running is both where it starts and where it ends, so Running counts only after
     * some other state was seen; and no other state is final, as a reboot passes through several.
     */
    static Watch restart(String instanceId, String lastKnown, boolean alreadyLeft) {
      return new Watch(instanceId, InstanceState.RUNNING, lastKnown, !alreadyLeft, true);
    }
  }

  /** Where a watched instance was last seen, and when. */
  static final class Sighting {
    final Ending ending;
    final String status;
    final Instant at;
    final String problem;

    Sighting(Ending ending, String status, Instant at, String problem) {
      this.ending = ending;
      this.status = status;
      this.at = at;
      this.problem = problem;
    }
  }

  private final Clock clock;
  private final Sleeper sleeper;

  InstanceWaiter(Clock clock, Sleeper sleeper) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** Polls until every watch has ended or the next poll would start after {@code ecs.deadline()}. */
  Map<String, Sighting> waitFor(EcsCalls ecs, String region, List<Watch> watches) {
    Map<String, Tracked> moving = new LinkedHashMap<>();
    for (Watch watch : watches) moving.put(watch.instanceId, new Tracked(watch));
    Map<String, Sighting> ended = new LinkedHashMap<>();
    String problem = null;
    Duration delay = FIRST_DELAY;
    while (!moving.isEmpty() && !clock.instant().plus(delay).isAfter(ecs.deadline()) && slept(delay)) {
      delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
      Map<String, String> statuses;
      try {
        statuses = ecs.statuses(region, new ArrayList<>(moving.keySet()));
      } catch (EcsException e) {
        problem = "the last check failed: " + EcsFailures.explain(e);
        if (e.retryable()) continue;
        break;
      }
      problem = null;
      Instant now = clock.instant();
      for (Tracked tracked : new ArrayList<>(moving.values())) {
        Ending ending = tracked.see(statuses.get(tracked.watch.instanceId));
        if (ending != null) {
          moving.remove(tracked.watch.instanceId);
          ended.put(tracked.watch.instanceId, new Sighting(ending, tracked.status, now, null));
        }
      }
    }
    Instant now = clock.instant();
    Map<String, Sighting> all = new LinkedHashMap<>();
    for (Watch watch : watches) {
      Sighting sighting = ended.get(watch.instanceId);
      if (sighting == null) {
        sighting = new Sighting(Ending.STILL_MOVING, moving.get(watch.instanceId).status, now, problem);
      }
      all.put(watch.instanceId, sighting);
    }
    return all;
  }

  private boolean slept(Duration delay) {
    try {
      sleeper.sleep(delay);
      return true;
    } catch (InterruptedException e) {
      // The platform is stopping the function: report what is known instead of waiting on.
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A watch's progress across polls. */
  private static final class Tracked {
    final Watch watch;
    String status;
    boolean left;
    boolean moved;

    Tracked(Watch watch) {
      this.watch = watch;
      this.status = watch.lastKnown;
      InstanceState known = InstanceState.fromApi(watch.lastKnown);
      this.left = !watch.mustLeaveTarget;
      this.moved = known.isTransitional();
    }

    /** Notes one poll's answer; returns how the watch ended, or null while it goes on. */
    Ending see(String newStatus) {
      if (newStatus == null) return Ending.GONE;
      status = newStatus;
      InstanceState state = InstanceState.fromApi(newStatus);
      if (state != watch.target) left = true;
      if (state.isTransitional()) moved = true;
      if (state == watch.target && left) return Ending.REACHED;
      if (moved && !state.isTransitional() && state != watch.target && !watch.restsOnlyAtTarget) {
        return Ending.ENDED_ELSEWHERE;
      }
      return null;
    }
  }
}
