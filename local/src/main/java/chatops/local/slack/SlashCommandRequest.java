package chatops.local.slack;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One slash command as Slack would POST it: the form fields in Slack's order and a response URL the
 * emulator issued for it. Signed when sent, with the emulator's signing secret and the current time,
 * unless a test tampered with it: another secret, another timestamp, another body, other headers.
 * Every {@code with...} returns a new request; the original is unchanged.
 */
public final class SlashCommandRequest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, String> fields;
  private final String responseUrl;
  private final String secret;
  private final Long timestamp;
  private final byte[] rawBody;
  private final String signature;
  private final Map<String, String> headerChanges;

  private SlashCommandRequest(Map<String, String> fields, String responseUrl, String secret, Long timestamp,
                byte[] rawBody, String signature, Map<String, String> headerChanges) {
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    this.responseUrl = responseUrl;
    this.secret = secret;
    this.timestamp = timestamp;
    this.rawBody = rawBody == null ? null : rawBody.clone();
    this.signature = signature;
    this.headerChanges = Collections.unmodifiableMap(new LinkedHashMap<>(headerChanges));
  }

  /** The form fields in the order they are encoded. */
  public Map<String, String> fields() {
    return fields;
  }

  public Optional<String> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** The response URL the emulator issued for this command (where results are awaited). */
  public String responseUrl() {
    return responseUrl;
  }

  /** The bytes that will be sent: the encoded form, or the raw body a test put in its place. */
  public byte[] body() {
    return rawBody != null ? rawBody.clone() : FormEncoding.encode(fields);
  }

  /** Replaces (or appends) a form field; null removes it. The response URL to await stays the issued one. */
  public SlashCommandRequest withField(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(fields);
    if (value == null) {
      changed.remove(name);
    } else {
      changed.put(name, value);
    }
    return new SlashCommandRequest(changed, responseUrl, secret, timestamp, rawBody, signature, headerChanges);
  }

  public SlashCommandRequest withoutField(String name) {
    return withField(name, null);
  }

  /** Signs with another secret, as an impostor who does not know the real one would. */
  public SlashCommandRequest signedWith(String otherSecret) {
    return new SlashCommandRequest(fields, responseUrl, Objects.requireNonNull(otherSecret), timestamp, rawBody,
        signature, headerChanges);
  }

  /** Signs and stamps with this Unix time instead of the clock's (replays, stale or future requests). */
  public SlashCommandRequest withTimestamp(long epochSeconds) {
    return new SlashCommandRequest(fields, responseUrl, secret, epochSeconds, rawBody, signature, headerChanges);
  }

  /** Sends (and signs) these bytes instead of the encoded form. */
  public SlashCommandRequest withRawBody(byte[] body) {
    return new SlashCommandRequest(fields, responseUrl, secret, timestamp, Objects.requireNonNull(body), signature,
        headerChanges);
  }

  /** Sends this X-Slack-Signature whatever the body is. */
  public SlashCommandRequest withSignature(String forgedSignature) {
    return new SlashCommandRequest(fields, responseUrl, secret, timestamp, rawBody,
        Objects.requireNonNull(forgedSignature), headerChanges);
  }

  /** Sets a header after signing, replacing Slack's own if the name matches (case-insensitively). */
  public SlashCommandRequest withHeader(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(headerChanges);
    changed.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
    return new SlashCommandRequest(fields, responseUrl, secret, timestamp, rawBody, signature, changed);
  }

  /** Leaves a header out (e.g. the signature or the timestamp). */
  public SlashCommandRequest withoutHeader(String name) {
    Map<String, String> changed = new LinkedHashMap<>(headerChanges);
    changed.put(Objects.requireNonNull(name), null);
    return new SlashCommandRequest(fields, responseUrl, secret, timestamp, rawBody, signature, changed);
  }

  /** The headers Slack sends, signed with {@code defaultSecret} at {@code now} unless tampered with. */
  Map<String, String> headers(String defaultSecret, long now) {
    long stamp = timestamp != null ? timestamp : now;
    String signed = signature != null ? signature
        : SlackSigner.signature(secret != null ? secret : defaultSecret, stamp, body());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    headers.put("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)");
    headers.put("Accept", "application/json,*/*");
    headers.put("X-Slack-Request-Timestamp", Long.toString(stamp));
    headers.put("X-Slack-Signature", signed);
    headerChanges.forEach((name, value) -> {
      headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
      if (value != null) {
        headers.put(name, value);
      }
    });
    return headers;
  }

  /** Neither the signature nor the response URL: both are capabilities. */
  @Override
  public String toString() {
    return "SlashCommandRequest{" + fields.get("command") + " " + fields.get("text") + " from "
        + fields.get("user_id") + " in " + fields.get("channel_id") + "}";
  }

  /** A command from a default workspace (T0001 acme, #ops C0001, U0001 alice, app A0001); change what matters. */
  public static final class Builder {
    private final Function<String, String> responseUrls;
    private final String token;
    private String command;
    private String text;
    private String teamId = "T0001";
    private String teamDomain = "acme";
    private String enterpriseId;
    private String channelId = "C0001";
    private String channelName = "ops";
    private String userId = "U0001";
    private String userName = "alice";
    private String apiAppId = "A0001";

    Builder(Function<String, String> responseUrls, String token, String command, String text) {
      this.responseUrls = responseUrls;
      this.token = token;
      this.command = Objects.requireNonNull(command, "command");
      this.text = Objects.requireNonNull(text, "text");
    }

    public Builder command(String command) {
      this.command = Objects.requireNonNull(command);
      return this;
    }

    public Builder text(String text) {
      this.text = Objects.requireNonNull(text);
      return this;
    }

    public Builder team(String id, String domain) {
      this.teamId = Objects.requireNonNull(id);
      this.teamDomain = Objects.requireNonNull(domain);
      return this;
    }

    /** Enterprise Grid workspaces add enterprise_id; others send none. */
    public Builder enterprise(String id) {
      this.enterpriseId = id;
      return this;
    }

    public Builder channel(String id, String name) {
      this.channelId = Objects.requireNonNull(id);
      this.channelName = Objects.requireNonNull(name);
      return this;
    }

    public Builder user(String id, String name) {
      this.userId = Objects.requireNonNull(id);
      this.userName = Objects.requireNonNull(name);
      return this;
    }

    public Builder apiAppId(String id) {
      this.apiAppId = Objects.requireNonNull(id);
      return this;
    }

    /** Issues the command's response URL, valid from now for 30 minutes and 5 posts. */
    public SlashCommandRequest build() {
      String responseUrl = responseUrls.apply(teamId);
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("token", token);
      fields.put("team_id", teamId);
      fields.put("team_domain", teamDomain);
      if (enterpriseId != null) {
        fields.put("enterprise_id", enterpriseId);
      }
      fields.put("channel_id", channelId);
      fields.put("channel_name", channelName);
      fields.put("user_id", userId);
      fields.put("user_name", userName);
      fields.put("command", command);
      fields.put("text", text);
      fields.put("response_url", responseUrl);
      fields.put("trigger_id", triggerId());
      fields.put("api_app_id", apiAppId);
      return new SlashCommandRequest(fields, responseUrl, null, null, null, null, Map.of());
    }

    /** Slack's shape: two numbers and a hex tail, e.g. 13345224609.738474920.8088930838d88f008e0. */
    private static String triggerId() {
      return Math.abs(RANDOM.nextLong() % 100_000_000_000L) + "." + Math.abs(RANDOM.nextLong() % 1_000_000_000L)
          + "." + Long.toHexString(RANDOM.nextLong()) + Integer.toHexString(RANDOM.nextInt());
    }
  }
}
