package chatops.front;

import chatops.config.FrontSettings;
import chatops.config.ResponseUrlPolicy;
import chatops.ecs.EcsGrammar;
import chatops.policy.AccessPolicy;
import chatops.slack.SlackRequestVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CommandReceiver} wired as production wires it, from an environment, with a recording
 * invoker, a captured log and the clock stopped at {@link SlashRequest#NOW}.
 */
final class Front {
  static final ObjectMapper JSON = new ObjectMapper();

  final RecordingInvoker invoker;
  final List<String> log = new ArrayList<>();
  final CommandReceiver receiver;

  /** Workspace T0OPS, channel C0OPS; start/stop/status/list (no reboot); only U0ADMIN changes state. */
  static Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_SIGNING_SECRET", SlashRequest.SECRET);
    env.put("SLACK_TEAM", "T0OPS");
    env.put("SLACK_CHANNEL", "C0OPS");
    env.put("ECS_CMD_CODE", "start,stop,status,list");
    env.put("ALLOWED_USERS", "U0ADMIN");
    env.put("ECS_INSTANCES", "i-abc,i-def,i-ghi");
    env.put("FUNCTION_COMPUTE_ENDPOINT", "https://1234567890.cn-hangzhou-internal.fc.aliyuncs.com");
    env.put("INVOKE_FC", "execution");
    return env;
  }

  Front() {
    this(env(), new RecordingInvoker());
  }

  Front(RecordingInvoker invoker) {
    this(env(), invoker);
  }

  Front(Map<String, String> env, RecordingInvoker invoker) {
    this.invoker = invoker;
    FrontSettings settings = FrontSettings.from(env);
    Clock clock = Clock.fixed(SlashRequest.NOW, ZoneOffset.UTC);
    this.receiver = CommandReceiver.builder()
        .verifier(new SlackRequestVerifier(settings.signingSecret().orElse(null),
            settings.legacyToken().orElse(null), clock))
        .grammar(new EcsGrammar(settings.maxInstances()))
        .policy(AccessPolicy.from(settings))
        .responseUrls(ResponseUrlPolicy.slackHosts(settings.responseHosts()))
        .invoker(invoker)
        .clock(clock)
        .log(log::add)
        .build();
  }

  HttpReply send(SlashRequest request) {
    return receiver.handle(request.call());
  }

  /** The one line this request logged. */
  String logLine() {
    if (log.size() != 1) throw new AssertionError("expected exactly one log line, got " + log);
    return log.get(0);
  }

  static JsonNode json(HttpReply reply) {
    return parse(reply.body());
  }

  static JsonNode parse(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
