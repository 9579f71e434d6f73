package chatops.local.ecs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One instance as a test seeds it and as it reads it back: identity, placement, tags and the status
 * at the moment the snapshot was taken. Immutable.
 */
public final class EcsInstance {
  private static final Pattern INSTANCE_ID = Pattern.compile("^i-[a-z0-9]{1,64}$");
  private static final Pattern REGION_ID = Pattern.compile("^[a-z]{2,}(-[a-z0-9]+)+$");

  private final String instanceId;
  private final String name;
  private final String regionId;
  private final String zoneId;
  private final String instanceType;
  private final Map<String, String> tags;
  private final InstanceStatus status;

  private EcsInstance(Builder b) {
    this.instanceId = b.instanceId;
    this.name = b.name == null ? b.instanceId : b.name;
    this.regionId = b.regionId;
    this.zoneId = b.zoneId == null ? b.regionId + "-a" : b.zoneId;
    this.instanceType = b.instanceType;
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
    this.status = b.status;
  }

  /**
   * Starts a seed. IDs and regions must have the real shapes ({@code i-abc123}, {@code cn-hangzhou})
   * so that tests cannot pass with identifiers production would never see.
   */
  public static Builder builder(String instanceId, String regionId) {
    return new Builder(instanceId, regionId);
  }

  public String instanceId() {
    return instanceId;
  }

  public String name() {
    return name;
  }

  public String regionId() {
    return regionId;
  }

  public String zoneId() {
    return zoneId;
  }

  public String instanceType() {
    return instanceType;
  }

  /** Tags in the order they were added. */
  public Map<String, String> tags() {
    return tags;
  }

  public InstanceStatus status() {
    return status;
  }

  EcsInstance withStatus(InstanceStatus current) {
    Builder b = toBuilder();
    b.status = current;
    return new EcsInstance(b);
  }

  private Builder toBuilder() {
    Builder b = new Builder(instanceId, regionId);
    b.name = name;
    b.zoneId = zoneId;
    b.instanceType = instanceType;
    b.tags.putAll(tags);
    b.status = status;
    return b;
  }

  @Override
  public String toString() {
    return "EcsInstance{" + instanceId + " " + regionId + "/" + zoneId + " " + status.apiName() + "}";
  }

  /** Defaults: name = ID, zone = region + "-a", type ecs.g6.large, status Running, no tags. */
  public static final class Builder {
    private final String instanceId;
    private final String regionId;
    private String name;
    private String zoneId;
    private String instanceType = "ecs.g6.large";
    private final Map<String, String> tags = new LinkedHashMap<>();
    private InstanceStatus status = InstanceStatus.RUNNING;

    private Builder(String instanceId, String regionId) {
      if (instanceId == null || !INSTANCE_ID.matcher(instanceId).matches()) {
        throw new IllegalArgumentException("not an ECS instance ID: " + instanceId);
      }
      if (regionId == null || !REGION_ID.matcher(regionId).matches()) {
        throw new IllegalArgumentException("not a region ID: " + regionId);
      }
      this.instanceId = instanceId;
      this.regionId = regionId;
    }

    public Builder name(String value) {
      this.name = Objects.requireNonNull(value, "name");
      return this;
    }

    public Builder zoneId(String value) {
      if (!value.startsWith(regionId + "-")) {
        throw new IllegalArgumentException("zone " + value + " is not in region " + regionId);
      }
      this.zoneId = value;
      return this;
    }

    public Builder instanceType(String value) {
      this.instanceType = Objects.requireNonNull(value, "instanceType");
      return this;
    }

    public Builder tag(String key, String value) {
      tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * A transitional status finishes like a real one would: Starting and Pending become Running
     * after the starting time, Stopping becomes Stopped after the stopping time.
     */
    public Builder status(InstanceStatus value) {
      this.status = Objects.requireNonNull(value, "status");
      return this;
    }

    public EcsInstance build() {
      return new EcsInstance(this);
    }
  }
}
