package chatops.local.hostile;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Slack's rule, written again from slack.md rather than shared with the verifier under test:
 * exactly one timestamp of plain decimal seconds within 300 s of now, exactly one signature, equal
 * to {@code v0=} + hex HMAC-SHA256 over {@code v0:ts:body}. Within a second of the window's edge
 * the answer depends on when the Front reads its clock, so it is left open.
 */
final class SignatureOracle {
  enum Verdict { VALID, INVALID, BORDERLINE }

  private SignatureOracle() {}

  static Verdict judge(Fuzzed request, String secret, long now) {
    List<String> stamps = request.all("X-Slack-Request-Timestamp");
    List<String> signatures = request.all("X-Slack-Signature");
    if (stamps.size() != 1 || signatures.size() != 1) return Verdict.INVALID;
    String stamp = stamps.get(0);
    if (!stamp.matches("[0-9]{1,12}")) return Verdict.INVALID;
    long age = Math.abs(now - Long.parseLong(stamp));
    if (age > 301) return Verdict.INVALID;
    byte[] expected = Caller.sign(secret, stamp, request.body).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signatures.get(0).getBytes(StandardCharsets.UTF_8))) return Verdict.INVALID;
    return age >= 299 ? Verdict.BORDERLINE : Verdict.VALID;
  }
}
