package chatops.execution;

import chatops.ecs.EcsAction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the worker learned running one job: a line per instance, what a {@code list} left
 * out, a problem that stopped the whole job, and ECS's request IDs for the audit line.
 */
public final class JobResult {
  private final EcsAction action;
  private final String region;
  private final boolean dryRun;
  private final List<InstanceOutcome> outcomes;
  private final int notShown;
  private final boolean notShownIsAtLeast;
  private final String problem;
  private final List<String> ecsRequestIds;

  private JobResult(EcsAction action, String region, boolean dryRun, List<InstanceOutcome> outcomes, int notShown,
      boolean notShownIsAtLeast, String problem, List<String> ecsRequestIds) {
    this.action = Objects.requireNonNull(action, "action");
    this.region = Objects.requireNonNull(region, "region");
    this.dryRun = dryRun;
    this.outcomes = List.copyOf(outcomes);
    this.notShown = notShown;
    this.notShownIsAtLeast = notShownIsAtLeast;
    this.problem = problem;
    this.ecsRequestIds = List.copyOf(ecsRequestIds);
  }

  static JobResult of(EcsAction action, String region, boolean dryRun, List<InstanceOutcome> outcomes,
      List<String> ecsRequestIds) {
    return new JobResult(action, region, dryRun, outcomes, 0, false, null, ecsRequestIds);
  }

  /** A {@code list} cut to what a message can show; {@code notShown} more exist (or at least that many). */
  static JobResult listing(String region, List<InstanceOutcome> shown, int notShown, boolean atLeast,
      List<String> ecsRequestIds) {
    return new JobResult(EcsAction.LIST, region, false, shown, notShown, atLeast, null, ecsRequestIds);
  }

  /** The whole job failed before any instance could be judged (e.g. {@code list} refused by ECS). */
  static JobResult failed(EcsAction action, String region, String problem, List<InstanceOutcome> outcomes,
      List<String> ecsRequestIds) {
    return new JobResult(action, region, false, outcomes, 0, false, Objects.requireNonNull(problem, "problem"),
        ecsRequestIds);
  }

  public EcsAction action() {
    return action;
  }

  /** The region the job ran in: the job's own, or the function's default. */
  public String region() {
    return region;
  }

  public boolean dryRun() {
    return dryRun;
  }

  /** One per instance, in the order the job named them (ECS's order for {@code list}). */
  public List<InstanceOutcome> outcomes() {
    return outcomes;
  }

  /** Instances a {@code list} found but did not show. */
  public int notShown() {
    return notShown;
  }

  /** True when {@link #notShown()} is a lower bound because paging stopped early. */
  public boolean notShownIsAtLeast() {
    return notShownIsAtLeast;
  }

  /** Why the job as a whole could not be done, in plain words; empty when it ran. */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /** Every ECS {@code RequestId} seen, failed calls' included, in call order. */
  public List<String> ecsRequestIds() {
    return ecsRequestIds;
  }

  @Override
  public String toString() {
    return "JobResult{" + action.word() + " " + region + (dryRun ? " dry-run" : "") + ", " + outcomes
        + (notShown > 0 ? ", " + notShown + " more" : "") + (problem == null ? "" : ", problem=" + problem) + "}";
  }
}
