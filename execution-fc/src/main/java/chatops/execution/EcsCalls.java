package chatops.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One job's ECS calls: each through the {@link Retrier} within the job's deadline, instance lists
 * split into ECS's batches of {@link EcsGateway#MAX_IDS}, and every {@code RequestId} noted (failed
 * attempts' too) so the audit line can name each call ECS saw. One per job; not thread-safe.
 */
final class EcsCalls {
  private final EcsGateway gateway;
  private final Retrier retrier;
  private final Instant deadline;
  private final List<String> requestIds = new ArrayList<>();

  EcsCalls(EcsGateway gateway, Retrier retrier, Instant deadline) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.retrier = Objects.requireNonNull(retrier, "retrier");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
  }

  Instant deadline() {
    return deadline;
  }

  /** One describe per batch; the instances found, in no promised order. */
  List<InstanceInfo> describe(String region, List<String> instanceIds) throws EcsException {
    List<InstanceInfo> found = new ArrayList<>();
    for (List<String> batch : batches(instanceIds)) {
      InstancePage page = call(() -> gateway.describe(region, batch));
      requestIds.add(page.requestId());
      found.addAll(page.instances());
    }
    return found;
  }

  /** One status call per batch: a poll of 100 instances or fewer is one call. */
  Map<String, String> statuses(String region, List<String> instanceIds) throws EcsException {
    Map<String, String> statuses = new LinkedHashMap<>();
    for (List<String> batch : batches(instanceIds)) {
      InstanceStatuses answer = call(() -> gateway.statuses(region, batch));
      requestIds.add(answer.requestId());
      statuses.putAll(answer.asMap());
    }
    return statuses;
  }

  /** One change call; the caller hands at most {@link EcsGateway#MAX_IDS} instances (see {@link #batches}). */
  ChangeResult change(ChangeKind kind, String region, List<String> batch, boolean force, boolean dryRun)
      throws EcsException {
    ChangeResult result = call(() -> gateway.change(kind, region, batch, force, dryRun));
    requestIds.add(result.requestId());
    return result;
  }

  InstancePage list(String region, int pageNumber, int pageSize) throws EcsException {
    InstancePage page = call(() -> gateway.list(region, pageNumber, pageSize));
    requestIds.add(page.requestId());
    return page;
  }

  /** Every RequestId so far, in call order. */
  List<String> requestIds() {
    return List.copyOf(requestIds);
  }

  static List<List<String>> batches(List<String> instanceIds) {
    List<List<String>> batches = new ArrayList<>();
    for (int from = 0; from < instanceIds.size(); from += EcsGateway.MAX_IDS) {
      batches.add(List.copyOf(instanceIds.subList(from, Math.min(from + EcsGateway.MAX_IDS, instanceIds.size()))));
    }
    return batches;
  }

  /** Notes each failed attempt's RequestId as it happens, so retried calls are in the audit line too. */
  private <T> T call(Retrier.Call<T> call) throws EcsException {
    return retrier.call(deadline, () -> {
      try {
        return call.run();
      } catch (EcsException e) {
        e.requestId().ifPresent(requestIds::add);
        throw e;
      }
    });
  }
}
