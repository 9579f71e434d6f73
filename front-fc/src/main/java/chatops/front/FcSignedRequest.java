package chatops.front;

import chatops.config.AccessKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The headers of one FC 2.0 InvokeFunction call, signed as aliyun-java-sdk-fc 1.8.25 signs them:
 * the same header names and values, and {@code Authorization: FC <key id>:<signature>} where the
 * signature is base64(HMAC-SHA256(secret, method, Content-MD5, Content-Type, Date, every
 * {@code x-fc-*} header as lower-case {@code name:value} in name order, then the path), one per line.
 *
 * <p>One instance per set of credentials; thread-safe (each signature gets its own {@link Mac}).
 */
final class FcSignedRequest {
  static final String CONTENT_TYPE = "application/octet-stream";
  private static final String HMAC = "HmacSHA256";
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS =
      {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

  private final AccessKey credentials;
  private final String accountId;
  private final SecretKeySpec key;

  FcSignedRequest(AccessKey credentials, String accountId) {
    this.credentials = credentials;
    this.accountId = accountId;
    this.key = new SecretKeySpec(credentials.secret().getBytes(StandardCharsets.UTF_8), HMAC);
  }

  AccessKey credentials() {
    return credentials;
  }

  /** Every header of an async POST of {@code payload} to {@code path}, signed at {@code epochMillis}. */
  Map<String, String> headers(String path, byte[] payload, long epochMillis) {
    String contentMd5 = Base64.getEncoder().encodeToString(digest("MD5", payload));
    String date = rfc1123(epochMillis);
    String token = credentials.securityToken().orElse(null);
    // The x-fc-* headers in name order, as they enter the string to sign.
    StringBuilder toSign = new StringBuilder(256)
        .append("POST\n").append(contentMd5).append('\n').append(CONTENT_TYPE).append('\n').append(date).append('\n')
        .append("x-fc-account-id:").append(accountId).append('\n')
        .append("x-fc-invocation-type:Async\n");
    if (token != null) toSign.append("x-fc-security-token:").append(token).append('\n');
    toSign.append(path);

    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "FC " + credentials.id() + ":" + sign(toSign.toString()));
    headers.put("Accept", "application/json");
    headers.put("X-Fc-Invocation-Type", "Async");
    headers.put("x-fc-account-id", accountId);
    headers.put("Date", date);
    headers.put("Content-Type", CONTENT_TYPE);
    headers.put("Content-MD5", contentMd5);
    if (token != null) headers.put("x-fc-security-token", token);
    return headers;
  }

  /**
   * RFC 1123 in GMT with a two-digit day ("Tue, 02 Jan 2024 08:00:00 GMT"), as the SDK's
   * SimpleDateFormat writes it. By hand, because a formatter that prints a zone name loads the
   * JDK's locale and time-zone-name data on its first use, tens of milliseconds of a cold start.
   */
  static String rfc1123(long epochMillis) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L), 0, ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(29)
        .append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
    twoDigits(out, t.getDayOfMonth()).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ')
        .append(t.getYear()).append(' ');
    twoDigits(out, t.getHour()).append(':');
    twoDigits(out, t.getMinute()).append(':');
    return twoDigits(out, t.getSecond()).append(" GMT").toString();
  }

  private static StringBuilder twoDigits(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  private String sign(String toSign) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot compute " + HMAC, e);
    }
  }

  private static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot compute " + algorithm, e);
    }
  }
}
