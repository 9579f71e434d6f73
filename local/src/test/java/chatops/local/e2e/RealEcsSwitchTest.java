package chatops.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.local.ecs.EcsEmulator;
import chatops.local.ecs.EcsInstance;
import chatops.local.ecs.InstanceStatus;
import chatops.local.ecs.TransitionTimes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --real-ecs} without the cloud: an ECS emulator started here stands in for Alibaba Cloud,
 * reached through {@code --ecs-endpoint} and accepting only the RAM user's static key. It shows
 * the switch wiring (the key from the environment becomes the Execution's legacy key, the stack's
 * own emulator is not used); whether real ECS accepts the same calls is not tested here.
 */
class RealEcsSwitchTest {
  private static final String KEY_ID = "LTAI5tRamUserForTests";
  private static final String KEY_SECRET = "ram-user-secret-for-tests";

  @Test
  void theExecutionSignsWithTheGivenKeyAtTheGivenEndpoint() throws Exception {
    try (EcsEmulator cloud = EcsEmulator.builder().transitionTimes(TransitionTimes.of(Stack.TRANSITION, Stack.TRANSITION)).start()) {
      cloud.addAccessKey(KEY_ID, KEY_SECRET);
      cloud.seed(EcsInstance.builder("i-bp1cloudonly1", "cn-shanghai").status(InstanceStatus.STOPPED).build());

      DemoRunnerTest.Run run = DemoRunnerTest.Run.of(
          List.of("--real-ecs", "--region", "cn-shanghai", "--ecs-endpoint", "http://" + cloud.endpoint(),
              "--command", "/ecs start i-bp1cloudonly1"),
          "", Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", KEY_SECRET));

      assertEquals(0, run.status, run.out);
      assertTrue(run.out.contains("ECS        REAL Alibaba Cloud in cn-shanghai"), run.out);
      assertTrue(run.out.contains("`i-bp1cloudonly1`: Stopped → Running"), run.out);
      assertEquals(InstanceStatus.RUNNING, cloud.instance("i-bp1cloudonly1").orElseThrow().status());
      assertEquals(1, cloud.calls("StartInstances"));
      assertFalse(run.out.contains(KEY_SECRET), "the key's secret is never printed");
      assertFalse(run.out.contains(KEY_ID), "nor its full ID");
    }
  }
}
