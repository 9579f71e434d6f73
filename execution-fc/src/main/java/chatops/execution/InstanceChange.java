package chatops.execution;

import java.util.Objects;
import java.util.Optional;

/**
 * ECS's answer for one instance of a batch change ({@code InstanceResponses.InstanceResponse[]}):
 * with {@code BatchOptimization=SuccessFirst} each instance succeeds or fails on its own.
 */
public final class InstanceChange {
  /** The per-instance code ECS gives an instance whose change it accepted. */
  public static final String ACCEPTED = "200";
  /** The code a dry run reports for every instance when the real call would have been accepted. */
  public static final String DRY_RUN_PASSED = "DryRunOperation";

  private final String instanceId;
  private final String code;
  private final String message;
  private final String previousStatus;
  private final String currentStatus;

  public InstanceChange(String instanceId, String code, String message, String previousStatus, String currentStatus) {
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
    this.code = Objects.requireNonNull(code, "code");
    this.message = message == null ? "" : EcsException.safeText(message);
    this.previousStatus = emptyToNull(previousStatus);
    this.currentStatus = emptyToNull(currentStatus);
  }

  static InstanceChange dryRunPassed(String instanceId) {
    return new InstanceChange(instanceId, DRY_RUN_PASSED, "the request would have succeeded", null, null);
  }

  public String instanceId() {
    return instanceId;
  }

  /** {@code 200}, {@code DryRunOperation}, or an ECS error code such as {@code IncorrectInstanceStatus}. */
  public String code() {
    return code;
  }

  /** ECS's message for this instance, with anything that could carry a credential cut off. */
  public String message() {
    return message;
  }

  /** True when ECS accepted the change (or, for a dry run, would have). */
  public boolean accepted() {
    return ACCEPTED.equals(code) || DRY_RUN_PASSED.equals(code);
  }

  public Optional<String> previousStatus() {
    return Optional.ofNullable(previousStatus);
  }

  public Optional<String> currentStatus() {
    return Optional.ofNullable(currentStatus);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof InstanceChange)) return false;
    InstanceChange that = (InstanceChange) o;
    return instanceId.equals(that.instanceId) && code.equals(that.code) && message.equals(that.message)
        && Objects.equals(previousStatus, that.previousStatus) && Objects.equals(currentStatus, that.currentStatus);
  }

  @Override
  public int hashCode() {
    return Objects.hash(instanceId, code, message, previousStatus, currentStatus);
  }

  @Override
  public String toString() {
    return instanceId + ":" + code + (previousStatus == null ? "" : " " + previousStatus + "->" + currentStatus);
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
