package chatops.execution;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one batch call may name: a region and 1 to {@link EcsGateway#MAX_IDS} distinct instance
 * IDs, checked before anything is sent. The region becomes part of the endpoint's host name and
 * the IDs part of a JSON array, so nothing but their documented shapes may pass.
 */
final class InstanceBatch {
  private static final Pattern INSTANCE_ID = Pattern.compile("^i-[a-z0-9]{1,64}$");
  private static final Pattern REGION = Pattern.compile("^[a-z]{2,}(-[a-z0-9]+)+$");

  private final String region;
  private final List<String> ids;

  private InstanceBatch(String region, List<String> ids) {
    this.region = region;
    this.ids = ids;
  }

  static InstanceBatch of(String region, List<String> instanceIds) {
    if (instanceIds.isEmpty() || instanceIds.size() > EcsGateway.MAX_IDS) {
      throw new IllegalArgumentException("1.." + EcsGateway.MAX_IDS + " instance IDs per call, got " + instanceIds.size());
    }
    for (String id : instanceIds) {
      if (id == null || !INSTANCE_ID.matcher(id).matches()) throw new IllegalArgumentException("not an instance ID");
    }
    if (new HashSet<>(instanceIds).size() != instanceIds.size()) throw new IllegalArgumentException("repeated instance ID");
    return new InstanceBatch(checkRegion(region), List.copyOf(instanceIds));
  }

  static String checkRegion(String region) {
    if (region == null || !REGION.matcher(region).matches()) throw new IllegalArgumentException("not a region ID");
    return region;
  }

  String region() {
    return region;
  }

  List<String> ids() {
    return ids;
  }

  /** {@code ["i-a","i-b"]}: the IDs' shape needs no JSON escaping. */
  String idsAsJsonArray() {
    return "[\"" + String.join("\",\"", ids) + "\"]";
  }
}
