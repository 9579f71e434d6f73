package chatops.local.ecs;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * One request, start to end: an armed fault, then the gateway's checks, then the action. Runs on
 * MockWebServer's connection threads; everything it touches is thread-safe.
 */
final class EcsDispatcher extends Dispatcher {
  private final EcsFaults faults;
  private final Gateway gateway;
  private final Map<String, EcsAction> actions;
  private final CallLog log;

  EcsDispatcher(EcsFaults faults, Gateway gateway, Map<String, EcsAction> actions, CallLog log) {
    this.faults = faults;
    this.gateway = gateway;
    this.actions = actions;
    this.log = log;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    MockResponse response = answer(request, JsonAnswers.newRequestId());
    Duration latency = faults.latency();
    if (!latency.isZero()) {
      response.setHeadersDelay(latency.toMillis(), TimeUnit.MILLISECONDS);
    }
    return response;
  }

  private MockResponse answer(RecordedRequest request, String requestId) {
    String hostId = request.getHeader("Host") == null ? "ecs.aliyuncs.com" : request.getHeader("Host");
    EcsFaults.Kind fault = faults.next();
    if (fault != null && fault != EcsFaults.Kind.DROP_AFTER_SERVING) {
      return injected(fault, requestId, hostId);
    }
    MockResponse served = serve(request, requestId, hostId);
    return fault == null ? served : JsonAnswers.dropped();
  }

  private MockResponse injected(EcsFaults.Kind fault, String requestId, String hostId) {
    Rejection rejection;
    switch (fault) {
      case THROTTLE:
        rejection = Rejection.throttled();
        break;
      case INTERNAL_ERROR:
        rejection = Rejection.internalError();
        break;
      case SERVICE_UNAVAILABLE:
        rejection = Rejection.serviceUnavailable();
        break;
      default:
        log.recordRejected(EcsFaults.DROPPED);
        return JsonAnswers.dropped();
    }
    log.recordRejected(rejection.code());
    return JsonAnswers.error(requestId, hostId, rejection);
  }

  private MockResponse serve(RecordedRequest request, String requestId, String hostId) {
    RpcParameters params;
    String actionName;
    try {
      String target = request.getPath() == null ? "/" : request.getPath();
      int query = target.indexOf('?');
      if (!"/".equals(query < 0 ? target : target.substring(0, query))) {
        throw Rejection.unknownAction();
      }
      params =
          RpcParameters.parse(
              query < 0 ? "" : target.substring(query + 1),
              request.getHeader("Content-Type"),
              request.getBody().readByteArray());
      actionName = gateway.admit(request.getMethod(), params);
    } catch (Rejection rejection) {
      log.recordRejected(rejection.code());
      return JsonAnswers.error(requestId, hostId, rejection);
    }
    log.recordServed(actionName, params.all());
    try {
      return JsonAnswers.success(requestId, actions.get(actionName).answer(params));
    } catch (Rejection rejection) {
      return JsonAnswers.error(requestId, hostId, rejection);
    }
  }
}
