package chatops.local.ecs;

import java.util.Optional;

/** The ECS instance states the emulator models, named as the API writes them. */
public enum InstanceStatus {
  PENDING("Pending"),
  STARTING("Starting"),
  RUNNING("Running"),
  STOPPING("Stopping"),
  STOPPED("Stopped");

  private final String apiName;

  InstanceStatus(String apiName) {
    this.apiName = apiName;
  }

  /** The wire name, e.g. {@code Running}. */
  public String apiName() {
    return apiName;
  }

  public static Optional<InstanceStatus> fromApiName(String name) {
    for (InstanceStatus status : values()) {
      if (status.apiName.equals(name)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
