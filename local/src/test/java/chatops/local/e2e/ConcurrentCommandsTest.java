package chatops.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.local.ecs.InstanceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A team typing at once: 50 users each start their own instance at the same moment. One Front
 * instance serves them all (FC's instance concurrency), every command is acknowledged within
 * Slack's 3 s, and every result reaches its own response URL.
 *
 * <p>FC's invoke API answers in 200 ms here, as it may under load, well inside the Front's 1.5 s
 * invoke budget. Without that the invokes finish so fast that how many overlap depends on the
 * machine, and a limit on concurrent invokes would show up only now and then.
 */
class ConcurrentCommandsTest {
  private static final int USERS = 50;
  private static final Duration INVOKE_LATENCY = Duration.ofMillis(200);
  private static Stack stack;

  @BeforeAll
  static void start() {
    stack = Stack.start();
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void fiftyUsersAtOnceAreAllAcknowledgedAndAllGetTheirResult() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < USERS; i++) ids.add(stack.seed(InstanceStatus.STOPPED));
    stack.fc().stallInvokes(INVOKE_LATENCY);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService slackUsers = Executors.newFixedThreadPool(USERS);
    List<Future<Exchange>> sent = new ArrayList<>();
    try {
      for (int i = 0; i < USERS; i++) {
        String id = ids.get(i);
        String user = "U1" + String.format("%03d", i);
        sent.add(slackUsers.submit(() -> {
          go.await();
          return stack.send(stack.command("start " + id).user(user, "user" + user.substring(1)).build());
        }));
      }
      go.countDown();
      List<Exchange> exchanges = new ArrayList<>();
      for (Future<Exchange> exchange : sent) exchanges.add(exchange.get());
      stack.fc().resetFaults();

      for (int i = 0; i < USERS; i++) {
        Exchange exchange = exchanges.get(i);
        assertEquals(200, exchange.reply().status(), "acknowledged in time: " + exchange);
        assertEquals("in_channel", exchange.replyType(), exchange.replyText());
        assertTrue(exchange.replyText().contains("<@U1" + String.format("%03d", i) + ">"), exchange.replyText());
      }
      for (int i = 0; i < USERS; i++) {
        String result = exchanges.get(i).result();
        assertTrue(result.contains("`" + ids.get(i) + "`: Stopped → Running"), result);
        assertEquals(InstanceStatus.RUNNING, stack.status(ids.get(i)));
      }
      stack.awaitJobsDone();
      assertEquals(USERS, stack.ecs().calls("StartInstances"));
    } finally {
      slackUsers.shutdownNow();
    }
  }
}
