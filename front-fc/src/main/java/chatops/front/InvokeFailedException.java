package chatops.front;

/**
 * The Execution function could not be handed the job: FC refused it, answered something other than
 * "queued", or gave no answer within the invoker's time budget.
 *
 * <p>Only in the first two cases is it certain that nothing was queued. A request that got no
 * answer may still have reached FC and been queued, so {@link #outcomeUnknown()} tells the Front
 * not to promise the user that nothing changed.
 *
 * <p>The message is built from short, sanitized tokens only (HTTP status, FC error code, FC request
 * id, exception class name), so it can go into a log line as is: it never carries a key, a token, a
 * signature, the payload or FC's free-text error message. For the same reason no cause is chained.
 */
public final class InvokeFailedException extends Exception {
  private final boolean outcomeUnknown;

  /** FC said no (or nothing was sent): the job is certainly not queued. */
  public InvokeFailedException(String safeMessage) {
    this(safeMessage, false);
  }

  private InvokeFailedException(String safeMessage, boolean outcomeUnknown) {
    super(safeMessage);
    this.outcomeUnknown = outcomeUnknown;
  }

  /** The request may have reached FC, but no answer came: the job may or may not be queued. */
  public static InvokeFailedException unanswered(String safeMessage) {
    return new InvokeFailedException(safeMessage, true);
  }

  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
