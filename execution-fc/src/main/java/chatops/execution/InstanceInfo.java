package chatops.execution;

import java.util.Objects;

/** What {@code DescribeInstances} says about one instance, in the API's own words. */
public final class InstanceInfo {
  private final String id;
  private final String name;
  private final String status;
  private final String zone;
  private final String type;

  public InstanceInfo(String id, String name, String status, String zone, String type) {
    this.id = Objects.requireNonNull(id, "id");
    this.name = orEmpty(name);
    this.status = orEmpty(status);
    this.zone = orEmpty(zone);
    this.type = orEmpty(type);
  }

  public String id() {
    return id;
  }

  /** The instance's display name; empty when it has none. */
  public String name() {
    return name;
  }

  /** The API's state name: {@code Pending}, {@code Starting}, {@code Running}, {@code Stopping}, {@code Stopped}. */
  public String status() {
    return status;
  }

  public String zone() {
    return zone;
  }

  public String type() {
    return type;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof InstanceInfo)) return false;
    InstanceInfo that = (InstanceInfo) o;
    return id.equals(that.id) && name.equals(that.name) && status.equals(that.status)
        && zone.equals(that.zone) && type.equals(that.type);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, status, zone, type);
  }

  @Override
  public String toString() {
    return id + "(" + status + ", " + zone + ", " + type + ")";
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
