package chatops.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.local.ecs.InstanceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ECS throttles and fails now and then; the Execution retries what ECS says is worth retrying, so
 * the user sees the result and not the hiccup, and the instance is changed once. The faults hit
 * the next requests whatever they are, which for a change is the describe that reads states first.
 */
class EcsFaultsTest {
  private static Stack stack;

  @BeforeAll
  static void start() {
    stack = Stack.start();
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @BeforeEach
  void quiesce() throws InterruptedException {
    stack.quiesce();
  }

  @Test
  void throttlingIsWaitedOut() throws InterruptedException {
    String id = stack.seed(InstanceStatus.STOPPED);
    stack.ecs().faults().throttleNext(2);

    String result = stack.send("start " + id).result();

    assertTrue(result.contains("`" + id + "`: Stopped → Running"), result);
    assertEquals(InstanceStatus.RUNNING, stack.status(id));
    assertEquals(2, stack.ecs().rejections("Throttling.User"));
    assertEquals(1, stack.ecs().calls("StartInstances"));
  }

  @Test
  void serverErrorsAreRetried() throws InterruptedException {
    String id = stack.seed(InstanceStatus.RUNNING);
    stack.ecs().faults().internalErrorNext(1).serviceUnavailableNext(1);

    String result = stack.send("stop " + id).result();

    assertTrue(result.contains("`" + id + "`: Running → Stopped"), result);
    assertEquals(InstanceStatus.STOPPED, stack.status(id));
    assertEquals(1, stack.ecs().rejections("InternalError"));
    assertEquals(1, stack.ecs().rejections("ServiceUnavailable"));
    assertEquals(1, stack.ecs().calls("StopInstances"));
  }

  @Test
  void aStatusReadSurvivesThrottlingToo() throws InterruptedException {
    String id = stack.seed(InstanceStatus.RUNNING);
    stack.ecs().faults().throttleNext(1);

    String result = stack.send("status " + id).result();

    assertTrue(result.contains("`" + id + "`: *Running*"), result);
    assertEquals(1, stack.ecs().rejections("Throttling.User"));
  }
}
