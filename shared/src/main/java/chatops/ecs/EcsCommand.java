package chatops.ecs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One valid {@code /ecs} command: what to do, to which instances, where. Every instance of this
 * class is internally consistent, so code holding one (the policy, the job, the ECS gateway) need
 * not re-check the grammar's rules.
 */
public final class EcsCommand {
  private final EcsAction action;
  private final List<String> instanceIds;
  private final String region;
  private final boolean force;
  private final boolean dryRun;

  private EcsCommand(EcsAction action, List<String> instanceIds, String region, boolean force, boolean dryRun) {
    this.action = action;
    this.instanceIds = instanceIds;
    this.region = region;
    this.force = force;
    this.dryRun = dryRun;
  }

  /**
   * A command; repeated instance IDs collapse, keeping the first occurrence's place.
   *
   * @param region null for the Execution function's default region
   * @throws IllegalArgumentException if the parts do not make a command; the message names the
   *     broken rule and never echoes a value, so it may be logged
   */
  public static EcsCommand of(
      EcsAction action, List<String> instanceIds, String region, boolean force, boolean dryRun) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(instanceIds, "instanceIds");
    Set<String> distinct = new LinkedHashSet<>();
    for (int i = 0; i < instanceIds.size(); i++) {
      String id = instanceIds.get(i);
      if (!InstanceIds.isValid(id)) {
        throw new IllegalArgumentException("instanceIds[" + i + "] is not a valid instance ID");
      }
      distinct.add(id);
    }
    if (action.takesInstances() && distinct.isEmpty()) {
      throw new IllegalArgumentException(action.word() + " needs at least one instance ID");
    }
    if (!action.takesInstances() && !distinct.isEmpty()) {
      throw new IllegalArgumentException(action.word() + " takes no instance IDs");
    }
    if (distinct.size() > InstanceIds.MAX_PER_COMMAND) {
      throw new IllegalArgumentException("more than " + InstanceIds.MAX_PER_COMMAND + " instance IDs");
    }
    if (region != null && !Regions.isValid(region)) {
      throw new IllegalArgumentException("region is not a valid region ID");
    }
    if (force && !action.allowsForce()) {
      throw new IllegalArgumentException("force does not apply to " + action.word());
    }
    if (dryRun && !action.allowsDryRun()) {
      throw new IllegalArgumentException("dryRun does not apply to " + action.word());
    }
    return new EcsCommand(action, List.copyOf(distinct), region, force, dryRun);
  }

  public EcsAction action() {
    return action;
  }

  /** Distinct, in the order first given; empty only for {@code list}. */
  public List<String> instanceIds() {
    return instanceIds;
  }

  /** Empty when the command names no region: the Execution function's {@code ECS_REGION} applies. */
  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  public boolean force() {
    return force;
  }

  public boolean dryRun() {
    return dryRun;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EcsCommand)) return false;
    EcsCommand that = (EcsCommand) o;
    return action == that.action && instanceIds.equals(that.instanceIds)
        && Objects.equals(region, that.region) && force == that.force && dryRun == that.dryRun;
  }

  @Override
  public int hashCode() {
    return Objects.hash(action, instanceIds, region, force, dryRun);
  }

  /** The command as it could be typed, e.g. {@code stop i-abc cn-hangzhou --force}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(action.word());
    for (String id : instanceIds) text.append(' ').append(id);
    if (region != null) text.append(' ').append(region);
    if (force) text.append(" --force");
    if (dryRun) text.append(" --dry-run");
    return text.toString();
  }
}
