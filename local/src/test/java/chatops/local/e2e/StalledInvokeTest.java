package chatops.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.local.ecs.InstanceStatus;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When FC's invoke API hangs or fails, the Front must still answer inside Slack's 3 s, and say
 * that nothing was started, rather than leave the user with Slack's timeout. The Front bounds the
 * invoke at 1.5 s, so the answer comes well within 2 s.
 */
class StalledInvokeTest {
  private static final Duration BOUND = Duration.ofMillis(2000);
  private static Stack stack;

  @BeforeAll
  static void start() throws InterruptedException {
    stack = Stack.start();
    // Warm: the bound is about the invoke, not the Front's first start (ReplyBudgetTest covers that).
    stack.send("help");
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @BeforeEach
  void quiesce() throws InterruptedException {
    stack.quiesce();
  }

  @AfterEach
  void release() {
    stack.fc().resetFaults();
  }

  @Test
  void aHangingInvokeIsAnEphemeralErrorWithinTwoSeconds() throws InterruptedException {
    String id = stack.seed(InstanceStatus.STOPPED);
    stack.fc().stallInvokesUntilReset();

    Exchange exchange = stack.send("start " + id);

    assertTrue(exchange.reply().latency().compareTo(BOUND) < 0, "answered within 2 s: " + exchange);
    assertEquals(200, exchange.reply().status());
    assertEquals("ephemeral", exchange.replyType());
    assertTrue(exchange.replyText().contains("Could not confirm that the job started"), exchange.replyText());
    stack.fc().resetFaults();
    stack.awaitJobsDone();
    assertEquals(0, stack.executions().size(), "the held invoke was never queued");
    assertEquals(0, stack.ecsRequests());
    assertEquals(InstanceStatus.STOPPED, stack.status(id));
  }

  @Test
  void anInvokeApiAnsweringErrorsIsAnEphemeralError() throws InterruptedException {
    String id = stack.seed(InstanceStatus.STOPPED);
    stack.fc().failNextInvokes(5);

    Exchange exchange = stack.send("start " + id);

    assertTrue(exchange.reply().latency().compareTo(BOUND) < 0, "answered within 2 s: " + exchange);
    assertEquals("ephemeral", exchange.replyType());
    assertTrue(exchange.replyText().contains("nothing was changed"), exchange.replyText());
    stack.awaitJobsDone();
    assertEquals(0, stack.ecsRequests());
  }

  @Test
  void theNextCommandAfterTheStallGoesThrough() throws InterruptedException {
    String id = stack.seed(InstanceStatus.STOPPED);
    stack.fc().stallInvokesUntilReset();
    stack.send("start " + id);
    stack.fc().resetFaults();

    Exchange exchange = stack.send("start " + id);

    assertEquals("in_channel", exchange.replyType());
    assertTrue(exchange.result().contains("Stopped → Running"));
  }
}
