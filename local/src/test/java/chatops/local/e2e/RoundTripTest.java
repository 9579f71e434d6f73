package chatops.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.local.ecs.InstanceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each sub-command through the whole flow: Slack signs and posts it, the Front accepts it and
 * queues a job with FC, the Execution calls the ECS emulator with the role's STS key and posts the
 * result to the response URL. The instance really changes state, and the message says so.
 */
class RoundTripTest {
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
  void startBringsAStoppedInstanceToRunning() throws InterruptedException {
    String id = stack.seed(InstanceStatus.STOPPED);

    Exchange exchange = stack.send("start " + id);

    assertEquals(200, exchange.reply().status());
    assertEquals("in_channel", exchange.replyType());
    assertTrue(exchange.replyText().contains("<@U0001> asked to *start* `" + id + "`"), exchange.replyText());
    String result = exchange.result();
    assertTrue(result.contains("`" + id + "`: Stopped → Running"), result);
    assertEquals(InstanceStatus.RUNNING, stack.status(id));
    assertEquals(1, stack.ecs().calls("StartInstances"));
    assertEquals(1, stack.changeCalls());
  }

  @Test
  void stopBringsARunningInstanceToStopped() throws InterruptedException {
    String id = stack.seed(InstanceStatus.RUNNING);

    Exchange exchange = stack.send("stop " + id);

    assertEquals("in_channel", exchange.replyType());
    String result = exchange.result();
    assertTrue(result.contains("`" + id + "`: Running → Stopped"), result);
    assertEquals(InstanceStatus.STOPPED, stack.status(id));
    assertEquals(1, stack.ecs().calls("StopInstances"));
    assertEquals(1, stack.changeCalls());
  }

  @Test
  void forcedStopReachesEcsAsForceStop() throws InterruptedException {
    String id = stack.seed(InstanceStatus.RUNNING);

    stack.send("stop " + id + " --force").result();

    assertEquals(InstanceStatus.STOPPED, stack.status(id));
    assertEquals("true", stack.ecs().lastParameters("StopInstances").orElseThrow().get("ForceStop"));
  }

  @Test
  void rebootPassesThroughStoppingAndEndsRunning() throws InterruptedException {
    String id = stack.seed(InstanceStatus.RUNNING);

    Exchange exchange = stack.send("reboot " + id);

    String result = exchange.result();
    assertTrue(result.contains("`" + id + "`: Running → Running"), result);
    assertEquals(InstanceStatus.RUNNING, stack.status(id));
    assertEquals(1, stack.ecs().calls("RebootInstances"));
    assertEquals(1, stack.changeCalls());
  }

  @Test
  void startingSeveralInstancesChangesThemInOneCall() throws InterruptedException {
    String first = stack.seed(InstanceStatus.STOPPED);
    String second = stack.seed(InstanceStatus.STOPPED);

    String result = stack.send("start " + first + " " + second).result();

    assertTrue(result.contains("2 of 2 Running"), result);
    assertEquals(InstanceStatus.RUNNING, stack.status(first));
    assertEquals(InstanceStatus.RUNNING, stack.status(second));
    assertEquals(1, stack.ecs().calls("StartInstances"));
  }

  @Test
  void statusReportsStatesAndChangesNothing() throws InterruptedException {
    String running = stack.seed(InstanceStatus.RUNNING);
    String stopped = stack.seed(InstanceStatus.STOPPED);

    Exchange exchange = stack.send("status " + running + " " + stopped);

    assertEquals("in_channel", exchange.replyType());
    String result = exchange.result();
    assertTrue(result.contains("`" + running + "`: *Running*"), result);
    assertTrue(result.contains("`" + stopped + "`: *Stopped*"), result);
    stack.awaitJobsDone();
    assertEquals(0, stack.changeCalls());
    assertEquals(InstanceStatus.STOPPED, stack.status(stopped));
  }

  @Test
  void listShowsTheRegionsInstancesAndChangesNothing() throws InterruptedException {
    String running = stack.seed(InstanceStatus.RUNNING);
    String stopped = stack.seed(InstanceStatus.STOPPED);

    String result = stack.send("list").result();

    assertTrue(result.contains("*list* in `" + Stack.REGION + "`"), result);
    assertTrue(result.contains("`" + running + "`: *Running*"), result);
    assertTrue(result.contains("`" + stopped + "`: *Stopped*"), result);
    stack.awaitJobsDone();
    assertEquals(0, stack.changeCalls());
  }

  @Test
  void listInAnotherRegionShowsOnlyThatRegion() throws InterruptedException {
    String hangzhou = stack.seed(InstanceStatus.RUNNING);

    String result = stack.send("list ap-northeast-1").result();

    assertTrue(result.contains("*list* in `ap-northeast-1`"), result);
    assertTrue(!result.contains(hangzhou), result);
  }

  @Test
  void helpIsAnsweredByTheFrontAloneAndOnlyToTheUser() throws InterruptedException {
    Exchange exchange = stack.send("help");

    assertEquals(200, exchange.reply().status());
    assertEquals("ephemeral", exchange.replyType());
    assertTrue(exchange.replyText().contains("/ecs start INSTANCE-ID"), exchange.replyText());
    stack.awaitJobsDone();
    assertEquals(0, stack.executions().size(), "help queues no job");
    assertEquals(0, stack.ecsRequests());
    assertEquals(0, exchange.messagesSoFar().size());
  }

  @Test
  void everyResultIsPostedToTheWholeChannel() throws InterruptedException {
    String id = stack.seed(InstanceStatus.RUNNING);

    Exchange exchange = stack.send("status " + id);
    exchange.result();

    assertEquals(java.util.List.of("in_channel"), exchange.resultTypes());
  }
}
