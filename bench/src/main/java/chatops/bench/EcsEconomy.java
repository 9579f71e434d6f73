package chatops.bench;

import chatops.bench.cold.HarnessContext;
import chatops.config.ResponseUrlPolicy;
import chatops.ecs.EcsAction;
import chatops.execution.ExecutionHandler;
import chatops.job.Job;
import chatops.job.JobCodec;
import chatops.local.ecs.EcsEmulator;
import chatops.local.ecs.EcsInstance;
import chatops.local.ecs.InstanceStatus;
import chatops.local.ecs.TransitionTimes;
import chatops.local.slack.ReceivedPost;
import chatops.local.slack.SlackEmulator;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One {@code /ecs start} of N stopped instances that take 30 s to boot, run in real time by the
 * real Execution handler (its worker, the aliyun-java-sdk-ecs gateway, the OkHttp poster) against
 * the ECS emulator, which counts every call, and the Slack emulator, which stamps the result's
 * arrival. A watcher samples the emulator every 10 ms for the moment the last instance is Running.
 */
final class EcsEconomy {
  static final Duration BOOT = Duration.ofSeconds(30);
  /** InstanceWaiter's longest pause between polls (1 s, doubling, then 5 s). */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
  private static final String REGION = "cn-hangzhou";
  private static final String[] STS = {"STS.bench-key", "bench-sts-secret", "bench-sts-token"};

  final int instances;
  int startCalls;
  int describeCalls;
  int otherCalls;
  /** Target state reached (seen by the watcher) to the result's arrival at Slack. */
  Duration reachedToSlack;
  String resultFirstLine;

  private EcsEconomy(int instances) {
    this.instances = instances;
  }

  /** Runs the jobs side by side, each against its own emulators, so their calls are counted apart. */
  static List<EcsEconomy> run(int... sizes) throws Exception {
    List<CompletableFuture<EcsEconomy>> runs = new ArrayList<>();
    for (int size : sizes) {
      runs.add(CompletableFuture.supplyAsync(() -> {
        try {
          return new EcsEconomy(size).once();
        } catch (Exception e) {
          throw new IllegalStateException("ECS economy run with " + size + " instances failed", e);
        }
      }));
    }
    List<EcsEconomy> done = new ArrayList<>();
    for (CompletableFuture<EcsEconomy> run : runs) done.add(run.get());
    return done;
  }

  private EcsEconomy once() throws Exception {
    try (EcsEmulator ecs = EcsEmulator.builder().transitionTimes(TransitionTimes.of(BOOT, BOOT)).start();
        SlackEmulator slack = SlackEmulator.builder().start()) {
      ecs.addStsAccessKey(STS[0], STS[1], STS[2]);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        String id = "i-econ" + instances + "x" + i;
        ids.add(id);
        ecs.seed(EcsInstance.builder(id, REGION).status(InstanceStatus.STOPPED).build());
      }
      ExecutionHandler handler = new ExecutionHandler(Map.of(
          "ECS_REGION", REGION,
          "ECS_ENDPOINT", "http://" + ecs.endpoint(),
          "ECS_MAX_INSTANCES", "100"), ResponseUrlPolicy.loopbackForLocalStack());
      String responseUrl = slack.command("/ecs", "start").build().responseUrl();
      byte[] payload = new JobCodec().write(job(ids, responseUrl));

      Log log = new Log();
      CompletableFuture<Void> execution = CompletableFuture.runAsync(() -> {
        try {
          handler.handleRequest(new ByteArrayInputStream(payload), new ByteArrayOutputStream(),
              new HarnessContext("econ-" + instances, 300_000, log));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Instant reached = awaitAllRunning(ecs, execution);
      execution.get();
      if (!log.problems.isEmpty()) throw new IllegalStateException("the job logged problems: " + log.problems);

      ReceivedPost result = slack.posts().stream().filter(p -> p.responseUrl().equals(responseUrl)).findFirst()
          .orElseThrow(() -> new IllegalStateException("no result reached Slack"));
      reachedToSlack = Duration.between(reached, result.receivedAt());
      resultFirstLine = result.bodyText().length() > 120 ? result.bodyText().substring(0, 120) : result.bodyText();
      startCalls = ecs.calls("StartInstances");
      describeCalls = ecs.calls("DescribeInstances") + ecs.calls("DescribeInstanceStatus");
      otherCalls = ecs.totalCalls() - startCalls - describeCalls;
      return this;
    }
  }

  private static Job job(List<String> ids, String responseUrl) {
    return Job.builder().jobId(UUID.randomUUID().toString()).action(EcsAction.START).instanceIds(ids)
        .region(null).force(false).dryRun(false).teamId("T0001").channelId("C0001").channelName("ops")
        .userId("U0001").userName("alice").responseUrl(responseUrl).issuedAt(Instant.now()).build();
  }

  private static Instant awaitAllRunning(EcsEmulator ecs, CompletableFuture<Void> execution) throws InterruptedException {
    while (!execution.isDone()) {
      if (ecs.instances().stream().allMatch(i -> i.status() == InstanceStatus.RUNNING)) return Instant.now();
      Thread.sleep(10);
    }
    throw new IllegalStateException("the job ended before every instance was Running");
  }

  /** Keeps the handler's audit lines out of the report; a warning or error fails the run. */
  private static final class Log implements FunctionComputeLogger {
    final List<String> problems = new CopyOnWriteArrayList<>();

    @Override public void trace(String line) { }
    @Override public void debug(String line) { }
    @Override public void info(String line) { }
    @Override public void warn(String line) { problems.add(line); }
    @Override public void error(String line) { problems.add(line); }
    @Override public void fatal(String line) { problems.add(line); }
    @Override public void setLogLevel(Level level) { }
  }
}
