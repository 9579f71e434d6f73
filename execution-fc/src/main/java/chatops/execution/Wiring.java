package chatops.execution;

import chatops.config.AccessKey;
import chatops.config.Endpoint;
import chatops.config.ExecutionSettings;
import chatops.config.ResponseUrlPolicy;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The parts the handler builds once per function instance: the real SDK gateway, the OkHttp
 * poster and the system clock in production; fakes in tests, through the same handler code.
 */
final class Wiring {
  /** Builds the gateway once; it asks {@code credentials} before every call, so rotated STS keys apply. */
  interface GatewayFactory {
    EcsGateway build(ExecutionSettings settings, Supplier<AccessKey> credentials);
  }

  final GatewayFactory gateways;
  final Function<ResponseUrlPolicy, ResultPoster> posters;
  final Clock clock;
  final Sleeper sleeper;
  final Retrier retrier;

  /** @param retrier on the same clock and sleeper, so one fake clock drives every wait in tests */
  Wiring(GatewayFactory gateways, Function<ResponseUrlPolicy, ResultPoster> posters, Clock clock, Sleeper sleeper,
      Retrier retrier) {
    this.gateways = Objects.requireNonNull(gateways, "gateways");
    this.posters = Objects.requireNonNull(posters, "posters");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.retrier = Objects.requireNonNull(retrier, "retrier");
  }

  static Wiring production() {
    Clock clock = Clock.systemUTC();
    return new Wiring(
        (settings, credentials) -> new AliyunEcsGateway(credentials, settings.ecsEndpoint().map(Endpoint::url)),
        SlackResponsePoster::new, clock, Sleeper.SYSTEM, Retrier.standard(clock));
  }
}
