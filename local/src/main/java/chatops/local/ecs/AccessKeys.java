package chatops.local.ecs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The access keys the emulator accepts: plain ones, and STS ones that must come with their token. */
final class AccessKeys {
  private final Map<String, Key> keys = new ConcurrentHashMap<>();

  void addPlain(String id, String secret) {
    put(new Key(id, secret, null, null));
  }

  /** {@code expiresAt} may be null for a token that never expires. */
  void addSts(String id, String secret, String securityToken, Instant expiresAt) {
    put(new Key(id, secret, Objects.requireNonNull(securityToken, "securityToken"), expiresAt));
  }

  Optional<Key> find(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  /**
   * Whether the token is some other key's: the gateway tells a token issued with another key apart
   * from one it cannot read at all.
   */
  boolean belongsToAnotherKey(String token, String keyId) {
    for (Key key : keys.values()) {
      if (key.token != null && !key.id.equals(keyId) && key.tokenMatches(token)) {
        return true;
      }
    }
    return false;
  }

  private void put(Key key) {
    if (key.id.isEmpty() || key.secret.isEmpty()) {
      throw new IllegalArgumentException("access key ID and secret must not be empty");
    }
    if (keys.putIfAbsent(key.id, key) != null) {
      throw new IllegalArgumentException("access key already added: " + key.id);
    }
  }

  /** One registered key. {@code toString} leaves the secret and token out. */
  static final class Key {
    private final String id;
    private final String secret;
    private final String token;
    private final Instant expiresAt;

    private Key(String id, String secret, String token, Instant expiresAt) {
      this.id = Objects.requireNonNull(id, "id");
      this.secret = Objects.requireNonNull(secret, "secret");
      this.token = token;
      this.expiresAt = expiresAt;
    }

    String secret() {
      return secret;
    }

    boolean isSts() {
      return token != null;
    }

    boolean tokenMatches(String given) {
      return token != null
          && MessageDigest.isEqual(
              token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    boolean expiredAt(Instant now) {
      return expiresAt != null && !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
      return "Key{" + id + (isSts() ? ", sts" : "") + "}";
    }
  }
}
