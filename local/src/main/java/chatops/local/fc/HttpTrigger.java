package chatops.local.fc;

import okhttp3.mockwebserver.MockResponse;

import java.time.Clock;

/**
 * An anonymous FC 2.0 HTTP trigger: hands the exchange to the function's {@code HttpRequestHandler}
 * through servlet objects and sends back what it wrote. A handler that throws or runs past its time
 * limit is answered 502 with FC's unhandled-error body, as the platform does.
 */
final class HttpTrigger {
  private final FunctionRegistry registry;
  private final InvocationLog invocations;
  private final Clock clock;

  HttpTrigger(FunctionRegistry registry, InvocationLog invocations, Clock clock) {
    this.registry = registry;
    this.invocations = invocations;
    this.clock = clock;
  }

  MockResponse handle(WireRequest request, FcPath path, String requestId) {
    FunctionRegistry.Lookup lookup = registry.find(path);
    if (lookup.error != null) {
      return lookup.error.toResponse(requestId);
    }
    FunctionRuntime runtime = lookup.runtime;
    if (runtime.function().kind() != FcFunction.Kind.HTTP) {
      return FcError.triggerNotFound(path.service(), path.function()).toResponse(requestId);
    }
    if (request.bodySize() > InvokeApi.MAX_SYNC_PAYLOAD) {
      return FcError.entityTooLarge(InvokeApi.MAX_SYNC_PAYLOAD).toResponse(requestId);
    }
    invocations.add(Invocation.received(requestId, runtime.function(), path.qualifier(), Invocation.Type.HTTP,
        request.body(), clock.instant()));
    TriggerResponse response = new TriggerResponse();
    RunResult result = runtime.runHttp(new TriggerRequest(request, path.contextPath()), response, requestId,
        path.qualifier());
    invocations.update(requestId, invocation -> invocation.afterAttempt(result.succeeded(), true));
    if (result.succeeded()) {
      return response.toMockResponse(requestId);
    }
    return new MockResponse().setResponseCode(502)
        .setHeader(FcHeaders.REQUEST_ID, requestId)
        .setHeader(FcHeaders.ERROR_TYPE, FcHeaders.UNHANDLED_ERROR)
        .setHeader("Content-Type", "application/json")
        .setBody(new okio.Buffer().write(result.errorBody()));
  }
}
