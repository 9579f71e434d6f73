package chatops.local.fc;

import com.aliyun.fc.runtime.Credentials;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * An Alibaba Cloud access key as the emulator hands it out (to functions, as their role's STS
 * credentials) and accepts it (from callers of the invoke API). It is the runtime's
 * {@link Credentials} directly, so a function's {@code Context} returns exactly the configured key.
 */
public final class StsKey implements Credentials {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final String accessKeyId;
  private final String accessKeySecret;
  private final String securityToken;

  private StsKey(String accessKeyId, String accessKeySecret, String securityToken) {
    this.accessKeyId = requireText(accessKeyId, "accessKeyId");
    this.accessKeySecret = requireText(accessKeySecret, "accessKeySecret");
    this.securityToken = securityToken;
  }

  /** A temporary key; {@code securityToken} null makes it a permanent (non-STS) key. */
  public static StsKey of(String accessKeyId, String accessKeySecret, String securityToken) {
    return new StsKey(accessKeyId, accessKeySecret, securityToken);
  }

  /** Fresh random STS-shaped credentials, so no two emulators share a usable key by accident. */
  public static StsKey random() {
    return new StsKey("STS." + randomText(24), randomText(30), "CAIS" + randomText(80));
  }

  @Override
  public String getAccessKeyId() {
    return accessKeyId;
  }

  @Override
  public String getAccessKeySecret() {
    return accessKeySecret;
  }

  @Override
  public String getSecurityToken() {
    return securityToken;
  }

  public Optional<String> securityToken() {
    return Optional.ofNullable(securityToken);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof StsKey)) {
      return false;
    }
    StsKey that = (StsKey) other;
    return accessKeyId.equals(that.accessKeyId)
        && accessKeySecret.equals(that.accessKeySecret)
        && Objects.equals(securityToken, that.securityToken);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accessKeyId, accessKeySecret, securityToken);
  }

  /** The secret and the token never reach a log or an assertion message. */
  @Override
  public String toString() {
    return "StsKey{" + accessKeyId + ", secret=***" + (securityToken == null ? "" : ", token=***") + "}";
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  private static String randomText(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return text.toString();
  }
}
