package chatops.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One batch change call's answer: a {@link InstanceChange} per instance named in the call. */
public final class ChangeResult {
  private final ChangeKind kind;
  private final boolean dryRun;
  private final String requestId;
  private final List<InstanceChange> changes;

  public ChangeResult(ChangeKind kind, boolean dryRun, String requestId, List<InstanceChange> changes) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.dryRun = dryRun;
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.changes = List.copyOf(changes);
  }

  /** ECS answers a passing dry run with {@code DryRunOperation} and no per-instance detail. */
  static ChangeResult dryRunPassed(ChangeKind kind, String requestId, List<String> instanceIds) {
    List<InstanceChange> passed = new ArrayList<>();
    for (String id : instanceIds) passed.add(InstanceChange.dryRunPassed(id));
    return new ChangeResult(kind, true, requestId, passed);
  }

  public ChangeKind kind() {
    return kind;
  }

  /** True when nothing was changed because only a dry run was asked for. */
  public boolean dryRun() {
    return dryRun;
  }

  /** ECS's {@code RequestId}, for the audit line. */
  public String requestId() {
    return requestId;
  }

  public List<InstanceChange> changes() {
    return changes;
  }

  public Optional<InstanceChange> changeFor(String instanceId) {
    for (InstanceChange change : changes) {
      if (change.instanceId().equals(instanceId)) return Optional.of(change);
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "ChangeResult{" + kind + (dryRun ? " dry-run" : "") + ", requestId=" + requestId + ", " + changes + "}";
  }
}
