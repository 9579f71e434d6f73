package chatops.execution;

import chatops.config.ExecutionSettings;
import chatops.ecs.EcsAction;
import chatops.job.Job;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Jobs as the Front writes them, and a worker wired to a fake fleet and clock. */
final class Jobs {
  static final String RESPONSE_URL = "https://hooks.slack.com/commands/T0001/123/secretpart";

  private Jobs() {}

  static Job.Builder builder(EcsAction action, String... instanceIds) {
    return Job.builder().jobId("job-1").action(action).instanceIds(List.of(instanceIds)).teamId("T0001")
        .channelId("C0001").channelName("ops").userId("U0001").userName("alice").responseUrl(RESPONSE_URL)
        .issuedAt(FakeClock.START);
  }

  static Job job(EcsAction action, String... instanceIds) {
    return builder(action, instanceIds).build();
  }

  static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("ECS_REGION", "cn-hangzhou");
    for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
    return env;
  }

  /** Retries as in production (0.2 s to 3 s, 6 calls), with the jitter fixed at its middle. */
  static Retrier retrier(FakeClock clock) {
    return new Retrier(clock, clock.sleeper(), () -> 0.5, Duration.ofMillis(200), Duration.ofSeconds(3), 6);
  }

  static JobRunner runner(EcsGateway gateway, FakeClock clock, String... envPairs) {
    return new JobRunner(gateway, retrier(clock), clock, clock.sleeper(), ExecutionSettings.from(env(envPairs)));
  }
}
