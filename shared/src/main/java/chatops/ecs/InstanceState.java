package chatops.ecs;

/** An ECS instance's status as the DescribeInstances / DescribeInstanceStatus APIs spell it. */
public enum InstanceState {
  PENDING("Pending"),
  STARTING("Starting"),
  RUNNING("Running"),
  STOPPING("Stopping"),
  STOPPED("Stopped"),
  /** A status this code does not know; never treated as a target reached. */
  UNKNOWN("Unknown");

  private final String apiName;

  InstanceState(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  /** The state for an API status; anything unrecognised (including null) is {@link #UNKNOWN}. */
  public static InstanceState fromApi(String status) {
    for (InstanceState state : values()) {
      if (state != UNKNOWN && state.apiName.equals(status)) return state;
    }
    return UNKNOWN;
  }

  /** True while ECS is still moving the instance, so a waiter should poll again. */
  public boolean isTransitional() {
    return this == PENDING || this == STARTING || this == STOPPING;
  }
}
