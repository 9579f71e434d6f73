package chatops.execution;

import chatops.config.ResponseUrlPolicy;
import chatops.job.Job;
import chatops.policy.AccessPolicy;
import chatops.policy.Decision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a decoded job again before anything is done for it. Anyone holding
 * {@code fc:InvokeFunction} on this function can hand it any job, so the Front's checks count for
 * nothing here: the user and instance limits, the response_url (the one address this function
 * will contact) and the Slack IDs echoed into the channel are all checked once more.
 */
final class JobCheck {
  /** Slack's response_url works for 30 minutes: an older job could change instances but never report. */
  static final Duration MAX_AGE = Duration.ofMinutes(30);
  /** Allows for clock skew between the two functions, and no more. */
  static final Duration MAX_AHEAD = Duration.ofMinutes(5);

  private static final Pattern TEAM_ID = Pattern.compile("[TE][A-Z0-9]{2,31}");
  private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,31}");
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,31}");

  private final AccessPolicy policy;
  private final ResponseUrlPolicy responseUrls;
  private final Clock clock;

  JobCheck(AccessPolicy policy, ResponseUrlPolicy responseUrls, Clock clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.responseUrls = Objects.requireNonNull(responseUrls, "responseUrls");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Why the job must be dropped, fit for the log (no response_url beyond its host); empty to run it. */
  Optional<String> refusal(Job job) {
    if (!TEAM_ID.matcher(job.teamId()).matches()) return Optional.of("teamId is not a Slack team ID");
    if (!CHANNEL_ID.matcher(job.channelId()).matches()) return Optional.of("channelId is not a Slack channel ID");
    if (!USER_ID.matcher(job.userId()).matches()) return Optional.of("userId is not a Slack user ID");
    if (!responseUrls.allows(job.responseUrl())) {
      return Optional.of("responseUrl is not allowed: " + ResponseUrlPolicy.redact(job.responseUrl()));
    }
    Instant now = clock.instant();
    if (job.issuedAt().isBefore(now.minus(MAX_AGE))) {
      return Optional.of("issued " + Duration.between(job.issuedAt(), now).toMinutes()
          + " min ago, after its response_url expired");
    }
    if (job.issuedAt().isAfter(now.plus(MAX_AHEAD))) return Optional.of("issuedAt is in the future");
    Decision decision = policy.check(job.userId(), job.command());
    if (!decision.allowed()) {
      return Optional.of("policy " + decision.rule().map(Enum::name).orElse("") + ": " + decision.reason());
    }
    return Optional.empty();
  }
}
