package chatops.bench;

import chatops.config.AccessKey;
import chatops.config.FrontSettings;
import chatops.config.ResponseUrlPolicy;
import chatops.ecs.EcsGrammar;
import chatops.front.CommandReceiver;
import chatops.front.HttpCall;
import chatops.front.HttpReply;
import chatops.policy.AccessPolicy;
import chatops.slack.Headers;
import chatops.slack.SlackRequestVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Front's whole decision on a warm instance, as {@link CommandReceiver#handle} makes it for an
 * accepted {@code /ecs start}: verify the signature, decode the form, parse, authorize, build and
 * encode the job, build the reply and the log line. Only the invoke is stubbed: its cost is FC's
 * round trip, not ours. Modes and threads come from {@link PerfReport}.
 */
@State(Scope.Thread)
public class WarmDecision {
  private CommandReceiver receiver;
  private HttpCall call;
  private String lastLogLine;

  @Setup
  public void setUp() {
    FrontSettings settings = FrontSettings.from(Map.of(
        "SLACK_SIGNING_SECRET", ColdStarts.SIGNING_SECRET,
        "SLACK_CHANNEL", "C0001",
        "FUNCTION_COMPUTE_ENDPOINT", "https://1234567890123456.cn-hangzhou-internal.fc.aliyuncs.com",
        "INVOKE_SERVICE", FcStandIn.SERVICE,
        "INVOKE_FC", FcStandIn.FUNCTION));
    Clock clock = Clock.systemUTC();
    receiver = CommandReceiver.builder()
        .verifier(new SlackRequestVerifier(settings.signingSecret().orElseThrow(), null, clock))
        .grammar(new EcsGrammar(settings.maxInstances()))
        .policy(AccessPolicy.from(settings))
        .responseUrls(ResponseUrlPolicy.slackHosts(settings.responseHosts()))
        .invoker((payload, credentials) -> "fc-request-1")
        .clock(clock)
        .log(line -> lastLogLine = line)
        .build();
    // Signed now: one JMH trial is far shorter than the verifier's five-minute window.
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    call = HttpCall.builder()
        .method("POST")
        .headers(Headers.of("Content-Type", "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp", timestamp,
            "X-Slack-Signature", ColdStarts.slackSignature(timestamp)))
        .body(ColdStarts.BODY.getBytes(StandardCharsets.US_ASCII))
        .requestId("bench-warm")
        .credentials(AccessKey.of("STS.bench-key", "bench-sts-secret", "bench-sts-token"))
        .build();
    HttpReply first = receiver.handle(call);
    if (!lastLogLine.contains("outcome=accepted")) {
      throw new IllegalStateException("the benchmarked request is not accepted: " + lastLogLine + " " + first.status());
    }
  }

  @Benchmark
  public HttpReply decide() {
    return receiver.handle(call);
  }
}
