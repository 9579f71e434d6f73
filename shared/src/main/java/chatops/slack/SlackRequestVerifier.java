package chatops.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decides whether a request really comes from Slack, before anything in it is acted on.
 *
 * <p>With a signing secret: {@code X-Slack-Signature} must be {@code v0=} followed by the
 * lower-case hex HMAC-SHA256 of {@code v0:<timestamp>:<raw body bytes>}, and
 * {@code X-Slack-Request-Timestamp} must be within {@value #MAX_SKEW_SECONDS} s of the clock in
 * either direction, so a captured request cannot be replayed later. Each header must arrive exactly
 * once: with two, a proxy and this code could each pick a different one.
 *
 * <p>Without a signing secret, the deprecated {@code token} form field is compared with the legacy
 * token. A configured signing secret always wins: the token is then ignored, so a leaked token
 * cannot bypass signatures. With neither configured every request is refused.
 *
 * <p>Comparisons are constant-time ({@link MessageDigest#isEqual}). The token is compared by its
 * SHA-256 digest, so the comparison does not even reveal the token's length. Thread-safe.
 *
 * <p>The signature path runs on every request against a p99 budget of 1 ms, so the key is built
 * once, each thread keeps its own {@link Mac} and digest buffers, the base string is fed to the
 * HMAC piecewise instead of being concatenated, and genuine requests share one verdict object:
 * what a genuine request still allocates is the JDK's own HMAC scratch, a few dozen bytes.
 */
public final class SlackRequestVerifier {
  /** Slack refuses older requests too; five minutes absorbs clock drift and network delay. */
  public static final long MAX_SKEW_SECONDS = 300;
  /** Unix seconds have 10 digits until the year 2286; 12 leaves room and keeps arithmetic exact. */
  private static final int MAX_TIMESTAMP_DIGITS = 12;
  private static final String TIMESTAMP_HEADER = "x-slack-request-timestamp";
  private static final String SIGNATURE_HEADER = "x-slack-signature";
  private static final String SIGNATURE_PREFIX = "v0=";
  private static final byte[] BASE_STRING_PREFIX = "v0:".getBytes(StandardCharsets.US_ASCII);
  private static final int HMAC_SHA256_BYTES = 32;
  private static final String HMAC = "HmacSHA256";

  // Fixed verdicts are shared so the common paths do not allocate them.
  private static final Verification SIGNATURE_OK = Verification.accepted(Verification.SIGNATURE);
  private static final Verification TOKEN_OK = Verification.accepted(Verification.LEGACY_TOKEN);
  private static final Verification NOT_CONFIGURED = Verification.refused(Verification.NONE,
      "neither SLACK_SIGNING_SECRET nor SLACK_TOKEN is configured; every request is refused");
  private static final Verification NO_TIMESTAMP = signatureRefused("no X-Slack-Request-Timestamp header");
  private static final Verification TWO_TIMESTAMPS = signatureRefused("more than one X-Slack-Request-Timestamp header");
  private static final Verification BAD_TIMESTAMP = signatureRefused(
      "X-Slack-Request-Timestamp is not a plain decimal number of seconds");
  private static final Verification NO_SIGNATURE = signatureRefused("no X-Slack-Signature header");
  private static final Verification TWO_SIGNATURES = signatureRefused("more than one X-Slack-Signature header");
  private static final Verification BAD_SIGNATURE = signatureRefused(
      "X-Slack-Signature is not v0= followed by 64 lower-case hex digits");
  private static final Verification WRONG_SIGNATURE = signatureRefused(
      "X-Slack-Signature does not match the body and timestamp");
  private static final Verification NO_FORM = tokenRefused("the body is not a readable form, so it has no token");
  private static final Verification NO_TOKEN = tokenRefused("no token field in the form");
  private static final Verification EMPTY_TOKEN = tokenRefused("the token field is empty");
  private static final Verification WRONG_TOKEN = tokenRefused("the token field does not match SLACK_TOKEN");

  private final SecretKeySpec signingKey;
  private final byte[] tokenDigest;
  private final Clock clock;
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(this::newScratch);

  /**
   * @param signingSecretOrNull {@code SLACK_SIGNING_SECRET}; null or blank means not configured
   * @param legacyTokenOrNull   {@code SLACK_TOKEN}; used only when there is no signing secret
   * @param clock               the clock timestamps are checked against
   */
  public SlackRequestVerifier(String signingSecretOrNull, String legacyTokenOrNull, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.signingKey = isSet(signingSecretOrNull)
        ? new SecretKeySpec(signingSecretOrNull.getBytes(StandardCharsets.UTF_8), HMAC)
        : null;
    this.tokenDigest = signingKey == null && isSet(legacyTokenOrNull)
        ? newSha256().digest(legacyTokenOrNull.getBytes(StandardCharsets.UTF_8))
        : null;
    // Fails here, at start-up, rather than on the first request if the JCE cannot do the job.
    scratch.get();
  }

  /**
   * The environment variables of which one must be set before any request can be accepted,
   * recommended first; empty when verification can work. For the start-up log.
   */
  public static List<String> missingConfiguration(String signingSecretOrNull, String legacyTokenOrNull) {
    return isSet(signingSecretOrNull) || isSet(legacyTokenOrNull)
        ? List.of()
        : List.of("SLACK_SIGNING_SECRET", "SLACK_TOKEN");
  }

  /** The method every request is verified with: {@link Verification#SIGNATURE}, {@code LEGACY_TOKEN} or {@code NONE}. */
  public String method() {
    return signingKey != null ? Verification.SIGNATURE
        : tokenDigest != null ? Verification.LEGACY_TOKEN
        : Verification.NONE;
  }

  /**
   * @param headers the request headers
   * @param rawBody the body exactly as received, before any decoding
   * @param form    the decoded body, read only in legacy-token mode; null when it did not decode,
   *                so a signed request can still be verified before its form errors are reported
   */
  public Verification verify(Headers headers, byte[] rawBody, FormBody form) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(rawBody, "rawBody");
    if (signingKey != null) {
      return verifySignature(headers, rawBody);
    }
    if (tokenDigest != null) {
      return verifyToken(form);
    }
    return NOT_CONFIGURED;
  }

  private Verification verifySignature(Headers headers, byte[] rawBody) {
    List<String> timestamps = headers.all(TIMESTAMP_HEADER);
    if (timestamps.size() != 1) {
      return timestamps.isEmpty() ? NO_TIMESTAMP : TWO_TIMESTAMPS;
    }
    String timestamp = timestamps.get(0);
    long sentAt = plainSeconds(timestamp);
    if (sentAt < 0) {
      return BAD_TIMESTAMP;
    }
    long age = Math.floorDiv(clock.millis(), 1000L) - sentAt;
    if (age > MAX_SKEW_SECONDS) {
      return signatureRefused("X-Slack-Request-Timestamp is " + age + " s old (limit "
          + MAX_SKEW_SECONDS + " s)");
    }
    if (age < -MAX_SKEW_SECONDS) {
      return signatureRefused("X-Slack-Request-Timestamp is " + -age + " s in the future (limit "
          + MAX_SKEW_SECONDS + " s)");
    }
    List<String> signatures = headers.all(SIGNATURE_HEADER);
    if (signatures.size() != 1) {
      return signatures.isEmpty() ? NO_SIGNATURE : TWO_SIGNATURES;
    }
    Scratch s = scratch.get();
    if (!readSignature(signatures.get(0), s.provided)) {
      return BAD_SIGNATURE;
    }
    s.sign(timestamp, rawBody);
    return MessageDigest.isEqual(s.expected, s.provided) ? SIGNATURE_OK : WRONG_SIGNATURE;
  }

  private Verification verifyToken(FormBody form) {
    if (form == null) {
      return NO_FORM;
    }
    String token = form.get("token").orElse(null);
    if (token == null) {
      return NO_TOKEN;
    }
    if (token.isEmpty()) {
      return EMPTY_TOKEN;
    }
    MessageDigest sha256 = scratch.get().sha256;
    byte[] provided = sha256.digest(token.getBytes(StandardCharsets.UTF_8));
    return MessageDigest.isEqual(tokenDigest, provided) ? TOKEN_OK : WRONG_TOKEN;
  }

  /** The seconds in a string of 1..12 ASCII digits; -1 for anything else (sign, space, exponent...). */
  private static long plainSeconds(String timestamp) {
    int length = timestamp.length();
    if (length == 0 || length > MAX_TIMESTAMP_DIGITS) {
      return -1;
    }
    long seconds = 0;
    for (int i = 0; i < length; i++) {
      char c = timestamp.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      seconds = seconds * 10 + (c - '0');
    }
    return seconds;
  }

  /** Decodes {@code v0=} + 64 lower-case hex digits into {@code into}; false if it has any other shape. */
  private static boolean readSignature(String header, byte[] into) {
    if (header.length() != SIGNATURE_PREFIX.length() + 2 * HMAC_SHA256_BYTES
        || !header.startsWith(SIGNATURE_PREFIX)) {
      return false;
    }
    for (int i = 0, at = SIGNATURE_PREFIX.length(); i < HMAC_SHA256_BYTES; i++, at += 2) {
      int high = lowerHexValue(header.charAt(at));
      int low = lowerHexValue(header.charAt(at + 1));
      if ((high | low) < 0) {
        return false;
      }
      into[i] = (byte) (high << 4 | low);
    }
    return true;
  }

  private static int lowerHexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  private static Verification signatureRefused(String reason) {
    return Verification.refused(Verification.SIGNATURE, reason);
  }

  private static Verification tokenRefused(String reason) {
    return Verification.refused(Verification.LEGACY_TOKEN, reason);
  }

  private Scratch newScratch() {
    try {
      Mac mac = null;
      if (signingKey != null) {
        mac = Mac.getInstance(HMAC);
        mac.init(signingKey);
      }
      return new Scratch(mac, newSha256());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot compute " + HMAC, e);
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot compute SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "SlackRequestVerifier{method=" + method() + "}";
  }

  /**
   * Per-thread state: a {@link Mac} is not thread-safe and costs a provider lookup to create, and
   * the two digests would otherwise be fresh arrays on every request.
   */
  private static final class Scratch {
    final Mac mac;
    final MessageDigest sha256;
    final byte[] expected = new byte[HMAC_SHA256_BYTES];
    final byte[] provided = new byte[HMAC_SHA256_BYTES];

    Scratch(Mac mac, MessageDigest sha256) {
      this.mac = mac;
      this.sha256 = sha256;
    }

    /** HMAC of {@code v0:<timestamp>:<body>}, fed piecewise so the base string is never built. */
    void sign(String timestamp, byte[] rawBody) {
      mac.reset();
      mac.update(BASE_STRING_PREFIX);
      for (int i = 0; i < timestamp.length(); i++) {
        mac.update((byte) timestamp.charAt(i)); // ASCII digits only: checked before signing
      }
      mac.update((byte) ':');
      mac.update(rawBody);
      try {
        mac.doFinal(expected, 0);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC output does not fit its buffer", e);
      }
    }
  }
}
