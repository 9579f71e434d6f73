package chatops.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EcsEndpointTest {
  @Test
  void withoutAnOverrideCallsGoOverHttpsToTheRegionsOwnEndpoint() {
    EcsEndpoint endpoint = EcsEndpoint.from(Optional.empty());
    assertTrue(endpoint.https());
    assertEquals(Optional.empty(), endpoint.override());
  }

  @Test
  void anOverrideSetsHostPortAndProtocol() {
    EcsEndpoint local = EcsEndpoint.from(Optional.of("http://127.0.0.1:9001"));
    assertFalse(local.https());
    assertEquals(Optional.of("127.0.0.1:9001"), local.override());

    EcsEndpoint proxy = EcsEndpoint.from(Optional.of("https://ecs-vpc.cn-hangzhou.aliyuncs.com/"));
    assertTrue(proxy.https());
    assertEquals(Optional.of("ecs-vpc.cn-hangzhou.aliyuncs.com"), proxy.override());
  }
}
