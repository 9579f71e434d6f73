package chatops.local.fc;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

import java.util.Optional;
import java.util.UUID;

/** Sends each request on the emulator's port to the invoke API or to an HTTP trigger, by path. */
final class FcRouter extends Dispatcher {
  private final InvokeApi invokeApi;
  private final HttpTrigger trigger;
  private final FaultPlan faults;

  FcRouter(InvokeApi invokeApi, HttpTrigger trigger, FaultPlan faults) {
    this.invokeApi = invokeApi;
    this.trigger = trigger;
    this.faults = faults;
  }

  @Override
  public MockResponse dispatch(RecordedRequest recorded) throws InterruptedException {
    WireRequest request = WireRequest.from(recorded);
    String requestId = UUID.randomUUID().toString();
    Optional<FcPath> path = FcPath.parse(request.decodedPath());
    if (path.isEmpty()) {
      return FcError.pathNotSupported(request.method(), request.rawPath()).toResponse(requestId);
    }
    return path.get().isInvoke()
        ? invokeApi.handle(request, path.get(), requestId)
        : trigger.handle(request, path.get(), requestId);
  }

  /** MockWebServer calls this when it stops: nothing may stay held. */
  @Override
  public void shutdown() {
    faults.reset();
  }
}
