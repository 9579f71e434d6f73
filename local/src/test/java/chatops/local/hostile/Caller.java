package chatops.local.hostile;

import chatops.local.slack.SlashCommandRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Whoever is calling the Front: Slack itself through its emulator, or an attacker with a plain
 * HTTP client for what Slack never sends (other methods, a header twice). The raw client signs
 * with its own HMAC code on purpose, so the emulator's signer is not the only one the Front is
 * checked against.
 */
final class Caller {
  private static final OkHttpClient HTTP = new OkHttpClient.Builder()
      .callTimeout(Duration.ofSeconds(5)).retryOnConnectionFailure(false).followRedirects(false).build();

  private final HostileStack stack;

  Caller(HostileStack stack) {
    this.stack = stack;
  }

  /** A {@code /ecs} command from T0001 / C0001 / U0001 / A0001, signed when sent; change what the case needs. */
  SlashCommandRequest.Builder command(String text) {
    return stack.local().command(text);
  }

  /** The command exactly as Slack sends it to this Front, legacy token included. */
  SlashCommandRequest ecs(String text) {
    return stack.genuine(command(text).build());
  }

  Reply send(SlashCommandRequest request) {
    return Reply.of(stack.local().send(request));
  }

  String secret() {
    return stack.local().slack().signingSecret();
  }

  String token() {
    return stack.token();
  }

  static long now() {
    return Instant.now().getEpochSecond();
  }

  /** A raw request; {@code headers} are name/value pairs, and a name may repeat. */
  Reply raw(String method, byte[] body, String... headers) {
    boolean bodiless = method.equals("GET") || method.equals("HEAD");
    RequestBody content = bodiless ? null : RequestBody.create(body == null ? new byte[0] : body, (MediaType) null);
    Request request = new Request.Builder().url(stack.frontUrl()).headers(Headers.of(headers))
        .method(method, content).build();
    try (Response response = HTTP.newCall(request).execute()) {
      return new Reply(response.code(), response.body() == null ? new byte[0] : response.body().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " to the Front failed", e);
    }
  }

  /** A raw POST of {@code body} with a correct signature at {@code now()}, plus {@code extra} headers. */
  Reply signedPost(byte[] body, String... extra) {
    return signedPostAt(Long.toString(now()), body, extra);
  }

  /** A raw POST signed correctly over whatever {@code timestamp} says, so only its form is wrong. */
  Reply signedPostAt(String timestamp, byte[] body, String... extra) {
    String[] headers = new String[4 + extra.length];
    headers[0] = "X-Slack-Request-Timestamp";
    headers[1] = timestamp;
    headers[2] = "X-Slack-Signature";
    headers[3] = sign(secret(), timestamp, body);
    System.arraycopy(extra, 0, headers, 4, extra.length);
    return raw("POST", body, headers);
  }

  /** Sends {@code request} stamped now with its correct signature changed by {@code tamper}. */
  Reply sendTampered(SlashCommandRequest request, UnaryOperator<String> tamper) {
    long at = now();
    String genuine = sign(secret(), Long.toString(at), request.body());
    return send(request.withTimestamp(at).withSignature(tamper.apply(genuine)));
  }

  static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      byte[] digest = mac.doFinal(body);
      StringBuilder hex = new StringBuilder("v0=");
      for (byte b : digest) hex.append(String.format("%02x", b));
      return hex.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One byte per char, so a test can write any byte, NUL and 0xFF included, into a body. */
  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The inverse of {@link #ascii}: a body as text to edit, byte for byte. */
  static String text(byte[] body) {
    return new String(body, StandardCharsets.ISO_8859_1);
  }
}
