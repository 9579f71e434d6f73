package chatops.local.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.config.Variable;
import chatops.local.LocalStack;
import chatops.local.ecs.InstanceStatus;
import chatops.local.slack.SlashCommandRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Function Compute delivers an async job at least once: the same payload can arrive as a second
 * or third event with a retry count of 0, even at the same moment. Start and stop are safe by
 * their nature (ECS refuses to start a running instance); a reboot is not, since a Running
 * instance can always be rebooted again. Every test counts the changes ECS actually began.
 */
class DuplicateJobTest {
  private static LocalStack local;
  private static Platform platform;

  @BeforeAll
  static void start() {
    local = HostileStack.builder().set(Variable.ECS_CMD_CODE, null).start();
    platform = new Platform(local);
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void aRebootDeliveredAgainAfterItFinishedRebootsOnce() throws InterruptedException {
    try (ChangeWatch watch = new ChangeWatch(local.ecs(), List.of("i-a1"))) {
      SlashCommandRequest command = local.command("reboot i-a1").build();
      local.send(command);
      platform.awaitIdle();

      platform.deliver(platform.jobOf(command));
      platform.awaitIdle();

      assertEquals(1, watch.changes("i-a1"), "reboots begun");
      assertAllSay(command, 2, "1 of 1 Running");
    }
  }

  @Test
  void aRebootDeliveredThreeTimesAtOnceRebootsOnce() throws InterruptedException {
    try (ChangeWatch watch = new ChangeWatch(local.ecs(), List.of("i-a3"))) {
      SlashCommandRequest command = local.command("reboot i-a3").build();
      local.send(command);
      byte[] job = platform.jobOf(command);
      platform.deliver(job);
      platform.deliver(job);
      platform.awaitIdle();

      assertEquals(1, watch.changes("i-a3"), "reboots begun");
      assertAllSay(command, 3, "1 of 1 Running");
    }
  }

  @Test
  void aStopDeliveredThreeTimesAtOnceStopsOnceAndEveryMessageAgrees() throws InterruptedException {
    try (ChangeWatch watch = new ChangeWatch(local.ecs(), List.of("i-a5"))) {
      SlashCommandRequest command = local.command("stop i-a5").build();
      local.send(command);
      byte[] job = platform.jobOf(command);
      platform.deliver(job);
      platform.deliver(job);
      platform.awaitIdle();

      assertEquals(1, watch.changes("i-a5"), "stops begun");
      assertEquals(InstanceStatus.STOPPED, local.ecs().instance("i-a5").orElseThrow().status());
      assertAllSay(command, 3, "1 of 1 Stopped");
    }
  }

  /** Every delivery posts a result, and every result says the same. */
  private static void assertAllSay(SlashCommandRequest command, int deliveries, String summary)
      throws InterruptedException {
    List<JsonNode> messages = local.slack().awaitMessages(command.responseUrl(), deliveries, Duration.ofSeconds(20));
    assertEquals(deliveries, messages.size(), () -> "one result per delivery: " + messages);
    for (JsonNode message : messages) {
      String text = message.path("text").asText();
      assertTrue(text.contains(summary), () -> "every delivery reports the same outcome: " + text);
    }
  }
}
