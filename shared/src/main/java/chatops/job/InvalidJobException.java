package chatops.job;

/**
 * A payload that is not a job this code may run. The message names the broken rule and never
 * quotes the payload, which holds a response_url (a capability); no parser exception is attached
 * as the cause, because those quote their input.
 */
public final class InvalidJobException extends Exception {
  public InvalidJobException(String message) {
    super(message);
  }
}
