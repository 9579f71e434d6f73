package chatops.local.ecs;

import java.io.IOException;
import java.time.Duration;

/** One emulator with a plain key, an STS key and a manual clock, as most tests want it. */
final class Fixture {
  static final String PLAIN_KEY = "LTAI5tPlainKeyId";
  static final String PLAIN_SECRET = "plain-secret";
  static final String STS_KEY = "STS.NUfunctionRole";
  static final String STS_SECRET = "sts-secret";
  static final String STS_TOKEN = "CAIStokenOfTheFunctionRole";
  static final Duration STARTING = Duration.ofSeconds(5);
  static final Duration STOPPING = Duration.ofSeconds(3);

  final ManualClock clock = ManualClock.startingNow();
  final EcsEmulator emulator;
  final Sdk plain;
  final Sdk sts;

  Fixture() throws IOException {
    emulator =
        EcsEmulator.builder()
            .clock(clock)
            .transitionTimes(TransitionTimes.of(STARTING, STOPPING))
            .start()
            .addAccessKey(PLAIN_KEY, PLAIN_SECRET)
            .addStsAccessKey(STS_KEY, STS_SECRET, STS_TOKEN);
    plain = Sdk.withKey(emulator, PLAIN_KEY, PLAIN_SECRET);
    sts = Sdk.withStsKey(emulator, STS_KEY, STS_SECRET, STS_TOKEN);
  }

  EcsEmulator seed(String instanceId, InstanceStatus status) {
    return emulator.seed(EcsInstance.builder(instanceId, Sdk.REGION).status(status).build());
  }

  InstanceStatus statusOf(String instanceId) {
    return emulator.instance(instanceId).orElseThrow().status();
  }

  RawCall raw(String action) {
    return RawCall.of(emulator, action, PLAIN_KEY, PLAIN_SECRET);
  }
}
