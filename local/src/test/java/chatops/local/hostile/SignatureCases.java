package chatops.local.hostile;

import static chatops.local.hostile.Caller.bytes;
import static chatops.local.hostile.Caller.now;
import static chatops.local.hostile.Caller.sign;
import static chatops.local.hostile.Caller.text;
import static chatops.local.hostile.FrontCase.bare;

import chatops.local.slack.SlashCommandRequest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Requests that are not provably Slack's: each gets a bare 401 (or 405 for another method) and
 * nothing else, so a forger learns nothing about the command, the policy or the configuration.
 */
final class SignatureCases {
  private static final String SIGNATURE = "X-Slack-Signature";
  private static final String TIMESTAMP = "X-Slack-Request-Timestamp";
  private static final String ANOTHER_SECRET = "8f14e45fceea167a5a36dedd4bea2543";

  private SignatureCases() {}

  static Stream<FrontCase> all() {
    return Stream.of(headers(), timestamps(), legacyToken(), methods()).flatMap(s -> s);
  }

  private static Stream<FrontCase> headers() {
    return Stream.of(
        bare("no signature header", 401, c -> c.send(c.ecs("start i-a1").withoutHeader(SIGNATURE))),
        bare("no timestamp header", 401, c -> c.send(c.ecs("start i-a1").withoutHeader(TIMESTAMP))),
        bare("neither header", 401, c -> c.send(c.ecs("start i-a1").withoutHeader(SIGNATURE).withoutHeader(TIMESTAMP))),
        bare("empty signature", 401, c -> c.send(c.ecs("start i-a1").withSignature(""))),
        bare("signature without v0=", 401, c -> c.sendTampered(c.ecs("start i-a1"), s -> s.substring(3))),
        bare("signature labelled v1=", 401, c -> c.sendTampered(c.ecs("start i-a1"), s -> "v1=" + s.substring(3))),
        bare("signature truncated by one digit", 401,
            c -> c.sendTampered(c.ecs("start i-a1"), s -> s.substring(0, s.length() - 1))),
        bare("signature truncated to its prefix", 401, c -> c.sendTampered(c.ecs("start i-a1"), s -> "v0=")),
        bare("signature with a digit too many", 401, c -> c.sendTampered(c.ecs("start i-a1"), s -> s + "0")),
        bare("signature hex upper-cased", 401,
            c -> c.sendTampered(c.ecs("start i-a1"), s -> "v0=" + s.substring(3).toUpperCase(Locale.ROOT))),
        bare("signature prefix upper-cased", 401, c -> c.sendTampered(c.ecs("start i-a1"), s -> "V0=" + s.substring(3))),
        bare("signature with its last digit changed", 401, c -> c.sendTampered(c.ecs("start i-a1"), SignatureCases::flipLast)),
        bare("signature as base64 instead of hex", 401, c -> c.sendTampered(c.ecs("start i-a1"), s -> "v0=" + base64(s))),
        bare("two signatures joined by a comma", 401, c -> c.sendTampered(c.ecs("start i-a1"), s -> s + "," + s)),
        bare("signature header twice, both right", 401, c -> doubled(c, SIGNATURE, true)),
        bare("signature header twice, one wrong", 401, c -> doubled(c, SIGNATURE, false)),
        bare("timestamp header twice", 401, c -> doubled(c, TIMESTAMP, true)),
        bare("signed over a different body", 401, c -> {
          long at = now();
          SlashCommandRequest sent = c.ecs("start i-a1").withTimestamp(at);
          return c.send(sent.withSignature(sign(c.secret(), Long.toString(at), c.ecs("status i-a1").body())));
        }),
        bare("signed over the body plus a newline", 401, c -> {
          long at = now();
          SlashCommandRequest sent = c.ecs("start i-a1").withTimestamp(at);
          byte[] longer = bytes(text(sent.body()) + "\n");
          return c.send(sent.withSignature(sign(c.secret(), Long.toString(at), longer)));
        }),
        bare("signed over a different timestamp", 401, c -> {
          long at = now();
          SlashCommandRequest sent = c.ecs("start i-a1").withTimestamp(at);
          return c.send(sent.withSignature(sign(c.secret(), Long.toString(at - 1), sent.body())));
        }),
        bare("signed over an empty body", 401, c -> {
          long at = now();
          return c.send(c.ecs("start i-a1").withTimestamp(at).withSignature(sign(c.secret(), Long.toString(at), new byte[0])));
        }),
        bare("signed with another secret", 401, c -> c.send(c.ecs("start i-a1").signedWith(ANOTHER_SECRET))),
        bare("another app, signed with its own secret", 401,
            c -> c.send(c.command("start i-a1").apiAppId("A0OTHER").build().signedWith(ANOTHER_SECRET))),
        bare("the signing secret itself as the signature", 401, c -> c.send(c.ecs("start i-a1").withSignature(c.secret()))));
  }

