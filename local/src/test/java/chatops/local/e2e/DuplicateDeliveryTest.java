package chatops.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.config.AccessKey;
import chatops.front.FcExecutionInvoker;
import chatops.front.InvokeFailedException;
import chatops.local.LocalStack;
import chatops.local.ecs.InstanceStatus;
import chatops.local.fc.Invocation;
import chatops.local.fc.StsKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FC delivers an async job at least once: it retries a failed run, and may hand the same event
 * over twice. The Execution reads states before changing anything, so a second delivery changes
 * nothing and reports the same outcome: every message says the instance is Running, whichever
 * delivery posts first.
 */
class DuplicateDeliveryTest {
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
  void aJobFcRunsAgainAfterItsReportFailedChangesTheInstanceOnce() throws InterruptedException {
    String id = stack.seed(InstanceStatus.STOPPED);
    // Every attempt of the first run's post fails, so the run fails and FC runs the job again.
    stack.local().slack().failNextPosts(3);

    Exchange exchange = stack.send("start " + id);

    List<String> results = exchange.results(1);
    stack.awaitJobsDone();
    Invocation job = stack.executions().get(0);
    assertEquals(2, job.attempts(), "FC ran the job a second time");
    assertEquals(Invocation.Outcome.SUCCEEDED, job.outcome());
    assertEquals(1, stack.ecs().calls("StartInstances"), "the rerun did not start it again");
    assertEquals(1, exchange.messagesSoFar().size());
    assertTrue(results.get(0).contains("1 of 1 Running"), results.get(0));
    assertTrue(results.get(0).contains("delivered again by Function Compute"), results.get(0));
    assertEquals(InstanceStatus.RUNNING, stack.status(id));
  }

  @Test
  void theSameJobDeliveredAgainAfterItFinishedChangesNothing() throws Exception {
    String id = stack.seed(InstanceStatus.STOPPED);
    Exchange exchange = stack.send("start " + id);
    exchange.result();
    stack.awaitJobsDone();

    deliverAgain(stack.executions().get(0));

    List<String> results = exchange.results(2);
    stack.awaitJobsDone();
    assertEquals(1, stack.ecs().calls("StartInstances"));
    assertEquals(2, stack.executions().size());
    for (String result : results) assertTrue(result.contains("1 of 1 Running"), result);
  }

  @Test
  void theSameJobDeliveredAgainWhileTheInstanceStartsChangesNothing() throws Exception {
    String id = stack.seed(InstanceStatus.STOPPED);
    Exchange exchange = stack.send("start " + id);
    awaitStarting(id);

    deliverAgain(stack.executions().get(0));

    List<String> results = exchange.results(2);
    stack.awaitJobsDone();
    assertEquals(1, stack.ecs().calls("StartInstances"));
    for (String result : results) assertTrue(result.contains("1 of 1 Running"), result);
    assertEquals(InstanceStatus.RUNNING, stack.status(id));
  }

  /** Invokes the Execution with the job's exact payload, as the Front does: the real FC SDK, the role's key. */
  private static void deliverAgain(Invocation job) throws InvokeFailedException {
    StsKey role = stack.fc().roleKey();
    FcExecutionInvoker invoker = new FcExecutionInvoker(stack.fc().endpoint(), stack.fc().accountId(),
        stack.fc().region(), LocalStack.EXECUTION_SERVICE, LocalStack.EXECUTION_FUNCTION);
    invoker.invokeAsync(job.payload(),
        AccessKey.of(role.getAccessKeyId(), role.getAccessKeySecret(), role.getSecurityToken()));
  }

  private static void awaitStarting(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (stack.status(id) != InstanceStatus.STARTING) {
      if (System.nanoTime() > deadline) throw new AssertionError(id + " never started: " + stack.status(id));
      Thread.sleep(10);
    }
  }
}
