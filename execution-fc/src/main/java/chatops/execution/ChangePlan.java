package chatops.execution;

import chatops.ecs.EcsAction;
import chatops.ecs.InstanceState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a start, stop or reboot does to each instance, decided from one read of their states
 * before anything is changed. This is what makes a job safe to run twice: an instance that
 * already reached the target, or is on its way, is never asked to change again.
 *
 * <p>Reboot is the exception: its target (Running) is also where it starts, so the state cannot
 * tell a finished reboot from one never done. ECS's {@code StartTime} can ({@link LastStart}): a
 * Running instance that booted at or after the command was issued is not rebooted again, on any
 * delivery, since Function Compute may hand us the same job twice with a retry count of 0 (the
 * FC SDK resends a POST whose connection dropped). Only when {@code StartTime} cannot tell does the
 * retry count decide, as it did before ECS's time was read: a redelivered job does not reboot
 * again, a first delivery does. The report's words say which evidence decided.
 *
 * <p>{@code StartTime} cannot tell when absent, or when it falls in the very minute the command was
 * issued (ECS gives only the minute). Such a start is either this command's reboot done by an earlier
 * delivery (a reboot takes well under a minute), or a start just before the command. Skipping would
 * leave the second unrebooted on its first delivery; rebooting would reboot the first twice. Neither
 * guess is safe, so that minute keeps the old rule: no delivery does worse than before, and every
 * delivery outside that minute does better.
 */
final class ChangePlan {
  private final List<String> toChange;
  private final List<String> toWaitFor;
  private final Map<String, InstanceOutcome> settled;
  private final Map<String, InstanceInfo> found;

  private ChangePlan(List<String> toChange, List<String> toWaitFor, Map<String, InstanceOutcome> settled,
      Map<String, InstanceInfo> found) {
    this.toChange = List.copyOf(toChange);
    this.toWaitFor = List.copyOf(toWaitFor);
    this.settled = settled;
    this.found = found;
  }

  /**
   * @param current what one describe of {@code instanceIds} found; absent IDs are not found
   * @param issuedAt when the Front took the command: a reboot is owed only to instances not booted since
   * @param redelivered true when the platform is running this job again
   */
  static ChangePlan decide(EcsAction action, List<String> instanceIds, List<InstanceInfo> current,
      Instant issuedAt, boolean redelivered) {
    if (!action.changesState()) throw new IllegalArgumentException(action.word() + " changes nothing");
    Map<String, InstanceInfo> found = new HashMap<>();
    for (InstanceInfo info : current) found.put(info.id(), info);
    List<String> toChange = new ArrayList<>();
    List<String> toWaitFor = new ArrayList<>();
    Map<String, InstanceOutcome> settled = new LinkedHashMap<>();
    for (String id : instanceIds) {
      InstanceInfo info = found.get(id);
      if (info == null) {
        settled.put(id, InstanceOutcome.of(id, "", InstanceOutcome.Kind.NOT_FOUND, null, null));
        continue;
      }
      InstanceState state = InstanceState.fromApi(info.status());
      if (action == EcsAction.REBOOT && state == InstanceState.RUNNING) {
        Optional<String> rebooted = rebootedAlready(info, issuedAt, redelivered);
        if (rebooted.isPresent()) {
          settled.put(id, InstanceOutcome.of(id, info.name(), InstanceOutcome.Kind.NOT_REPEATED, info.status(),
              rebooted.get()));
        } else {
          toChange.add(id);
        }
      } else if (changes(action, state)) {
        toChange.add(id);
      } else if (waitsFor(action, state, redelivered)) {
        toWaitFor.add(id);
      } else {
        settled.put(id, settledOutcome(action, info, state));
      }
    }
    return new ChangePlan(toChange, toWaitFor, settled, found);
  }

  /** Instances to send the change call for. */
  List<String> toChange() {
    return toChange;
  }

  /** Instances already moving toward the target: watched, not changed again. */
  List<String> toWaitFor() {
    return toWaitFor;
  }

  /** The final word on instances neither changed nor waited for. */
  Optional<InstanceOutcome> settled(String instanceId) {
    return Optional.ofNullable(settled.get(instanceId));
  }

