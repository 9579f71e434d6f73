package chatops.execution;

import java.util.List;

/**
 * The few ECS calls the worker needs, each one HTTP call, each answer carrying ECS's
 * {@code RequestId} for the audit line. Instance lists hold 1 to {@link #MAX_IDS} distinct IDs
 * (ECS's own batch limit); callers split larger sets.
 */
public interface EcsGateway {
  /** ECS accepts at most this many instance IDs in one batch call. */
  int MAX_IDS = 100;

  /** Name, state, zone, type and last start of each instance; IDs ECS does not know are absent from the page. */
  InstancePage describe(String region, List<String> instanceIds) throws EcsException;

  /** The current state of each instance, for one poll; unknown IDs are absent. */
  InstanceStatuses statuses(String region, List<String> instanceIds) throws EcsException;

  /**
   * Asks ECS to start, stop or reboot the instances in one call. Each instance succeeds or fails on
   * its own (see {@link InstanceChange}). A dry run that passes comes back as a result whose
   * changes all read {@code DryRunOperation}; one that fails throws like the real call would.
   *
   * @param force {@code ForceStop} / {@code ForceReboot}; must be false for {@link ChangeKind#START}
   */
  ChangeResult change(ChangeKind kind, String region, List<String> instanceIds, boolean force, boolean dryRun)
      throws EcsException;

  /** One page (1-based; size 1 to 100) of the region's instances. */
  InstancePage list(String region, int pageNumber, int pageSize) throws EcsException;
}
