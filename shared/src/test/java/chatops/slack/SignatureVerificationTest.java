package chatops.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Slack's request signing, checked against signatures computed outside this code base with
 * OpenSSL 3, e.g.
 * <pre>printf '%s' "v0:1700000000:$BODY" | openssl dgst -sha256 -hmac "$SECRET"</pre>
 * so the test cannot share a mistake with the implementation.
 */
class SignatureVerificationTest {
  /** The example secret from Slack's "Verifying requests from Slack" page. */
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final long SENT_AT = 1_700_000_000L;
  private static final String BODY = "token=legacy-verification-token&team_id=T0001&team_domain=acme"
      + "&channel_id=C0123ABC&channel_name=ops&user_id=U0456DEF&user_name=alice&command=%2Fecs"
      + "&text=start+i-bp1abc+cn-hangzhou&api_app_id=A0789"
      + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0001%2F1%2Fxyz"
      + "&trigger_id=13345224609.738474920.8088930838d88f008e0";
  /** openssl: v0:1700000000:$BODY, key $SECRET. */
  private static final String SIGNATURE = "v0=df5574d8a0afd3717c24e632805d5bb73b6ccdfacbf9153e2f113f645564e937";
  /** openssl: v0:1700000000:$BODY, key "another-signing-secret". */
  private static final String SIGNATURE_BY_ANOTHER_SECRET =
      "v0=6a16e01a1c7ff6cb33da1e0831eb4832a8d5a34bfcb573536b1fff0d7be15403";

  @Test
  void slacksOwnDocumentedExampleVerifies() {
    String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
        + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
        + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands"
        + "%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
        + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    Headers headers = signed("1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");

    Verification verification = verifierAt(1_531_420_618L).verify(headers, bytes(body), null);

    assertTrue(verification.ok(), verification.reason());
    assertEquals(Verification.SIGNATURE, verification.method());
  }

  @Test
  void aGenuineCommandIsAccepted() throws Exception {
    Verification verification = verifierAt(SENT_AT)
        .verify(signed("1700000000", SIGNATURE), bytes(BODY), FormBody.decode(bytes(BODY)));

    assertTrue(verification.ok(), verification.reason());
    assertEquals("signature", verification.method());
  }

  @Test
  void anEmptyBodyIsSignedToo() {
    // openssl: v0:1700000000: (nothing after the colon), key $SECRET.
    Headers headers = signed("1700000000", "v0=e32114b39f9a22e4b8d8778478b39e6ed0677e5562e5474c3104b4074f1917e2");

    assertTrue(verifierAt(SENT_AT).verify(headers, new byte[0], null).ok());
  }

  @Test
  void theSignatureCoversTheRawBytesEvenWhenTheyAreNotText() {
    // openssl: printf 'v0:1700000000:text=\xff\xfe%%E6%%97%%A5', key $SECRET. Re-encoding the
    // body through a String would turn 0xff 0xfe into replacement characters and fail.
    byte[] body = {'t', 'e', 'x', 't', '=', (byte) 0xff, (byte) 0xfe, '%', 'E', '6', '%', '9', '7', '%', 'A', '5'};
    Headers headers = signed("1700000000", "v0=4380685edc2cd4ffe63b4bc1bae78172a0756dba20d997b41b17273ed6adf006");

    assertTrue(verifierAt(SENT_AT).verify(headers, body, null).ok());
  }

  @Test
  void aTamperedBodyIsRefused() {
    byte[] tampered = bytes(BODY.replace("i-bp1abc", "i-bp1abd"));

    Verification verification = verifierAt(SENT_AT).verify(signed("1700000000", SIGNATURE), tampered, null);

    assertFalse(verification.ok());
    assertEquals("X-Slack-Signature does not match the body and timestamp", verification.reason());
  }

  @Test
  void aSignatureMadeWithAnotherSecretIsRefused() {
    assertRefused(signed("1700000000", SIGNATURE_BY_ANOTHER_SECRET), "does not match");
  }

