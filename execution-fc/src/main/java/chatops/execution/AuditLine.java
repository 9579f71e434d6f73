package chatops.execution;

import chatops.job.Job;
import chatops.log.LogLine;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The one line per job that says who did what to which instance and how it ended. Built from IDs
 * and our own words only: no credential, and of the response_url only its host.
 */
final class AuditLine {
  private AuditLine() {}

  static LogLine of(Job job, JobResult result, ResultDelivery.Delivery delivery, String fcRequestId, int fcRetry,
      long millis) {
    StringJoiner outcomes = new StringJoiner(",");
    for (InstanceOutcome outcome : result.outcomes()) outcomes.add(outcome.instanceId() + ":" + outcome.kind().word());
    PostResult post = delivery.last();
    LogLine line = LogLine.of("audit")
        .with("job", job.jobId())
        .with("fcRequest", fcRequestId)
        .with("fcRetry", fcRetry)
        .with("team", job.teamId())
        .with("channel", job.channelId())
        .with("user", job.userId())
        .with("action", job.action().word())
        .with("region", result.region())
        .with("force", job.force())
        .with("dryRun", job.dryRun())
        .with("instances", String.join(",", job.instanceIds()))
        .with("outcomes", outcomes.toString());
    if (result.problem().isPresent()) line = line.with("problem", result.problem().get());
    if (result.notShown() > 0) line = line.with("notShown", result.notShown());
    return line
        .with("ecsRequests", String.join(",", result.ecsRequestIds()))
        .with("report", post.outcome().name().toLowerCase(Locale.ROOT))
        .with("reportTarget", post.target())
        .with("slackStatus", post.status())
        .with("posts", delivery.posts().size())
        .with("ms", millis);
  }
}
