package chatops.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.config.Variable;
import chatops.local.ecs.EcsInstance;
import chatops.local.ecs.InstanceStatus;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What must never reach ECS. Each refusal gets the reply Slack would show (a bare 401 for what
 * is not Slack's, an ephemeral explanation for the rest) and not one ECS request: the Front
 * refuses before queueing a job, so the Execution never runs.
 *
 * <p>The unknown instance is the exception that defines "zero" here: it passes every rule the
 * Front can check, so the job runs and the Execution's describe is one ECS read. Zero means zero
 * change calls; the result says the instance was not found.
 */
class RefusalTest {
  private static final String ALLOWED_USER = "U0001";
  /** ECS_INSTANCES is read when the stack starts, so these IDs are fixed rather than seeded fresh. */
  private static final String ALLOWED = "i-refusalok1";
  private static final String NOT_ALLOWED = "i-refusalno1";
  private static Stack stack;

  @BeforeAll
  static void start() {
    stack = Stack.start(Stack.builder()
        .set(Variable.ALLOWED_USERS, ALLOWED_USER)
        .set(Variable.ECS_INSTANCES, ALLOWED + ",i-refusalgone1"));
    stack.ecs().seed(EcsInstance.builder(ALLOWED, Stack.REGION).status(InstanceStatus.STOPPED).build(),
        EcsInstance.builder(NOT_ALLOWED, Stack.REGION).status(InstanceStatus.STOPPED).build());
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
  void nothingWasChanged() throws InterruptedException {
    stack.awaitJobsDone();
    assertEquals(0, stack.changeCalls(), "no change call reached ECS");
    assertEquals(InstanceStatus.STOPPED, stack.status(ALLOWED));
    assertEquals(InstanceStatus.STOPPED, stack.status(NOT_ALLOWED));
  }

  @Test
  void aBadSignatureIsABare401AndReachesNothing() throws InterruptedException {
    Exchange exchange = stack.send(stack.command("start " + ALLOWED).build().signedWith("not-the-secret"));

    assertEquals(401, exchange.reply().status());
    assertEquals("", exchange.reply().bodyText(), "an unverified caller learns nothing");
    assertNothingQueued();
  }

  @Test
  void aReplayedRequestOutsideFiveMinutesIsA401() throws InterruptedException {
    long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();

    Exchange exchange = stack.send(stack.command("start " + ALLOWED).build().withTimestamp(sixMinutesAgo));

    assertEquals(401, exchange.reply().status());
    assertNothingQueued();
  }

  @Test
  void aCommandFromAnotherChannelIsRefusedToTheUserOnly() throws InterruptedException {
    Exchange exchange = stack.send(stack.command("start " + ALLOWED).channel("C0RANDOM", "random").build());

    assertEquals(200, exchange.reply().status());
    assertEquals("ephemeral", exchange.replyType());
    assertTrue(exchange.replyText().contains("channel where /ecs is enabled"), exchange.replyText());
    assertNothingQueued();
  }

  @Test
  void aUserWhoMayNotChangeInstancesIsRefused() throws InterruptedException {
    Exchange exchange = stack.send(stack.command("start " + ALLOWED).user("U0MALLORY", "mallory").build());

    assertEquals("ephemeral", exchange.replyType());
    assertTrue(exchange.replyText().contains("Ask someone who may change instances"), exchange.replyText());
    assertNothingQueued();
  }

  @Test
  void aUserWhoMayNotChangeInstancesMayStillAskForStatus() throws InterruptedException {
    Exchange exchange = stack.send(stack.command("status " + ALLOWED).user("U0MALLORY", "mallory").build());

    assertEquals("in_channel", exchange.replyType());
    assertTrue(exchange.result().contains("*Stopped*"));
  }

  @Test
  void anInstanceOutsideTheAllowListIsRefused() throws InterruptedException {
    Exchange exchange = stack.send("start " + NOT_ALLOWED);

    assertEquals("ephemeral", exchange.replyType());
    assertTrue(exchange.replyText().contains(NOT_ALLOWED), exchange.replyText());
    assertNothingQueued();
  }

  @Test
  void aCommandThatDoesNotParseIsExplainedWithTheUsage() throws InterruptedException {
    Exchange exchange = stack.send("start i-NOT_AN_ID");

    assertEquals("ephemeral", exchange.replyType());
    assertTrue(exchange.replyText().contains("/ecs start INSTANCE-ID"), exchange.replyText());
    assertNothingQueued();
  }

  @Test
  void anUnknownInstanceIsReadOnceAndNeverChanged() throws InterruptedException {
    Exchange exchange = stack.send("start i-refusalgone1");

    assertEquals("in_channel", exchange.replyType(), "the Front cannot know the instance is gone");
    String result = exchange.result();
    assertTrue(result.contains("`i-refusalgone1`: not found in `" + Stack.REGION + "`"), result);
    stack.awaitJobsDone();
    assertEquals(1, stack.ecs().calls("DescribeInstances"), "one read, no change");
  }

  private static void assertNothingQueued() throws InterruptedException {
    stack.awaitJobsDone();
    assertEquals(0, stack.executions().size(), "no job was queued");
    assertEquals(0, stack.ecsRequests(), "not one request reached ECS");
  }
}
