package chatops.front;

import chatops.config.AccessKey;

/**
 * Hands a job to the Execution function without waiting for it to run: FC queues the payload and the
 * Front can answer Slack inside its 3 s window.
 */
public interface ExecutionInvoker {
  /**
   * Queues {@code payload} as one asynchronous invocation, signed with {@code credentials}.
   *
   * <p>Returns or throws within the invoker's time budget, whatever the network does. A timeout does
   * not prove the job was dropped (FC may have queued it just before), and FC itself may run a
   * queued job more than once, so the Execution side must tolerate duplicates.
   *
   * @return FC's request id for the queued invocation (for the log); empty when FC sent none
   * @throws InvokeFailedException when FC did not confirm it queued the job
   */
  String invokeAsync(byte[] payload, AccessKey credentials) throws InvokeFailedException;
}
