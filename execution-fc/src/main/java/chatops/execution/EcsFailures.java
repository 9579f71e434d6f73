package chatops.execution;

/**
 * ECS failures in words a chat user can act on. The error code stays in brackets so whoever
 * reads the report can search ECS's documentation for it; messages are the gateway's safe ones.
 */
final class EcsFailures {
  private EcsFailures() {}

  /** A whole call that failed. */
  static String explain(EcsException e) {
    if (e.missingRamAction().isPresent()) {
      return "the function's RAM role lacks `" + e.missingRamAction().get() + "` (" + e.code() + ")";
    }
    if (e.code().equals(EcsException.INCORRECT_INSTANCE_STATUS)) {
      return "ECS says the instance's state does not allow this now (" + e.code() + ")";
    }
    if (e.retryable()) {
      return "ECS was unavailable (" + e.code() + ") and retrying did not help in time";
    }
    return "ECS refused: " + e.code() + (e.safeMessage().isEmpty() ? "" : " — " + e.safeMessage());
  }

  /**
   * A failed call to change instances: explained, and for failures without an answer, said plainly
   * that the change may have happened anyway (the request may have reached ECS).
   */
  static String explainChange(EcsException e, String instanceId) {
    String words = explain(e);
    boolean unanswered = e.code().equals(EcsException.TIMEOUT) || e.code().equals(EcsException.UNREADABLE_RESPONSE);
    return unanswered ? words + "; it may have changed anyway — try `/ecs status " + instanceId + "`" : words;
  }

  /** One instance that a batch change refused while others went ahead. */
  static String explain(InstanceChange change, ChangeKind kind) {
    if (change.code().startsWith("Forbidden")) {
      return "the function's RAM role may not call `ecs:" + kind.apiAction() + "` on it (" + change.code() + ")";
    }
    if (change.code().equals(EcsException.INCORRECT_INSTANCE_STATUS)) {
      return "ECS says its state does not allow this now (" + change.code() + "); it may have changed since it"
          + " was read — try `/ecs status " + change.instanceId() + "`";
    }
    return "ECS refused: " + change.code() + (change.message().isEmpty() ? "" : " — " + change.message());
  }
}
