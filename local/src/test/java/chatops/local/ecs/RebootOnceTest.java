package chatops.local.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.config.AccessKey;
import chatops.config.ExecutionSettings;
import chatops.ecs.EcsAction;
import chatops.execution.AliyunEcsGateway;
import chatops.execution.InstanceOutcome;
import chatops.execution.JobRunner;
import chatops.execution.Retrier;
import chatops.execution.Sleeper;
import chatops.job.Job;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Execution function's worker, through the real SDK gateway, against the emulator: the
 * StartTime the emulator writes is what the worker reads to reboot once per command.
 */
class RebootOnceTest {
  private Fixture fx;
  private JobRunner runner;

  @BeforeEach
  void start() throws IOException {
    fx = new Fixture();
    fx.seed("i-app1", InstanceStatus.RUNNING);
    AccessKey sts = AccessKey.of(Fixture.STS_KEY, Fixture.STS_SECRET, Fixture.STS_TOKEN);
    AliyunEcsGateway gateway = new AliyunEcsGateway(() -> sts, Optional.of(fx.emulator.url()));
    Sleeper sleeper = fx.clock::advance;
    Retrier retrier = new Retrier(fx.clock, sleeper, () -> 0.5, Duration.ofMillis(200), Duration.ofSeconds(3), 6);
    runner = new JobRunner(gateway, retrier, fx.clock, sleeper,
        ExecutionSettings.from(Map.of("ECS_REGION", Sdk.REGION)));
  }

  @AfterEach
  void stop() throws IOException {
    fx.emulator.close();
  }

  @Test
  void aRebootDeliveredTwiceWithRetryCountZeroRebootsOnce() {
    // ECS gives StartTime to the minute: the command is issued two seconds before a minute turns, so
    // the reboot ends in the next minute and the two can be told apart (within one minute they cannot).
    Instant now = fx.clock.instant();
    Instant turn = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2));
    fx.clock.advance(Duration.between(now, turn.minusSeconds(2)));
    Job job = reboot(fx.clock.instant());

    InstanceOutcome first = runner.run(job, fx.clock.instant().plusSeconds(60), false).outcomes().get(0);
    InstanceOutcome again = runner.run(job, fx.clock.instant().plusSeconds(60), false).outcomes().get(0);

    assertEquals(InstanceOutcome.Kind.CHANGED, first.kind(), first.toString());
    assertEquals(InstanceOutcome.Kind.NOT_REPEATED, again.kind(), again.toString());
    assertTrue(again.detail().orElseThrow().contains("after the command was issued"), again.toString());
    assertEquals(1, fx.emulator.calls("RebootInstances"));
  }

  @Test
  void aRebootAnHourAfterTheLastStartReboots() {
    InstanceOutcome app = runner.run(reboot(fx.clock.instant()), fx.clock.instant().plusSeconds(60), true)
        .outcomes().get(0);

    assertEquals(InstanceOutcome.Kind.CHANGED, app.kind(), "even a platform retry: ECS says it has not booted since");
    assertEquals(1, fx.emulator.calls("RebootInstances"));
  }

  private static Job reboot(Instant issuedAt) {
    return Job.builder().jobId("job-reboot-1").action(EcsAction.REBOOT).instanceIds(List.of("i-app1"))
        .teamId("T0001").channelId("C0001").channelName("ops").userId("U0001").userName("alice")
        .responseUrl("https://hooks.slack.com/commands/T0001/1/x").issuedAt(issuedAt).build();
  }
}
