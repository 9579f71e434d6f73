package chatops.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deprecated verification token, and what happens when nothing is configured at all. */
class LegacyTokenVerificationTest {
  private static final String TOKEN = "xyzz0WbapA4vBCDEFasx0q6G";
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
  private static final Headers NO_SIGNATURE = Headers.of("Content-Type", "application/x-www-form-urlencoded");

  @Test
  void theRightTokenIsAcceptedWhenNoSigningSecretIsSet() throws Exception {
    SlackRequestVerifier verifier = new SlackRequestVerifier(null, TOKEN, CLOCK);

    Verification verification = verify(verifier, "token=" + TOKEN + "&text=status");

    assertTrue(verification.ok(), verification.reason());
    assertEquals("legacy-token", verification.method());
    assertEquals("legacy-token", verifier.method());
  }

  @Test
  void aWrongTokenIsRefused() throws Exception {
    Verification verification = verify(new SlackRequestVerifier(null, TOKEN, CLOCK), "token=guess&text=status");

    assertFalse(verification.ok());
    assertEquals("the token field does not match SLACK_TOKEN", verification.reason());
    assertFalse(verification.reason().contains("guess"));
    assertFalse(verification.reason().contains(TOKEN));
  }

  @Test
  void aTokenThatOnlyStartsRightIsRefused() throws Exception {
    SlackRequestVerifier verifier = new SlackRequestVerifier(null, TOKEN, CLOCK);

    assertFalse(verify(verifier, "token=" + TOKEN.substring(0, 10)).ok());
    assertFalse(verify(verifier, "token=" + TOKEN + "x").ok());
  }

  @Test
  void anEmptyOrMissingTokenIsRefused() throws Exception {
    SlackRequestVerifier verifier = new SlackRequestVerifier(null, TOKEN, CLOCK);

    assertEquals("the token field is empty", verify(verifier, "token=&text=status").reason());
    assertEquals("no token field in the form", verify(verifier, "text=status").reason());
  }

  @Test
  void aBodyThatDidNotDecodeHasNoTokenToCheck() {
    Verification verification = new SlackRequestVerifier(null, TOKEN, CLOCK)
        .verify(NO_SIGNATURE, bytes("token=" + TOKEN + "&text=%ZZ"), null);

    assertFalse(verification.ok());
    assertEquals("legacy-token", verification.method());
  }

  @Test
  void aConfiguredSigningSecretMakesTheTokenWorthless() throws Exception {
    SlackRequestVerifier verifier = new SlackRequestVerifier(SECRET, TOKEN, CLOCK);

    Verification verification = verify(verifier, "token=" + TOKEN + "&text=status");

    assertFalse(verification.ok());
    assertEquals("signature", verification.method());
    assertEquals("signature", verifier.method());
  }

  @Test
  void withASigningSecretAWrongTokenDoesNotMatterToASignedRequest() throws Exception {
    // Signature over "v0:1700000000:token=wrong&text=status" with SECRET, computed with
    // printf '%s' 'v0:1700000000:token=wrong&text=status' | openssl dgst -sha256 -hmac "$SECRET"
    byte[] body = bytes("token=wrong&text=status");
    Headers headers = Headers.of("X-Slack-Request-Timestamp", "1700000000",
        "X-Slack-Signature", "v0=3b00245b4b321e1688a1488b403fae29b9dcf577a9e958b90aac38adcac40313");

    Verification verification = new SlackRequestVerifier(SECRET, TOKEN, CLOCK)
        .verify(headers, body, FormBody.decode(body));

    assertTrue(verification.ok(), verification.reason());
  }

  @Test
  void withNothingConfiguredEveryRequestIsRefused() throws Exception {
    SlackRequestVerifier verifier = new SlackRequestVerifier(null, null, CLOCK);

    Verification verification = verify(verifier, "token=" + TOKEN);

    assertFalse(verification.ok());
    assertEquals("none", verification.method());
    assertEquals("none", verifier.method());
    assertTrue(verification.reason().contains("SLACK_SIGNING_SECRET"));
  }

  @Test
  void blankSettingsCountAsUnset() throws Exception {
    assertEquals("none", new SlackRequestVerifier(" ", "", CLOCK).method());
    assertEquals("legacy-token", new SlackRequestVerifier("", TOKEN, CLOCK).method());
    assertFalse(verify(new SlackRequestVerifier("", " ", CLOCK), "token=+").ok());
  }

  @Test
  void startUpCanNameTheMissingVariables() {
    assertEquals(List.of("SLACK_SIGNING_SECRET", "SLACK_TOKEN"), SlackRequestVerifier.missingConfiguration(null, null));
    assertEquals(List.of("SLACK_SIGNING_SECRET", "SLACK_TOKEN"), SlackRequestVerifier.missingConfiguration("", " "));
    assertEquals(List.of(), SlackRequestVerifier.missingConfiguration(SECRET, null));
    assertEquals(List.of(), SlackRequestVerifier.missingConfiguration(null, TOKEN));
  }

  private static Verification verify(SlackRequestVerifier verifier, String body) throws MalformedFormException {
    return verifier.verify(NO_SIGNATURE, bytes(body), FormBody.decode(bytes(body)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
