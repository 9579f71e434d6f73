package chatops.local.hostile;

import chatops.config.AccessKey;
import chatops.config.FrontSettings;
import chatops.config.ResponseUrlPolicy;
import chatops.ecs.EcsGrammar;
import chatops.front.CommandReceiver;
import chatops.front.HttpCall;
import chatops.front.HttpReply;
import chatops.job.InvalidJobException;
import chatops.job.Job;
import chatops.job.JobCodec;
import chatops.policy.AccessPolicy;
import chatops.slack.SlackRequestVerifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Front's decision object, {@link CommandReceiver}, built from the same settings as the
 * hostile stack but without HTTP around it, so that thousands of requests take a second. It
 * records what it invoked and logged, and checks every job it would have queued against the
 * policy it was given.
 */
final class FuzzedFront {
  static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  static final ResponseUrlPolicy PRODUCTION_URLS = ResponseUrlPolicy.slackHosts(ResponseUrlPolicy.DEFAULT_SLACK_HOSTS);

  private final CommandReceiver receiver;
  private final List<byte[]> invoked = new ArrayList<>();
  private final List<String> log = new ArrayList<>();
  private final Set<String> allowedIds = Set.of(Instances.ALLOWED.split(","));

  FuzzedFront(String signingSecret) {
    Map<String, String> env = new LinkedHashMap<>();
    HostileStack.POLICY.forEach((variable, value) -> env.put(variable.envName(), value));
    env.put("SLACK_SIGNING_SECRET", signingSecret);
    env.put("FUNCTION_COMPUTE_ENDPOINT", "https://1234567890.cn-hangzhou.fc.aliyuncs.com");
    env.put("INVOKE_FC", "execution");
    FrontSettings settings = FrontSettings.from(env);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    receiver = CommandReceiver.builder()
        .verifier(new SlackRequestVerifier(signingSecret, null, clock))
        .grammar(new EcsGrammar(settings.maxInstances()))
        .policy(AccessPolicy.from(settings))
        .responseUrls(PRODUCTION_URLS)
        .invoker((payload, credentials) -> {
          invoked.add(payload.clone());
          return "fuzz-" + invoked.size();
        })
        .clock(clock)
        .log(log::add)
        .build();
  }

  /** Decides {@code request} the way FrontHandler would hand it over: capped, with the role's key. */
  HttpReply handle(Fuzzed request) {
    HttpCall.Builder call = HttpCall.builder().method(request.method).headers(request.asHeaders())
        .requestId("fuzz").credentials(AccessKey.of("STS.fuzz", "fuzz-secret", "fuzz-token"));
    call = request.body.length > 16 * 1024 ? call.bodyTooLarge(true) : call.body(request.body);
    return receiver.handle(call.build());
  }

  int invocations() {
    return invoked.size();
  }

  List<String> log() {
    return log;
  }

  /** Why the last queued job breaks the policy, or null when it keeps to it. */
  String lastJobProblem() {
    Job job;
    try {
      job = new JobCodec().read(invoked.get(invoked.size() - 1));
    } catch (InvalidJobException e) {
      return "the Front queued a job Execution cannot read: " + e.getMessage();
    }
    if (!job.teamId().equals("T0001")) return "team " + job.teamId();
    if (!job.channelId().equals("C0001")) return "channel " + job.channelId();
    if (job.action().changesState() && !job.userId().equals("U0001")) return job.action() + " by " + job.userId();
    if (job.action().word().equals("reboot")) return "reboot is disabled";
    if (job.instanceIds().size() > 5) return job.instanceIds().size() + " instances";
    if (!allowedIds.containsAll(job.instanceIds())) return "instances " + job.instanceIds();
    if (!PRODUCTION_URLS.allows(job.responseUrl())) return "response_url " + ResponseUrlPolicy.redact(job.responseUrl());
    return null;
  }
}
