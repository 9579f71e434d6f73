package chatops.job;

import chatops.ecs.EcsAction;
import chatops.ecs.EcsCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the Front hands the Execution function: the command, who asked, where to answer. Immutable
 * and always valid: the command obeys {@link EcsCommand}'s rules and every required field is set.
 * {@link #toString()} leaves out the response_url, a capability to post into the channel.
 */
public final class Job {
  /** The only payload version this code writes and reads. */
  public static final int VERSION = 1;

  private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final int MAX_TEXT = 255;
  private static final int MAX_URL = 2048;

  private final String jobId;
  private final EcsCommand command;
  private final String teamId;
  private final String channelId;
  private final String channelName;
  private final String userId;
  private final String userName;
  private final String responseUrl;
  private final Instant issuedAt;

  private Job(Builder b) {
    if (b.jobId == null) throw missing("jobId");
    if (!JOB_ID.matcher(b.jobId).matches()) throw new IllegalArgumentException("jobId is not 1 to 128 of A-Za-z0-9._:-");
    if (b.action == null) throw missing("action");
    if (b.instanceIds == null) throw missing("instanceIds");
    jobId = b.jobId;
    command = EcsCommand.of(b.action, b.instanceIds, b.region, b.force, b.dryRun);
    teamId = text("teamId", b.teamId, true, MAX_TEXT);
    channelId = text("channelId", b.channelId, true, MAX_TEXT);
    channelName = text("channelName", b.channelName, false, MAX_TEXT);
    userId = text("userId", b.userId, true, MAX_TEXT);
    userName = text("userName", b.userName, false, MAX_TEXT);
    responseUrl = text("responseUrl", b.responseUrl, true, MAX_URL);
    if (b.issuedAt == null) throw missing("issuedAt");
    issuedAt = b.issuedAt;
  }

  public static Builder builder() {
    return new Builder();
  }

  private static String text(String field, String value, boolean required, int maxLength) {
    if (value == null || value.isEmpty()) {
      if (required) throw missing(field);
      return null;
    }
    if (value.length() > maxLength) throw new IllegalArgumentException(field + " is longer than " + maxLength);
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(field + " contains a control character");
      }
    }
    return value;
  }

  private static IllegalArgumentException missing(String field) {
    return new IllegalArgumentException(field + " is missing");
  }

  public int version() {
    return VERSION;
  }

  public String jobId() {
    return jobId;
  }

  /** The command as one value, e.g. for the Execution function's policy re-check. */
  public EcsCommand command() {
    return command;
  }

  public EcsAction action() {
    return command.action();
  }

  public List<String> instanceIds() {
    return command.instanceIds();
  }

  /** Empty: the Execution function's {@code ECS_REGION}. */
  public Optional<String> region() {
    return command.region();
  }

  public boolean force() {
    return command.force();
  }

  public boolean dryRun() {
    return command.dryRun();
  }

  public String teamId() {
    return teamId;
  }

  public String channelId() {
    return channelId;
  }

  public Optional<String> channelName() {
    return Optional.ofNullable(channelName);
  }

  public String userId() {
    return userId;
  }

  public Optional<String> userName() {
    return Optional.ofNullable(userName);
  }

  public String responseUrl() {
    return responseUrl;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Job)) return false;
    Job that = (Job) o;
    return jobId.equals(that.jobId) && command.equals(that.command) && teamId.equals(that.teamId)
        && channelId.equals(that.channelId) && Objects.equals(channelName, that.channelName)
        && userId.equals(that.userId) && Objects.equals(userName, that.userName)
        && responseUrl.equals(that.responseUrl) && issuedAt.equals(that.issuedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(jobId, command, teamId, channelId, channelName, userId, userName, responseUrl, issuedAt);
  }

  @Override
  public String toString() {
    return "Job{" + jobId + ": " + command + ", team=" + teamId + ", channel=" + channelId + ", user=" + userId
        + ", issuedAt=" + issuedAt + "}";
  }

  /** Collects the fields; {@link #build()} checks them all at once. */
  public static final class Builder {
    private String jobId;
    private EcsAction action;
    private List<String> instanceIds;
    private String region;
    private boolean force;
    private boolean dryRun;
    private String teamId;
    private String channelId;
    private String channelName;
    private String userId;
    private String userName;
    private String responseUrl;
    private Instant issuedAt;

    private Builder() {}

    public Builder jobId(String jobId) {
      this.jobId = jobId;
      return this;
    }

    public Builder action(EcsAction action) {
      this.action = action;
      return this;
    }

    public Builder instanceIds(List<String> instanceIds) {
      this.instanceIds = instanceIds == null ? null : Collections.unmodifiableList(new ArrayList<>(instanceIds));
      return this;
    }

    /** Null for the Execution function's default region. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    public Builder teamId(String teamId) {
      this.teamId = teamId;
      return this;
    }

    public Builder channelId(String channelId) {
      this.channelId = channelId;
      return this;
    }

    /** Optional: Slack may omit it. */
    public Builder channelName(String channelName) {
      this.channelName = channelName;
      return this;
    }

    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    /** Optional: Slack deprecated {@code user_name}. */
    public Builder userName(String userName) {
      this.userName = userName;
      return this;
    }

    public Builder responseUrl(String responseUrl) {
      this.responseUrl = responseUrl;
      return this;
    }

    public Builder issuedAt(Instant issuedAt) {
      this.issuedAt = issuedAt;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first missing or invalid field, never its value
     */
    public Job build() {
      return new Job(this);
    }
  }
}
