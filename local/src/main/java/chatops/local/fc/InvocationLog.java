package chatops.local.fc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Every accepted invocation in arrival order, updated as attempts finish. */
final class InvocationLog {
  private final Map<String, Invocation> byRequestId = new LinkedHashMap<>();

  synchronized void add(Invocation invocation) {
    byRequestId.put(invocation.requestId(), invocation);
  }

  synchronized Invocation update(String requestId, UnaryOperator<Invocation> change) {
    return byRequestId.computeIfPresent(requestId, (id, invocation) -> change.apply(invocation));
  }

  synchronized List<Invocation> of(String service, String function) {
    List<Invocation> matching = new ArrayList<>();
    for (Invocation invocation : byRequestId.values()) {
      if (invocation.service().equals(service) && invocation.function().equals(function)) {
        matching.add(invocation);
      }
    }
    return List.copyOf(matching);
  }

  synchronized List<Invocation> all() {
    return List.copyOf(byRequestId.values());
  }

  synchronized void clear() {
    byRequestId.clear();
  }
}
