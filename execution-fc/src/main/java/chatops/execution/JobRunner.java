package chatops.execution;

import chatops.config.ExecutionSettings;
import chatops.ecs.EcsAction;
import chatops.job.Job;
import chatops.policy.AccessPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The worker: runs one validated job against ECS and says what became of each instance. It
 * neither posts nor logs; the handler does both with what this returns. Thread-safe: all
 * per-job state lives in the {@link EcsCalls} made for each run.
 */
public final class JobRunner {
  /** Lines a {@code list} shows; more would bury the channel, and the rest are counted. */
  static final int LIST_SHOWN = 50;
  static final int LIST_PAGE_SIZE = EcsGateway.MAX_IDS;
  /**
   * Pages read at most when {@code ECS_INSTANCES} filters the list (2000 instances): counting
   * what is not shown should not cost a region-sized walk with a user waiting.
   */
  static final int LIST_MAX_PAGES = 20;

  private final EcsGateway gateway;
  private final Retrier retrier;
  private final String defaultRegion;
  private final AccessPolicy policy;
  private final boolean listFiltered;
  private final StateChange stateChange;

  /**
   * @param retrier shares the clock and sleeper given here, so tests drive all waiting with one fake clock
   * @param settings the default region, and {@code ECS_INSTANCES}, which limits what {@code list} shows
   */
  public JobRunner(EcsGateway gateway, Retrier retrier, Clock clock, Sleeper sleeper, ExecutionSettings settings) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.retrier = Objects.requireNonNull(retrier, "retrier");
    this.defaultRegion = settings.defaultRegion();
    this.policy = AccessPolicy.from(settings);
    this.listFiltered = !settings.allowedInstances().isEmpty();
    this.stateChange = new StateChange(clock, new InstanceWaiter(clock, sleeper));
  }

  /**
   * Runs the job. ECS failures become lines of the result, never exceptions: the user is told.
   *
   * @param deadline no retry wait or poll starts after it
   * @param redelivered true when the platform delivers this job again (its retry count is above 0); for a
   *     reboot it decides only what ECS's start times cannot (see {@link ChangePlan})
   */
  public JobResult run(Job job, Instant deadline, boolean redelivered) {
    String region = regionOf(job);
    EcsCalls ecs = new EcsCalls(gateway, retrier, deadline);
    switch (job.action()) {
      case STATUS:
        return status(ecs, region, job.instanceIds());
      case LIST:
        return list(ecs, region);
      default:
        return stateChange.run(ecs, job.action(), region, job.instanceIds(), job.force(), job.dryRun(),
            job.issuedAt(), redelivered);
    }
  }

  /**
   * A change of any number of instances; {@link Job} caps a command at 100, so only tests reach
   * past that, to prove the batching.
   */
  JobResult change(EcsAction action, String region, List<String> instanceIds, boolean force, boolean dryRun,
      Instant issuedAt, boolean redelivered, Instant deadline) {
    EcsCalls ecs = new EcsCalls(gateway, retrier, deadline);
    return stateChange.run(ecs, action, region, instanceIds, force, dryRun, issuedAt, redelivered);
  }

  /** The region the job runs in: its own, or {@code ECS_REGION}. */
  public String regionOf(Job job) {
    return job.region().orElse(defaultRegion);
  }

  /** A result for a job that could not be run at all, e.g. for want of credentials. */
  public JobResult unrunnable(Job job, String why) {
    List<InstanceOutcome> lines = new ArrayList<>();
    for (String id : job.instanceIds()) lines.add(InstanceOutcome.of(id, "", InstanceOutcome.Kind.FAILED, null, null));
    return JobResult.failed(job.action(), regionOf(job), why, lines, List.of());
  }

  private static JobResult status(EcsCalls ecs, String region, List<String> instanceIds) {
    List<InstanceInfo> found;
    try {
      found = ecs.describe(region, instanceIds);
    } catch (EcsException e) {
      return JobResult.failed(EcsAction.STATUS, region, "Could not read the instances: " + EcsFailures.explain(e),
          List.of(), ecs.requestIds());
    }
    Map<String, InstanceInfo> byId = new HashMap<>();
    for (InstanceInfo info : found) byId.put(info.id(), info);
    List<InstanceOutcome> lines = new ArrayList<>();
    for (String id : instanceIds) {
      InstanceInfo info = byId.get(id);
      lines.add(info == null
          ? InstanceOutcome.of(id, "", InstanceOutcome.Kind.NOT_FOUND, null, null)
          : InstanceOutcome.shown(info));
    }
    return JobResult.of(EcsAction.STATUS, region, false, lines, ecs.requestIds());
  }

  /**
   * Pages through the region. Unfiltered, ECS's total says how many are not shown, so one page
   * is enough; filtered, the pages are walked (up to {@link #LIST_MAX_PAGES}) to count them.
   */
  private JobResult list(EcsCalls ecs, String region) {
    List<InstanceOutcome> shown = new ArrayList<>();
    int matching = 0;
    InstancePage page = null;
    try {
      for (int number = 1; number <= LIST_MAX_PAGES; number++) {
        page = ecs.list(region, number, LIST_PAGE_SIZE);
        for (InstanceInfo info : page.instances()) {
          if (!policy.allowsInstance(info.id())) continue;
          matching++;
          if (shown.size() < LIST_SHOWN) shown.add(InstanceOutcome.shown(info));
        }
        if (!page.hasMore() || page.instances().isEmpty()) break;
        if (!listFiltered && shown.size() >= LIST_SHOWN) break;
      }
    } catch (EcsException e) {
      return JobResult.failed(EcsAction.LIST, region, "Could not list the instances: " + EcsFailures.explain(e),
          shown, ecs.requestIds());
    }
    boolean walkedAll = !page.hasMore() || page.instances().isEmpty();
    int notShown = listFiltered || walkedAll ? matching - shown.size() : page.totalCount() - shown.size();
    return JobResult.listing(region, shown, Math.max(0, notShown), listFiltered && !walkedAll, ecs.requestIds());
  }
}
