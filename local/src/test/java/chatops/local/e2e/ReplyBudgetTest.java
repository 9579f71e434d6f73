package chatops.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.local.ecs.InstanceStatus;
import chatops.local.ecs.TransitionTimes;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Slack waits 3 s for the reply, cold start included, while an instance takes far longer to start:
 * the Front must answer once the job is queued, not once ECS is done. Instances here take 1.5 s,
 * so a Front that waited for ECS would be caught by the state at reply time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplyBudgetTest {
  private static final Duration SLACK_BUDGET = Duration.ofMillis(3000);
  private static final Duration SLOW = Duration.ofMillis(1500);
  private static Stack stack;

  @BeforeAll
  static void start() {
    stack = Stack.start(Stack.builder().transitionTimes(TransitionTimes.of(SLOW, SLOW)));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  @Order(1)
  void theFirstCommandOfAColdStackIsAnsweredBeforeTheInstanceStarts() throws InterruptedException {
    String id = stack.seed(InstanceStatus.STOPPED);

    Exchange exchange = stack.send("start " + id);
    InstanceStatus atReply = stack.status(id);

    assertTrue(exchange.reply().latency().compareTo(SLACK_BUDGET) < 0, "within Slack's 3 s: " + exchange);
    assertEquals("in_channel", exchange.replyType());
    assertNotEquals(InstanceStatus.RUNNING, atReply, "the reply did not wait for ECS");
    assertTrue(exchange.messagesSoFar().isEmpty(), "the result follows the reply");
    assertTrue(exchange.result().contains("Stopped → Running"));
    assertEquals(InstanceStatus.RUNNING, stack.status(id));
  }

  @Test
  @Order(2)
  void aWarmFrontAnswersAStopBeforeTheInstanceStops() throws InterruptedException {
    String id = stack.seed(InstanceStatus.RUNNING);

    Exchange exchange = stack.send("stop " + id);
    InstanceStatus atReply = stack.status(id);

    assertTrue(exchange.reply().latency().compareTo(SLACK_BUDGET) < 0, "within Slack's 3 s: " + exchange);
    assertNotEquals(InstanceStatus.STOPPED, atReply, "the reply did not wait for ECS");
    assertTrue(exchange.result().contains("Running → Stopped"));
  }
}
