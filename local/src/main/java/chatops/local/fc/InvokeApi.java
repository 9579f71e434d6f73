package chatops.local.fc;

import okhttp3.mockwebserver.MockResponse;

import java.time.Clock;
import java.util.Optional;

/**
 * FC's InvokeFunction: authenticate, find the function, then either queue the event and answer 202
 * (Async) or run it and answer with its output (Sync). Payload limits are FC's: 128 KB async, 32 MB sync.
 */
final class InvokeApi {
  static final int MAX_ASYNC_PAYLOAD = 128 * 1024;
  static final int MAX_SYNC_PAYLOAD = 32 * 1024 * 1024;

  private final InvokeAuthenticator authenticator;
  private final FunctionRegistry registry;
  private final AsyncQueue queue;
  private final InvocationLog invocations;
  private final FaultPlan faults;
  private final Clock clock;

  InvokeApi(InvokeAuthenticator authenticator, FunctionRegistry registry, AsyncQueue queue,
            InvocationLog invocations, FaultPlan faults, Clock clock) {
    this.authenticator = authenticator;
    this.registry = registry;
    this.queue = queue;
    this.invocations = invocations;
    this.faults = faults;
    this.clock = clock;
  }

  MockResponse handle(WireRequest request, FcPath path, String requestId) throws InterruptedException {
    if (!request.method().equals("POST")) {
      return FcError.pathNotSupported(request.method(), request.rawPath()).toResponse(requestId);
    }
    if (faults.admit() != FaultPlan.Verdict.PROCEED) {
      return FcError.internal().toResponse(requestId);
    }
    Optional<FcError> refused = authenticator.check(request);
    if (refused.isPresent()) {
      return refused.get().toResponse(requestId);
    }
    FunctionRegistry.Lookup lookup = registry.find(path);
    if (lookup.error != null) {
      return lookup.error.toResponse(requestId);
    }
    if (lookup.runtime.function().kind() != FcFunction.Kind.EVENT) {
      return FcError.invalidArgument("function '" + path.function()
          + "' is an HTTP function; call it through its HTTP trigger").toResponse(requestId);
    }
    String type = request.headers().get(FcHeaders.INVOCATION_TYPE);
    if (type == null || type.equalsIgnoreCase("Sync")) {
      return runNow(request, path, requestId, lookup.runtime);
    }
    if (type.equalsIgnoreCase("Async")) {
      return enqueue(request, path, requestId, lookup.runtime);
    }
    return FcError.invalidArgument("invocation type must be Sync or Async, not '" + type + "'").toResponse(requestId);
  }

  private MockResponse enqueue(WireRequest request, FcPath path, String requestId, FunctionRuntime runtime) {
    if (request.bodySize() > MAX_ASYNC_PAYLOAD) {
      return FcError.entityTooLarge(MAX_ASYNC_PAYLOAD).toResponse(requestId);
    }
    byte[] payload = request.body();
    invocations.add(Invocation.received(requestId, runtime.function(), path.qualifier(), Invocation.Type.ASYNC,
        payload, clock.instant()));
    queue.enqueue(runtime, requestId, path.qualifier(), payload);
    return new MockResponse().setResponseCode(202).setHeader(FcHeaders.REQUEST_ID, requestId);
  }

  private MockResponse runNow(WireRequest request, FcPath path, String requestId, FunctionRuntime runtime) {
    if (request.bodySize() > MAX_SYNC_PAYLOAD) {
      return FcError.entityTooLarge(MAX_SYNC_PAYLOAD).toResponse(requestId);
    }
    byte[] payload = request.body();
    invocations.add(Invocation.received(requestId, runtime.function(), path.qualifier(), Invocation.Type.SYNC,
        payload, clock.instant()));
    RunResult result = runtime.runEvent(payload, requestId, path.qualifier(), 0);
    invocations.update(requestId, invocation -> invocation.afterAttempt(result.succeeded(), true));
    MockResponse response = new MockResponse().setResponseCode(200).setHeader(FcHeaders.REQUEST_ID, requestId);
    if (result.succeeded()) {
      return response.setHeader("Content-Type", "application/octet-stream")
          .setBody(new okio.Buffer().write(result.output()));
    }
    // FC answers a function's own failure with 200 and says so in a header, not with a 5xx.
    return response.setHeader(FcHeaders.ERROR_TYPE, FcHeaders.UNHANDLED_ERROR)
        .setHeader("Content-Type", "application/json")
        .setBody(new okio.Buffer().write(result.errorBody()));
  }
}
