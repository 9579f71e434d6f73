package chatops.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code DescribeInstances} answer: the instances found (IDs ECS does not know are simply
 * absent) and the paging figures needed to walk a region's list.
 */
public final class InstancePage {
  private final String requestId;
  private final List<InstanceInfo> instances;
  private final int totalCount;
  private final int pageNumber;
  private final int pageSize;

  public InstancePage(String requestId, List<InstanceInfo> instances, int totalCount, int pageNumber, int pageSize) {
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.instances = List.copyOf(instances);
    this.totalCount = totalCount;
    this.pageNumber = pageNumber;
    this.pageSize = pageSize;
  }

  /** ECS's {@code RequestId}, for the audit line. */
  public String requestId() {
    return requestId;
  }

  public List<InstanceInfo> instances() {
    return instances;
  }

  public Optional<InstanceInfo> find(String instanceId) {
    for (InstanceInfo instance : instances) {
      if (instance.id().equals(instanceId)) return Optional.of(instance);
    }
    return Optional.empty();
  }

  public List<String> ids() {
    List<String> ids = new ArrayList<>(instances.size());
    for (InstanceInfo instance : instances) ids.add(instance.id());
    return List.copyOf(ids);
  }

  /** This page cut down to the given IDs, as the answer to asking for exactly those. */
  InstancePage only(List<String> instanceIds) {
    List<InstanceInfo> asked = new ArrayList<>();
    for (InstanceInfo instance : instances) {
      if (instanceIds.contains(instance.id())) asked.add(instance);
    }
    return new InstancePage(requestId, asked, asked.size(), 1, Math.max(pageSize, asked.size()));
  }

  public int totalCount() {
    return totalCount;
  }

  public int pageNumber() {
    return pageNumber;
  }

  public int pageSize() {
    return pageSize;
  }

  /** True when later pages hold more instances of the region. */
  public boolean hasMore() {
    return (long) pageNumber * pageSize < totalCount;
  }

  @Override
  public String toString() {
    return "InstancePage{requestId=" + requestId + ", page " + pageNumber + " of size " + pageSize
        + ", total " + totalCount + ", " + instances + "}";
  }
}
