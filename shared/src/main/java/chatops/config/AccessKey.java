package chatops.config;

import java.util.Objects;
import java.util.Optional;

/**
 * An Alibaba Cloud access key: the function role's short-lived STS credentials (with a security
 * token) or, for legacy setups only, a static key pair.
 *
 * <p>{@link #toString()} shows only the key id's first characters, so an accidental log of this
 * value leaks nothing that signs a request.
 */
public final class AccessKey {
  private final String id;
  private final String secret;
  private final String securityToken;

  private AccessKey(String id, String secret, String securityToken) {
    this.id = requireText(id, "access key id");
    this.secret = requireText(secret, "access key secret");
    this.securityToken = securityToken == null || securityToken.isEmpty() ? null : securityToken;
  }

  /** A key; {@code securityToken} is null or empty for a static (non-STS) key. */
  public static AccessKey of(String id, String secret, String securityToken) {
    return new AccessKey(id, secret, securityToken);
  }

  public String id() {
    return id;
  }

  public String secret() {
    return secret;
  }

  public Optional<String> securityToken() {
    return Optional.ofNullable(securityToken);
  }

  public boolean isTemporary() {
    return securityToken != null;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AccessKey)) return false;
    AccessKey that = (AccessKey) o;
    return id.equals(that.id) && secret.equals(that.secret) && Objects.equals(securityToken, that.securityToken);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, secret, securityToken);
  }

  @Override
  public String toString() {
    String shown = id.length() <= 4 ? "****" : id.substring(0, 4) + "****";
    return "AccessKey{" + shown + (isTemporary() ? ", sts" : ", static") + "}";
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isEmpty()) throw new IllegalArgumentException(what + " is empty");
    return value;
  }
}
