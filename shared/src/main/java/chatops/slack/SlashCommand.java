package chatops.slack;

import java.util.Objects;

/**
 * One slash command as Slack posted it, read from the decoded form.
 *
 * <p>Each getter returns the field exactly as decoded, or null when the form did not have it; an
 * empty value stays empty (for {@code text} that is a bare {@code /ecs}). Nothing is checked here:
 * which team, channel and user may do what is the access policy's decision, made on the IDs,
 * because names can change. The deprecated {@code token} is deliberately not carried: it is a
 * credential, and only the verifier needs it.
 */
public final class SlashCommand {
  private final String teamId;
  private final String teamDomain;
  private final String enterpriseId;
  private final String channelId;
  private final String channelName;
  private final String userId;
  private final String userName;
  private final String command;
  private final String text;
  private final String responseUrl;
  private final String apiAppId;
  private final String triggerId;

  private SlashCommand(FormBody form) {
    this.teamId = field(form, "team_id");
    this.teamDomain = field(form, "team_domain");
    this.enterpriseId = field(form, "enterprise_id");
    this.channelId = field(form, "channel_id");
    this.channelName = field(form, "channel_name");
    this.userId = field(form, "user_id");
    this.userName = field(form, "user_name");
    this.command = field(form, "command");
    this.text = field(form, "text");
    this.responseUrl = field(form, "response_url");
    this.apiAppId = field(form, "api_app_id");
    this.triggerId = field(form, "trigger_id");
  }

  /** Reads the slash-command fields; fields Slack did not send are null, unknown fields are ignored. */
  public static SlashCommand from(FormBody form) {
    return new SlashCommand(Objects.requireNonNull(form, "form"));
  }

  /** {@code team_id}, the workspace: {@code T...}. */
  public String teamId() {
    return teamId;
  }

  /** {@code team_domain}: the workspace's subdomain; display only. */
  public String teamDomain() {
    return teamDomain;
  }

  /** {@code enterprise_id}: set only in an Enterprise Grid organisation. */
  public String enterpriseId() {
    return enterpriseId;
  }

  /** {@code channel_id}: {@code C...}, {@code G...} or {@code D...}. */
  public String channelId() {
    return channelId;
  }

  /** {@code channel_name}: can be renamed, so display (and the seed's name-style settings) only. */
  public String channelName() {
    return channelName;
  }

  /** {@code user_id}: {@code U...} or {@code W...}. */
  public String userId() {
    return userId;
  }

  /** {@code user_name}: deprecated by Slack and changeable; display only. */
  public String userName() {
    return userName;
  }

  /** {@code command}, e.g. {@code /ecs}. */
  public String command() {
    return command;
  }

  /** {@code text}: everything typed after the command, decoded ({@code +} already a space). */
  public String text() {
    return text;
  }

  /** {@code response_url}: a capability to post into the channel; never log it whole. */
  public String responseUrl() {
    return responseUrl;
  }

  /** {@code api_app_id}: which Slack app sent this, when several share one URL. */
  public String apiAppId() {
    return apiAppId;
  }

  /** {@code trigger_id}: lets the app open a modal within 3 s. */
  public String triggerId() {
    return triggerId;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SlashCommand)) {
      return false;
    }
    SlashCommand that = (SlashCommand) other;
    return Objects.equals(teamId, that.teamId) && Objects.equals(teamDomain, that.teamDomain)
        && Objects.equals(enterpriseId, that.enterpriseId) && Objects.equals(channelId, that.channelId)
        && Objects.equals(channelName, that.channelName) && Objects.equals(userId, that.userId)
        && Objects.equals(userName, that.userName) && Objects.equals(command, that.command)
        && Objects.equals(text, that.text) && Objects.equals(responseUrl, that.responseUrl)
        && Objects.equals(apiAppId, that.apiAppId) && Objects.equals(triggerId, that.triggerId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(teamId, teamDomain, enterpriseId, channelId, channelName, userId, userName,
        command, text, responseUrl, apiAppId, triggerId);
  }

  /** Leaves out the response_url (a posting capability) and the trigger_id; IDs are enough to debug. */
  @Override
  public String toString() {
    return "SlashCommand{team=" + teamId + ", channel=" + channelId + ", user=" + userId
        + ", command=" + command + ", text=" + text + ", app=" + apiAppId + "}";
  }

  private static String field(FormBody form, String key) {
    return form.get(key).orElse(null);
  }
}