  @Test
  void aSignatureIsBoundToItsTimestamp() {
    assertRefused(signed("1700000001", SIGNATURE), "does not match");
  }

  @Test
  void fiveMinutesOfSkewEitherWayIsAccepted() {
    assertTrue(verifierAt(SENT_AT + 300).verify(signed("1700000000", SIGNATURE), bytes(BODY), null).ok());
    assertTrue(verifierAt(SENT_AT - 300).verify(signed("1700000000", SIGNATURE), bytes(BODY), null).ok());
  }

  @Test
  void aRequestOlderThanFiveMinutesIsAReplay() {
    Verification verification = verifierAt(SENT_AT + 301).verify(signed("1700000000", SIGNATURE), bytes(BODY), null);

    assertFalse(verification.ok());
    assertEquals("X-Slack-Request-Timestamp is 301 s old (limit 300 s)", verification.reason());
  }

  @Test
  void aRequestFromMoreThanFiveMinutesInTheFutureIsRefused() {
    Verification verification = verifierAt(SENT_AT - 301).verify(signed("1700000000", SIGNATURE), bytes(BODY), null);

    assertFalse(verification.ok());
    assertEquals("X-Slack-Request-Timestamp is 301 s in the future (limit 300 s)", verification.reason());
  }

  @Test
  void aCorrectlySignedTimestampWithASignIsStillRefused() {
    // openssl: v0:+1700000000:$BODY, key $SECRET. The HMAC is right; the timestamp is not plain.
    assertRefused(signed("+1700000000", "v0=73a871afa8d6923d533e4acda6d188b016196960a87ff4e7910b7e3eb339187e"),
        "not a plain decimal");
  }

