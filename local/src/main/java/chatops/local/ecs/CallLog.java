package chatops.local.ecs;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the emulator did with each request: served by an action (whatever the action answered), or
 * rejected before any action ran (gateway checks, injected faults), counted by error code.
 */
final class CallLog {
  private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> rejected = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> lastParameters = new ConcurrentHashMap<>();

  /** Keeps the parameters minus the signature and any STS token, which tests have no need to read. */
  void recordServed(String action, Map<String, String> parameters) {
    served.computeIfAbsent(action, a -> new AtomicInteger()).incrementAndGet();
    Map<String, String> kept = new TreeMap<>(parameters);
    kept.remove("Signature");
    kept.remove("SecurityToken");
    lastParameters.put(action, Collections.unmodifiableMap(kept));
  }

  void recordRejected(String code) {
    rejected.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
  }

  int served(String action) {
    AtomicInteger count = served.get(action);
    return count == null ? 0 : count.get();
  }

  int totalServed() {
    return served.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  int rejected(String code) {
    AtomicInteger count = rejected.get(code);
    return count == null ? 0 : count.get();
  }

  int totalRejected() {
    return rejected.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  Optional<Map<String, String>> lastParameters(String action) {
    return Optional.ofNullable(lastParameters.get(action));
  }

  void reset() {
    served.clear();
    rejected.clear();
    lastParameters.clear();
  }
}