  private static Stream<FrontCase> timestamps() {
    return Stream.of(
        bare("timestamp 301 s old", 401, c -> c.send(c.ecs("start i-a1").withTimestamp(now() - 301))),
        bare("timestamp a day old (a replay)", 401, c -> c.send(c.ecs("start i-a1").withTimestamp(now() - 86_400))),
        bare("timestamp 301 s ahead", 401, c -> c.send(c.ecs("start i-a1").withTimestamp(now() + 301))),
        bare("timestamp a year ahead", 401, c -> c.send(c.ecs("start i-a1").withTimestamp(now() + 31_536_000))),
        bare("timestamp zero", 401, c -> c.send(c.ecs("start i-a1").withTimestamp(0))),
        bare("timestamp in milliseconds", 401, c -> signedAt(c, Long.toString(now() * 1000))),
        bare("timestamp not a number", 401, c -> signedAt(c, "yesterday")),
        bare("timestamp negative", 401, c -> signedAt(c, "-" + now())),
        bare("timestamp with a plus sign", 401, c -> signedAt(c, "+" + now())),
        bare("timestamp with a fraction", 401, c -> signedAt(c, now() + ".5")),
        bare("timestamp in exponent form", 401, c -> signedAt(c, "1.7e9")),
        bare("timestamp in hex", 401, c -> signedAt(c, "0x" + Long.toHexString(now()))),
        bare("timestamp of 20 digits", 401, c -> signedAt(c, "99999999999999999999")),
        bare("timestamp beyond a long", 401, c -> signedAt(c, "9".repeat(400))),
        bare("timestamp of 12 digits, far ahead", 401, c -> signedAt(c, "999999999999")),
        bare("timestamp empty", 401, c -> signedAt(c, "")));
  }

  private static Stream<FrontCase> legacyToken() {
    return Stream.of(
        bare("right token, no signature, signing secret set", 401,
            c -> c.send(c.ecs("start i-a1").withoutHeader(SIGNATURE).withoutHeader(TIMESTAMP))),
        bare("right token, wrong signature, signing secret set", 401,
            c -> c.send(c.ecs("start i-a1").signedWith(ANOTHER_SECRET))),
        bare("wrong token", 401, c -> c.send(c.ecs("start i-a1").withField("token", "0123456789abcdef01234567"))).tokenOnly(),
        bare("empty token", 401, c -> c.send(c.ecs("start i-a1").withField("token", ""))).tokenOnly(),
        bare("no token", 401, c -> c.send(c.ecs("start i-a1").withoutField("token"))).tokenOnly(),
        bare("token with a trailing space", 401, c -> c.send(c.ecs("start i-a1").withField("token", c.token() + " "))).tokenOnly(),
        bare("token cut short", 401,
            c -> c.send(c.ecs("start i-a1").withField("token", c.token().substring(1)))).tokenOnly(),
        bare("token given twice", 401, c -> {
          SlashCommandRequest r = c.ecs("start i-a1");
          return c.send(r.withRawBody(bytes("token=" + c.token() + "&" + text(r.body()))));
        }).tokenOnly(),
        bare("token as a header, not a field", 401,
            c -> c.send(c.ecs("start i-a1").withoutField("token").withHeader("X-Slack-Token", c.token()))).tokenOnly(),
        bare("a valid signature but no token", 401, c -> c.send(c.ecs("start i-a1").withoutField("token"))).tokenOnly());
  }

  private static Stream<FrontCase> methods() {
    return Stream.of(
        bare("GET", 405, c -> c.raw("GET", null)),
        bare("HEAD", 405, c -> c.raw("HEAD", null)),
        bare("PUT with a signed command", 405, c -> signedRaw(c, "PUT")),
        bare("DELETE", 405, c -> c.raw("DELETE", new byte[0])),
        bare("PATCH with a signed command", 405, c -> signedRaw(c, "PATCH")),
        bare("OPTIONS", 405, c -> c.raw("OPTIONS", null)));
  }

  private static Reply signedRaw(Caller c, String method) {
    SlashCommandRequest request = c.ecs("start i-a1");
    return c.raw(method, request.body(), signedHeaders(c, request));
  }

  private static Reply signedAt(Caller c, String timestamp) {
    return c.signedPostAt(timestamp, c.ecs("start i-a1").body(), "Content-Type", "application/x-www-form-urlencoded");
  }

  /** The request twice-headed: both copies right, or the second one wrong. */
  private static Reply doubled(Caller c, String header, boolean bothRight) {
    SlashCommandRequest request = c.ecs("start i-a1");
    String[] signed = signedHeaders(c, request);
    String second = header.equals(SIGNATURE) ? (bothRight ? signed[3] : flipLast(signed[3])) : signed[1];
    String[] headers = Arrays.copyOf(signed, signed.length + 2);
    headers[signed.length] = header;
    headers[signed.length + 1] = second;
    return c.raw("POST", request.body(), headers);
  }

  private static String[] signedHeaders(Caller c, SlashCommandRequest request) {
    String at = Long.toString(now());
    return new String[] {TIMESTAMP, at, SIGNATURE, sign(c.secret(), at, request.body())};
  }

  private static String flipLast(String signature) {
    char last = signature.charAt(signature.length() - 1);
    return signature.substring(0, signature.length() - 1) + (last == '0' ? '1' : '0');
  }

  private static String base64(String hexSignature) {
    String hex = hexSignature.substring(3);
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
