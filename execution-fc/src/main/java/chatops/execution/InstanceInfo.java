package chatops.execution;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What {@code DescribeInstances} says about one instance, in the API's own words. */
public final class InstanceInfo {
  private final String id;
  private final String name;
  private final String status;
  private final String zone;
  private final String type;
  private final Instant startTime;

  /** @param startTime ECS's {@code StartTime}; null when it gave none or it could not be read */
  public InstanceInfo(String id, String name, String status, String zone, String type, Instant startTime) {
    this.id = Objects.requireNonNull(id, "id");
    this.name = orEmpty(name);
    this.status = orEmpty(status);
    this.zone = orEmpty(zone);
    this.type = orEmpty(type);
    this.startTime = startTime;
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

  /**
   * When the instance was last started, as ECS says: often only to the minute (ECS writes
   * {@code 2017-12-10T04:04Z}), so a start at 04:04:59 reads as 04:04:00.
   */
  public Optional<Instant> startTime() {
    return Optional.ofNullable(startTime);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof InstanceInfo)) return false;
    InstanceInfo that = (InstanceInfo) o;
    return id.equals(that.id) && name.equals(that.name) && status.equals(that.status)
        && zone.equals(that.zone) && type.equals(that.type) && Objects.equals(startTime, that.startTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, status, zone, type, startTime);
  }

  @Override
  public String toString() {
    return id + "(" + status + ", " + zone + ", " + type + (startTime == null ? "" : ", started " + startTime) + ")";
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
