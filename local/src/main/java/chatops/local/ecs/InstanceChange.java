package chatops.local.ecs;

/**
 * The outcome for one instance of a start, stop or reboot: either the move it made or the error it
 * met. Batch calls in SuccessFirst mode report one of these per instance.
 */
final class InstanceChange {
  private final String instanceId;
  private final Rejection error;
  private final String previousStatus;
  private final String currentStatus;

  private InstanceChange(String instanceId, Rejection error, String previous, String current) {
    this.instanceId = instanceId;
    this.error = error;
    this.previousStatus = previous;
    this.currentStatus = current;
  }

  static InstanceChange moved(String instanceId, InstanceStatus previous, InstanceStatus current) {
    return new InstanceChange(instanceId, null, previous.apiName(), current.apiName());
  }

  /** An unknown instance has no status: the documented answer leaves both statuses empty. */
  static InstanceChange notFound(String instanceId) {
    return new InstanceChange(instanceId, Rejection.instanceNotFound(), "", "");
  }

  static InstanceChange refused(String instanceId, InstanceStatus status) {
    return new InstanceChange(
        instanceId, Rejection.incorrectInstanceStatus(), status.apiName(), status.apiName());
  }

  String instanceId() {
    return instanceId;
  }

  boolean succeeded() {
    return error == null;
  }

  /** Only for a change that did not succeed. */
  Rejection error() {
    return error;
  }

  /** "200" on success, as the API writes it; the error code otherwise. */
  String code() {
    return error == null ? "200" : error.code();
  }

  String message() {
    return error == null ? "success" : error.getMessage();
  }

  String previousStatus() {
    return previousStatus;
  }

  String currentStatus() {
    return currentStatus;
  }
}
