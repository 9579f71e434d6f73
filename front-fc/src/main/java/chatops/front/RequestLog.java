package chatops.front;

import chatops.config.ResponseUrlPolicy;
import chatops.ecs.EcsCommand;
import chatops.log.LogLine;
import chatops.slack.SlashCommand;

/**
 * The one log line a request leaves, filled in as the request gets further. Holding the fields in
 * one place is what keeps secrets out: there is simply no field for the body, a signature, the
 * token, a credential or the response_url's capability path.
 */
final class RequestLog {
  private final String requestId;
  private String outcome = "unknown";
  private String reason;
  private String auth;
  private String teamId;
  private String channelId;
  private String userId;
  private String action;
  private String instances;
  private String region;
  private String jobId;
  private String invokeId;
  private String responseUrl;

  RequestLog(String requestId) {
    this.requestId = requestId;
  }

  void outcome(String outcome) {
    this.outcome = outcome;
  }

  /** {@code reason} is for operators; it must already be free of secrets (verifier and invoker reasons are). */
  void outcome(String outcome, String reason) {
    this.outcome = outcome;
    this.reason = reason;
  }

  void auth(String method) {
    this.auth = method;
  }

  void caller(SlashCommand command) {
    this.teamId = command.teamId();
    this.channelId = command.channelId();
    this.userId = command.userId();
  }

  void command(EcsCommand command) {
    this.action = command.action().word();
    this.instances = command.instanceIds().isEmpty() ? null : String.join(",", command.instanceIds());
    this.region = command.region().orElse("default");
  }

  void jobId(String jobId) {
    this.jobId = jobId;
  }

  /** FC's id for the queued invocation, which the Execution function's own log carries. */
  void invokeId(String invokeId) {
    this.invokeId = invokeId == null || invokeId.isEmpty() ? null : invokeId;
  }

  /** Scheme and host only: the path is a capability to post into the channel. */
  void responseUrl(String url) {
    this.responseUrl = ResponseUrlPolicy.redact(url);
  }

  String line(long millis) {
    LogLine line = LogLine.of("front").with("requestId", requestId).with("outcome", outcome);
    line = optional(line, "reason", reason);
    line = optional(line, "auth", auth);
    line = optional(line, "team", teamId);
    line = optional(line, "channel", channelId);
    line = optional(line, "user", userId);
    line = optional(line, "action", action);
    line = optional(line, "instances", instances);
    line = optional(line, "region", region);
    line = optional(line, "jobId", jobId);
    line = optional(line, "invokeId", invokeId);
    line = optional(line, "responseUrl", responseUrl);
    return line.with("ms", millis).toString();
  }

  private static LogLine optional(LogLine line, String key, String value) {
    return value == null ? line : line.with(key, value);
  }
}
