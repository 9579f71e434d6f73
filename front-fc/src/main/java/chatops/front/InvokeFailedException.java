package chatops.front;

/**
 * The Execution function could not be handed the job: FC refused it, answered something other than
 * "queued", or gave no answer within the invoker's time budget.
 *
 * <p>The message is built from short, sanitized tokens only (HTTP status, FC error code, FC request
 * id, exception class name), so it can go into a log line as is: it never carries a key, a token, a
 * signature, the payload or FC's free-text error message. For the same reason no cause is chained.
 */
public final class InvokeFailedException extends Exception {
  public InvokeFailedException(String safeMessage) {
    super(safeMessage);
  }
}
