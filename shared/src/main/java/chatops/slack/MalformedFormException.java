package chatops.slack;

/**
 * The request body is not a well-formed {@code application/x-www-form-urlencoded} form.
 *
 * <p>{@link #getMessage()} is written for the person who typed the command: it says what is wrong
 * in plain words and never echoes the raw input, so it can go into a reply as it is.
 */
public final class MalformedFormException extends Exception {
  MalformedFormException(String userFitMessage) {
    super(userFitMessage);
  }
}
