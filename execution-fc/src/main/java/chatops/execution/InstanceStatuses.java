package chatops.execution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One poll's answer: the API state name per instance ECS knows; unknown IDs are absent. */
public final class InstanceStatuses {
  private final String requestId;
  private final Map<String, String> statusById;

  public InstanceStatuses(String requestId, Map<String, String> statusById) {
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    // LinkedHashMap first: keeps ECS's order for the report, which Map.copyOf would not.
    this.statusById = Collections.unmodifiableMap(new LinkedHashMap<>(statusById));
  }

  static InstanceStatuses of(InstancePage page) {
    Map<String, String> statuses = new LinkedHashMap<>();
    for (InstanceInfo instance : page.instances()) statuses.put(instance.id(), instance.status());
    return new InstanceStatuses(page.requestId(), statuses);
  }

  public String requestId() {
    return requestId;
  }

  public Optional<String> statusOf(String instanceId) {
    return Optional.ofNullable(statusById.get(instanceId));
  }

  public Map<String, String> asMap() {
    return statusById;
  }

  @Override
  public String toString() {
    return "InstanceStatuses{requestId=" + requestId + ", " + statusById + "}";
  }
}