  @Test
  void aCorrectlySignedHugeTimestampIsRefusedBeforeItCanOverflow() {
    // openssl: v0:17000000000000000000000:$BODY, key $SECRET.
    assertRefused(signed("17000000000000000000000",
        "v0=d64f5ea8fcf1d76ef0e0abd283a49f7b298c1041259643eb540f0464cbeadb08"), "not a plain decimal");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "-1700000000", " 1700000000", "1700000000 ", "1.7e9", "0x6553f100",
      "1700000000.5", "\u0661\u0667\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660", "9999999999999"})
  void aTimestampMustBeAPlainDecimalNumberOfSeconds(String timestamp) {
    assertRefused(signed(timestamp, SIGNATURE), "not a plain decimal");
  }

  @Test
  void theTimestampHeaderIsRequiredExactlyOnce() {
    assertRefused(Headers.of("X-Slack-Signature", SIGNATURE), "no X-Slack-Request-Timestamp header");
    assertRefused(Headers.of("X-Slack-Request-Timestamp", "1700000000", "X-Slack-Signature", SIGNATURE,
        "x-slack-request-timestamp", "1700000000"), "more than one X-Slack-Request-Timestamp header");
  }

  @Test
  void theSignatureHeaderIsRequiredExactlyOnceEvenWhenBothCopiesAreValid() {
    assertRefused(Headers.of("X-Slack-Request-Timestamp", "1700000000"), "no X-Slack-Signature header");
    assertRefused(Headers.of("X-Slack-Request-Timestamp", "1700000000",
        "X-Slack-Signature", SIGNATURE, "X-Slack-Signature", SIGNATURE), "more than one X-Slack-Signature");
    assertRefused(Headers.of("X-Slack-Request-Timestamp", "1700000000",
        "X-Slack-Signature", SIGNATURE, "x-slack-signature", SIGNATURE), "more than one X-Slack-Signature");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "",
    "v0=",
    "df5574d8a0afd3717c24e632805d5bb73b6ccdfacbf9153e2f113f645564e937",
    "V0=df5574d8a0afd3717c24e632805d5bb73b6ccdfacbf9153e2f113f645564e937",
    "v1=df5574d8a0afd3717c24e632805d5bb73b6ccdfacbf9153e2f113f645564e937",
    "v0=DF5574D8A0AFD3717C24E632805D5BB73B6CCDFACBF9153E2F113F645564E937",
    "v0=df5574d8a0afd3717c24e632805d5bb73b6ccdfacbf9153e2f113f645564e93",
    "v0=df5574d8a0afd3717c24e632805d5bb73b6ccdfacbf9153e2f113f645564e9377",
    "v0=df5574d8a0afd3717c24e632805d5bb73b6ccdfacbf9153e2f113f645564e937 ",
    " v0=df5574d8a0afd3717c24e632805d5bb73b6ccdfacbf9153e2f113f645564e937",
    "v0=gf5574d8a0afd3717c24e632805d5bb73b6ccdfacbf9153e2f113f645564e937",
    "v0=df5574d8a0afd3717c24e632805d5bb73b6ccdfacbf9153e2f113f645564e937,v0=df5574d8a0afd3717c24e632805d5bb7"
  })
  void aSignatureMustBeV0AndSixtyFourLowerCaseHexDigits(String signature) {
    assertRefused(signed("1700000000", signature), "not v0= followed by 64 lower-case hex digits");
  }

  @Test
  void headerNamesMatchInAnyCase() {
    Headers lower = Headers.of("x-slack-request-timestamp", "1700000000", "x-slack-signature", SIGNATURE);
    Headers upper = Headers.of("X-SLACK-REQUEST-TIMESTAMP", "1700000000", "X-SLACK-SIGNATURE", SIGNATURE);

    assertTrue(verifierAt(SENT_AT).verify(lower, bytes(BODY), null).ok());
    assertTrue(verifierAt(SENT_AT).verify(upper, bytes(BODY), null).ok());
  }

  @Test
  void noReasonEverRepeatsTheSecretOrASignature() {
    SlackRequestVerifier verifier = verifierAt(SENT_AT);
    List<Headers> attempts = List.of(signed("1700000000", SIGNATURE_BY_ANOTHER_SECRET),
        signed("1700000000", SIGNATURE.toUpperCase()), signed("1700009999", SIGNATURE),
        signed("17000000x0", SIGNATURE), Headers.of());

    for (Headers headers : attempts) {
      String reason = verifier.verify(headers, bytes(BODY + "x"), null).reason();
      assertFalse(reason.contains(SECRET), reason);
      assertFalse(reason.contains("df5574d8a0afd371"), reason);
      assertFalse(reason.contains("6a16e01a1c7ff6cb"), reason);
      assertFalse(reason.contains("17000000x0"), reason);
    }
    assertFalse(verifier.toString().contains(SECRET));
  }

  @Test
  void oneVerifierServesManyThreadsAtOnce() throws Exception {
    SlackRequestVerifier verifier = verifierAt(SENT_AT);
    byte[] genuine = bytes(BODY);
    byte[] tampered = bytes(BODY + "&extra=1");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int task = 0; task < 64; task++) {
        results.add(pool.submit(() -> {
          for (int i = 0; i < 200; i++) {
            boolean right = verifier.verify(signed("1700000000", SIGNATURE), genuine, null).ok()
                && !verifier.verify(signed("1700000000", SIGNATURE), tampered, null).ok();
            if (!right) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertRefused(Headers headers, String reasonPart) {
    Verification verification = verifierAt(SENT_AT).verify(headers, bytes(BODY), null);
    assertFalse(verification.ok());
    assertEquals("signature", verification.method());
    assertTrue(verification.reason().contains(reasonPart), verification.reason());
  }

  private static SlackRequestVerifier verifierAt(long epochSecond) {
    return new SlackRequestVerifier(SECRET, null, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  private static Headers signed(String timestamp, String signature) {
    return Headers.of("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", signature);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
