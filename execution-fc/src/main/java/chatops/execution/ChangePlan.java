package chatops.execution;

import chatops.ecs.EcsAction;
import chatops.ecs.InstanceState;
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
 * <p>Reboot is the exception: its target (Running) is also where it starts, so a finished
 * reboot cannot be told from one never done. A job the platform delivers again therefore does
 * not reboot a Running instance a second time; it says so, and the user may ask again.
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
   * @param redelivered true when the platform is running this job again
   */
  static ChangePlan decide(EcsAction action, List<String> instanceIds, List<InstanceInfo> current,
      boolean redelivered) {
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
      if (changes(action, state, redelivered)) {
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

  private static boolean changes(EcsAction action, InstanceState state, boolean redelivered) {
    switch (action) {
      case START:
        return state == InstanceState.STOPPED;
      case STOP:
        return state == InstanceState.RUNNING;
      default:
        return state == InstanceState.RUNNING && !redelivered;
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
    if (action == EcsAction.REBOOT && state == InstanceState.RUNNING) {
      return InstanceOutcome.of(id, info.name(), InstanceOutcome.Kind.NOT_REPEATED, info.status(),
          "Function Compute delivered this job again, and a finished reboot looks just like none, so it was not"
              + " rebooted twice — run `/ecs reboot " + id + "` if it still needs one");
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
