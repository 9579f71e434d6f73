package chatops.local.fc;

import okhttp3.Headers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether an invoke API request is authentic, the way FC 2.0 does: the {@code FC ak:signature}
 * Authorization over the signed string, the STS token bound to that key, the account, a Date within
 * 15 minutes of the server's clock, and the body's Content-MD5.
 */
final class InvokeAuthenticator {
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);
  private static final String SCHEME = "FC ";

  private final String accountId;
  private final Map<String, StsKey> keysById;
  private final Clock clock;

  InvokeAuthenticator(String accountId, Map<String, StsKey> keysById, Clock clock) {
    this.accountId = accountId;
    this.keysById = Map.copyOf(keysById);
    this.clock = clock;
  }

  /** Empty when the request may proceed; otherwise the error FC would answer. */
  Optional<FcError> check(WireRequest request) {
    Headers headers = request.headers();
    String date = headers.get("Date");
    if (date == null) {
      return Optional.of(FcError.missingHeader("Date"));
    }
    String authorization = headers.get("Authorization");
    if (authorization == null) {
      return Optional.of(FcError.missingHeader("Authorization"));
    }
    int colon = authorization.indexOf(':');
    if (!authorization.startsWith(SCHEME) || colon < 0) {
      return Optional.of(FcError.invalidArgument("Authorization must be 'FC <AccessKeyId>:<Signature>'"));
    }
    String accessKeyId = authorization.substring(SCHEME.length(), colon).trim();
    String signature = authorization.substring(colon + 1).trim();
    StsKey key = keysById.get(accessKeyId);
    if (key == null) {
      return Optional.of(FcError.invalidAccessKeyId(accessKeyId));
    }
    String expected = FcSignature.sign(key.getAccessKeySecret(), FcSignature.stringToSign(
        request.method(), headers, request.decodedPath(), request.query()));
    if (!constantTimeEquals(expected, signature)) {
      return Optional.of(FcError.signatureNotMatch());
    }
    String token = headers.get(FcHeaders.SECURITY_TOKEN);
    boolean tokenMatches = key.securityToken()
        .map(registered -> token != null && constantTimeEquals(registered, token))
        .orElse(token == null);
    if (!tokenMatches) {
      return Optional.of(FcError.invalidSecurityToken());
    }
    String account = headers.get(FcHeaders.ACCOUNT_ID);
    if (account == null) {
      return Optional.of(FcError.missingHeader(FcHeaders.ACCOUNT_ID));
    }
    if (!account.equals(accountId)) {
      return Optional.of(FcError.accessDenied("the caller is not allowed to access account '" + account + "'"));
    }
    Optional<FcError> dateError = checkDate(date);
    if (dateError.isPresent()) {
      return dateError;
    }
    return checkContentMd5(headers.get("Content-MD5"), request);
  }

  private Optional<FcError> checkDate(String date) {
    Instant sent;
    try {
      sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return Optional.of(FcError.invalidArgument("Date must be an RFC 1123 date, e.g. 'Mon, 02 Jan 2006 15:04:05 GMT'"));
    }
    Duration skew = Duration.between(sent, clock.instant()).abs();
    return skew.compareTo(MAX_CLOCK_SKEW) > 0 ? Optional.of(FcError.requestTimeTooSkewed()) : Optional.empty();
  }

  private static Optional<FcError> checkContentMd5(String contentMd5, WireRequest request) {
    if (request.bodySize() == 0) {
      return Optional.empty();
    }
    if (contentMd5 == null) {
      return Optional.of(FcError.missingHeader("Content-MD5"));
    }
    if (!constantTimeEquals(md5Base64(request.body()), contentMd5)) {
      return Optional.of(FcError.invalidArgument("Content-MD5 does not match the request body"));
    }
    return Optional.empty();
  }

  static String md5Base64(byte[] body) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JRE", e);
    }
  }

  private static boolean constantTimeEquals(String expected, String actual) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }
}
