package chatops.local;

import chatops.local.ecs.EcsInstance;
import chatops.local.ecs.InstanceStatus;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --serve}: the Front stays up for requests from outside (curl, or a real Slack app through
 * a tunnel) until the process is stopped. Their results go to Slack, not here, so what is shown is
 * the functions' log lines and every state change of the emulated instances.
 */
final class ServeMode {
  private final LocalStack stack;
  private final Transcript transcript;
  private final Optional<Integer> requestedPort;

  ServeMode(LocalStack stack, Transcript transcript, Optional<Integer> requestedPort) {
    this.stack = stack;
    this.transcript = transcript;
    this.requestedPort = requestedPort;
  }

  /** Returns only when interrupted; Ctrl-C ends the JVM, whose shutdown hook stops the stack. */
  int serve() throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stack.close();
      stopped.countDown();
    }, "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    transcript.line("");
    requestedPort.ifPresent(port -> transcript.line("--port " + port + " cannot be honoured: the FC emulator listens on"
        + " an ephemeral port only. Use the port below."));
    transcript.line("Serving the Front at " + stack.frontUrl());
    transcript.line("  Slack app: Request URL = your tunnel's https address + " + path(stack.frontUrl()));
    transcript.line("  Signing secret: SLACK_SIGNING_SECRET. Results go to each command's response_url on"
        + " hooks.slack.com, so they show in Slack, not here.");
    transcript.line("Function log lines and instance state changes follow. Ctrl-C stops.");
    ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "demo-fleet-watcher");
      thread.setDaemon(true);
      return thread;
    });
    try {
      if (stack.realEcs().isEmpty()) {
        Map<String, InstanceStatus> last = new HashMap<>();
        stack.ecs().instances().forEach(instance -> last.put(instance.instanceId(), instance.status()));
        watcher.scheduleWithFixedDelay(() -> showChanges(last), 250, 250, TimeUnit.MILLISECONDS);
      }
      stopped.await();
      return 0;
    } finally {
      watcher.shutdownNow();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is what is running: nothing to remove.
      }
    }
  }

  private void showChanges(Map<String, InstanceStatus> last) {
    for (EcsInstance instance : stack.ecs().instances()) {
      InstanceStatus before = last.put(instance.instanceId(), instance.status());
      if (before != instance.status()) {
        transcript.line("  " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " ECS " + instance.instanceId() + " ("
            + instance.name() + "): " + (before == null ? "new" : before.apiName()) + " -> "
            + instance.status().apiName());
      }
    }
  }

  private static String path(String url) {
    int slash = url.indexOf('/', url.indexOf("//") + 2);
    return slash < 0 ? "/" : url.substring(slash);
  }
}
