package chatops.front;

import chatops.config.AccessKey;
import chatops.slack.Headers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A slash command as Slack would post it: a form body signed with the signing secret. The
 * signature is computed here, with the JDK's HMAC, independently of the code under test.
 */
final class SlashRequest {
  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final Instant NOW = Instant.parse("2024-05-01T09:30:00Z");
  static final String RESPONSE_URL = "https://hooks.slack.com/commands/T0OPS/1234/s3cr3tPath";
  static final AccessKey STS = AccessKey.of("STS.role-key", "sts-secret-value", "sts-token-value");

  private final Map<String, String> fields = new LinkedHashMap<>();
  private String method = "POST";
  private String secret = SECRET;
  private Instant signedAt = NOW;
  private byte[] rawBody;
  private AccessKey credentials = STS;
  private final List<String> extraHeaders = new ArrayList<>();

  private SlashRequest(String text) {
    fields.put("token", "legacy-token-value");
    fields.put("team_id", "T0OPS");
    fields.put("team_domain", "ops");
    fields.put("channel_id", "C0OPS");
    fields.put("channel_name", "ops");
    fields.put("user_id", "U0ADMIN");
    fields.put("user_name", "alice");
    fields.put("command", "/ecs");
    fields.put("text", text);
    fields.put("api_app_id", "A0APP");
    fields.put("response_url", RESPONSE_URL);
    fields.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
  }

  static SlashRequest command(String text) {
    return new SlashRequest(text);
  }

  SlashRequest with(String field, String value) {
    fields.put(field, value);
    return this;
  }

  SlashRequest without(String field) {
    fields.remove(field);
    return this;
  }

  SlashRequest method(String method) {
    this.method = method;
    return this;
  }

  SlashRequest signedWith(String secret) {
    this.secret = secret;
    return this;
  }

  SlashRequest signedAt(Instant signedAt) {
    this.signedAt = signedAt;
    return this;
  }

  /** No signature headers at all. */
  SlashRequest unsigned() {
    this.secret = null;
    return this;
  }

  /** Sends these bytes instead of the encoded fields (still signed, unless {@link #unsigned()}). */
  SlashRequest rawBody(String raw) {
    this.rawBody = raw.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  SlashRequest credentials(AccessKey credentials) {
    this.credentials = credentials;
    return this;
  }

  SlashRequest header(String name, String value) {
    extraHeaders.add(name);
    extraHeaders.add(value);
    return this;
  }

  byte[] body() {
    if (rawBody != null) return rawBody.clone();
    StringBuilder form = new StringBuilder();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (form.length() > 0) form.append('&');
      form.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
    }
    return form.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Header names in the case Slack's load balancers happen to use; they must not matter. */
  Map<String, List<String>> headerMap() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));
    if (secret != null) {
      String timestamp = Long.toString(signedAt.getEpochSecond());
      headers.put("X-Slack-Request-Timestamp", List.of(timestamp));
      headers.put("x-slack-signature", List.of(signature(secret, timestamp, body())));
    }
    for (int i = 0; i < extraHeaders.size(); i += 2) {
      headers.computeIfAbsent(extraHeaders.get(i), k -> new ArrayList<>()).add(extraHeaders.get(i + 1));
    }
    return headers;
  }

  HttpCall call() {
    return HttpCall.builder()
        .method(method)
        .headers(Headers.of(headerMap()))
        .body(body())
        .requestId("fc-req-1")
        .credentials(credentials)
        .build();
  }

  static String signature(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      byte[] digest = mac.doFinal(body);
      StringBuilder hex = new StringBuilder("v0=");
      for (byte b : digest) hex.append(String.format("%02x", b));
      return hex.toString();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
