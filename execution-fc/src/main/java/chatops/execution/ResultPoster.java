package chatops.execution;

/** Delivers the job's result message to the command's {@code response_url}. */
public interface ResultPoster {
  /**
   * Posts a JSON message. Delivery problems are answered, not thrown, so the worker can log the
   * outcome and still return normally (a thrown error would make the platform run the job again).
   */
  PostResult post(String responseUrl, byte[] jsonMessage);
}
