package chatops.local.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.config.Variable;
import chatops.local.LocalStack;
import chatops.local.ecs.EcsInstance;
import chatops.local.ecs.InstanceStatus;
import chatops.local.fc.FcLogLine;
import chatops.local.fc.Invocation;
import chatops.local.slack.CommandReply;
import chatops.local.slack.SlashCommandRequest;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 200 commands from 20 users at once, at one Front: the users start together and each sends ten
 * commands back to back, as fast as the replies come, so twenty are in flight at any moment
 * (more than the Front's 16 invoke workers). Each user starts their own instance once and asks
 * for its status, the region's list or another's status the other nine times. Every command must be acknowledged in channel within Slack's 3 s and every
 * result delivered. The acknowledgement latencies' p50 and p99 are printed, not asserted: they
 * measure this machine as much as the code.
 */
class LoadTest {
  private static final int USERS = 20;
  private static final int COMMANDS_PER_USER = 10;

  @Test
  void twoHundredCommandsFromTwentyUsersAtOnceAreAllAcknowledgedAndAnswered() throws Exception {
    try (LocalStack local = HostileStack.builder().set(Variable.ECS_CMD_CODE, null).set(Variable.ECS_INSTANCES, null)
        .set(Variable.ALLOWED_USERS, null).start()) {
      List<SlashCommandRequest> requests = commands(local);
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService slack = Executors.newFixedThreadPool(USERS);
      List<Future<List<CommandReply>>> sent = new ArrayList<>();
      try {
        for (int user = 0; user < USERS; user++) {
          List<SlashCommandRequest> own = requests.subList(user * COMMANDS_PER_USER, (user + 1) * COMMANDS_PER_USER);
          sent.add(slack.submit(() -> {
            go.await();
            List<CommandReply> replies = new ArrayList<>();
            for (SlashCommandRequest request : own) replies.add(local.send(request));
            return replies;
          }));
        }
        go.countDown();
        long[] millis = new long[requests.size()];
        int i = 0;
        for (Future<List<CommandReply>> user : sent) {
          for (CommandReply reply : user.get()) {
            millis[i++] = reply.latency().toMillis();
            assertEquals(200, reply.status(), () -> "answered: " + reply);
            assertEquals("in_channel", reply.json().path("response_type").asText(), reply::toString);
            assertTrue(reply.latency().toMillis() < FaultRound.BUDGET_MILLIS, () -> "inside Slack's 3 s: " + reply);
          }
        }
        Arrays.sort(millis);
        System.out.printf("load: %d commands from %d users at once; acknowledgement p50 %d ms, p99 %d ms, max %d ms%n",
            millis.length, USERS, percentile(millis, 50), percentile(millis, 99), millis[millis.length - 1]);
        for (SlashCommandRequest request : requests) {
          assertEquals(1, local.slack().awaitMessages(request.responseUrl(), 1, Duration.ofSeconds(60)).size(),
              () -> "a result for " + request);
        }
        new Platform(local).awaitIdle();
        for (Invocation job : new Platform(local).executions()) {
          assertEquals(1, job.attempts(), () -> "no job failed and was run again: " + job);
        }
        List<FcLogLine> errors = local.fc().logLines().stream()
            .filter(line -> line.level() == FunctionComputeLogger.Level.ERROR).collect(Collectors.toList());
        assertEquals(List.of(), errors, "no function logged an error");
      } finally {
        slack.shutdownNow();
      }
    }
  }

  private static List<SlashCommandRequest> commands(LocalStack local) {
    List<SlashCommandRequest> requests = new ArrayList<>();
    for (int user = 0; user < USERS; user++) {
      local.ecs().seed(EcsInstance.builder(own(user), "cn-hangzhou").name("load-" + user).status(InstanceStatus.STOPPED).build());
    }
    for (int user = 0; user < USERS; user++) {
      String userId = String.format("U2%03d", user);
      for (int n = 0; n < COMMANDS_PER_USER; n++) {
        String text = n == 0 ? "start " + own(user) : n % 3 == 0 ? "list" : "status " + own((user + n) % USERS);
        requests.add(local.command(text).user(userId, "load" + user).build());
      }
    }
    return requests;
  }

  private static String own(int user) {
    return "i-load" + user;
  }

  private static long percentile(long[] sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
