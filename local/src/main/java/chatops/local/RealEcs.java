package chatops.local;

import chatops.config.AccessKey;
import chatops.ecs.Regions;
import java.util.Objects;
import java.util.Optional;

/**
 * Real Alibaba Cloud ECS in place of the emulator: a region, an optional endpoint override and
 * the static key the Execution function signs with (its legacy {@code ACCESS_KEY_ID}/{@code
 * ACCESS_KEY_SECRET}), since no function role exists on this machine.
 */
public final class RealEcs {
  private final String region;
  private final String endpoint;
  private final AccessKey key;

  private RealEcs(String region, String endpoint, AccessKey key) {
    if (region == null || !Regions.isValid(region)) {
      throw new IllegalArgumentException("not a region ID such as cn-hangzhou");
    }
    this.region = region;
    this.endpoint = endpoint;
    this.key = Objects.requireNonNull(key, "key");
  }

  /** @param endpointOrNull {@code https://ecs.REGION.aliyuncs.com} style override; null = the SDK's own */
  public static RealEcs of(String region, String endpointOrNull, AccessKey key) {
    return new RealEcs(region, endpointOrNull, key);
  }

  public String region() {
    return region;
  }

  public Optional<String> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  public AccessKey key() {
    return key;
  }

  /** The key shows as AccessKey's own redacted form. */
  @Override
  public String toString() {
    return "RealEcs{" + region + ", endpoint=" + endpoint().orElse("regional") + ", key=" + key + "}";
  }
}
