package chatops.local.ecs;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Signature nonces seen recently. A nonce only needs remembering while a request carrying it could
 * still pass the timestamp check: 15 minutes either side of now.
 */
final class NonceLedger {
  private static final Duration MEMORY = Duration.ofMinutes(30);

  private final Map<String, Instant> seen = new HashMap<>();

  /** Records the nonce; false when it was already used. */
  synchronized boolean firstUse(String accessKeyId, String nonce, Instant now) {
    forgetBefore(now.minus(MEMORY));
    return seen.putIfAbsent(accessKeyId + "\n" + nonce, now) == null;
  }

  private void forgetBefore(Instant horizon) {
    Iterator<Instant> it = seen.values().iterator();
    while (it.hasNext()) {
      if (it.next().isBefore(horizon)) {
        it.remove();
      }
    }
  }
}
