package chatops.execution;

/**
 * The three state changes the gateway can ask ECS for. Kept apart from the chat grammar's actions
 * so the gateway's callers cannot hand it a read-only action by mistake.
 */
public enum ChangeKind {
  START("StartInstances"),
  STOP("StopInstances"),
  REBOOT("RebootInstances");

  private final String apiAction;

  ChangeKind(String apiAction) {
    this.apiAction = apiAction;
  }

  /** The ECS batch API action, which is also what the RAM policy must allow ({@code ecs:} + this). */
  public String apiAction() {
    return apiAction;
  }

  /** Only stop and reboot have a forced variant (ECS {@code ForceStop} / {@code ForceReboot}). */
  public boolean acceptsForce() {
    return this != START;
  }
}