  /** What the describe said about an instance; empty when ECS does not know it. */
  Optional<InstanceInfo> info(String instanceId) {
    return Optional.ofNullable(found.get(instanceId));
  }

  String nameOf(String instanceId) {
    return info(instanceId).map(InstanceInfo::name).orElse("");
  }

  String statusOf(String instanceId) {
    return info(instanceId).map(InstanceInfo::status).orElse(null);
  }

  /** Start and stop; a Running instance's reboot is decided by {@link #rebootedAlready}. */
  private static boolean changes(EcsAction action, InstanceState state) {
    return action == EcsAction.START ? state == InstanceState.STOPPED
        : action == EcsAction.STOP && state == InstanceState.RUNNING;
  }

  /**
   * Why a Running instance is not rebooted again, in the words of its report line; empty when the
   * reboot is owed. See the class comment for the rule.
   */
  private static Optional<String> rebootedAlready(InstanceInfo info, Instant issuedAt, boolean redelivered) {
    LastStart.Order order = LastStart.relativeTo(info.startTime(), issuedAt);
    String askAgain = " — not rebooted again; run `/ecs reboot " + info.id() + "` if it still needs one";
    switch (order) {
      case AFTER_COMMAND:
        return Optional.of("rebooted at " + LastStart.clock(info.startTime().get())
            + " UTC, after the command was issued — not rebooted again");
      case BEFORE_COMMAND:
        return Optional.empty();
      case TOO_CLOSE_TO_TELL:
        Instant start = info.startTime().get();
        return redelivered
            ? Optional.of("last started at " + LastStart.clock(start) + " UTC, the same "
                + LastStart.precisionWord(start) + " the command was issued, and Function Compute delivered this job"
                + " again: most likely this job's own reboot" + askAgain)
            : Optional.empty();
      default:
        return redelivered
            ? Optional.of("Function Compute delivered this job again, and ECS gave no start time to tell a finished"
                + " reboot from none" + askAgain)
            : Optional.empty();
    }
  }

  /** Transitional toward the target; for a redelivered reboot, Stopping may be our own reboot under way. */
  private static boolean waitsFor(EcsAction action, InstanceState state, boolean redelivered) {
    switch (action) {
      case START:
        return state == InstanceState.STARTING || state == InstanceState.PENDING;
      case STOP:
        return state == InstanceState.STOPPING;
      default:
        return state == InstanceState.STARTING || state == InstanceState.PENDING
            || (redelivered && state == InstanceState.STOPPING);
    }
  }

  private static InstanceOutcome settledOutcome(EcsAction action, InstanceInfo info, InstanceState state) {
    String id = info.id();
    if (action != EcsAction.REBOOT && state == action.targetState()) {
      return InstanceOutcome.of(id, info.name(), InstanceOutcome.Kind.ALREADY, info.status(), null);
    }
    return InstanceOutcome.of(id, info.name(), InstanceOutcome.Kind.REFUSED, info.status(),
        refusal(action, info, state));
  }

  /** Says what state the instance must reach first, or which state the change needs. */
  private static String refusal(EcsAction action, InstanceInfo info, InstanceState state) {
    String is = "it is " + (info.status().isEmpty() ? "in an unknown state" : info.status());
    if (action == EcsAction.START && state == InstanceState.STOPPING) {
      return is + "; try again when it is Stopped";
    }
    if (action == EcsAction.STOP && (state == InstanceState.STARTING || state == InstanceState.PENDING)) {
      return is + "; try again when it is Running";
    }
    if (action == EcsAction.REBOOT && state == InstanceState.STOPPED) {
      return is + "; only a Running instance can be rebooted — use `/ecs start " + info.id() + "`";
    }
    String from = action == EcsAction.START ? "Stopped" : "Running";
    return is + "; only a " + from + " instance can be " + pastTense(action);
  }

  static String pastTense(EcsAction action) {
    switch (action) {
      case START:
        return "started";
      case STOP:
        return "stopped";
      default:
        return "rebooted";
    }
  }
}
