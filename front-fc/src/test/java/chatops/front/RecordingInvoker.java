package chatops.front;

import chatops.config.AccessKey;
import java.util.ArrayList;
import java.util.List;

/** Records what the Front asked FC to queue; can be told to fail the way the real invoker does. */
final class RecordingInvoker implements ExecutionInvoker {
  final List<byte[]> payloads = new ArrayList<>();
  final List<AccessKey> credentials = new ArrayList<>();
  private InvokeFailedException failure;
  private RuntimeException crash;

  /** As the real invoker reports a refused call: a checked failure within its budget. */
  RecordingInvoker failingWith(String safeMessage) {
    this.failure = new InvokeFailedException(safeMessage);
    return this;
  }

  /** As the real invoker reports a call FC never answered: it may have been queued. */
  RecordingInvoker unansweredWith(String safeMessage) {
    this.failure = InvokeFailedException.unanswered(safeMessage);
    return this;
  }

  /** A bug or an SDK exception that slipped through. */
  RecordingInvoker crashingWith(RuntimeException crash) {
    this.crash = crash;
    return this;
  }

  @Override
  public synchronized String invokeAsync(byte[] payload, AccessKey credentials) throws InvokeFailedException {
    payloads.add(payload.clone());
    this.credentials.add(credentials);
    if (failure != null) throw failure;
    if (crash != null) throw crash;
    return "fc-async-" + payloads.size();
  }

  int calls() {
    return payloads.size();
  }
}
