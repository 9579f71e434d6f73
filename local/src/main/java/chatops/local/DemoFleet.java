package chatops.local;

import chatops.local.ecs.EcsInstance;
import chatops.local.ecs.InstanceStatus;
import java.util.List;

/**
 * The instances the local stack seeds unless told otherwise: a few in two regions, some running
 * and some stopped, so that every sub-command has something to act on. The IDs carry the prefixes
 * real instances have in those regions ({@code i-bp1} in Hangzhou, {@code i-6we} in Tokyo).
 */
public final class DemoFleet {
  public static final String HANGZHOU = "cn-hangzhou";
  public static final String TOKYO = "ap-northeast-1";

  private DemoFleet() {}

  public static List<EcsInstance> instances() {
    return List.of(
        instance("i-bp1shopweb01", HANGZHOU, "shop-web-1", "cn-hangzhou-h", "ecs.g7.large", InstanceStatus.RUNNING)
            .tag("env", "prod").tag("app", "shop").build(),
        instance("i-bp1shopweb02", HANGZHOU, "shop-web-2", "cn-hangzhou-i", "ecs.g7.large", InstanceStatus.RUNNING)
            .tag("env", "prod").tag("app", "shop").build(),
        instance("i-bp1reports01", HANGZHOU, "reports-batch", "cn-hangzhou-h", "ecs.c7.xlarge", InstanceStatus.STOPPED)
            .tag("env", "staging").tag("app", "reports").build(),
        // The emulator wants zones written region + "-x"; Tokyo's real zones are ap-northeast-1a..c.
        instance("i-6wetokyoapi1", TOKYO, "tokyo-api", TOKYO + "-a", "ecs.g7.large", InstanceStatus.RUNNING)
            .tag("env", "prod").tag("app", "api").build(),
        instance("i-6wetokyodev1", TOKYO, "tokyo-dev", TOKYO + "-b", "ecs.t6-c1m2.large", InstanceStatus.STOPPED)
            .tag("env", "dev").build());
  }

  private static EcsInstance.Builder instance(String id, String region, String name, String zone, String type,
      InstanceStatus status) {
    return EcsInstance.builder(id, region).name(name).zoneId(zone).instanceType(type).status(status);
  }
}
