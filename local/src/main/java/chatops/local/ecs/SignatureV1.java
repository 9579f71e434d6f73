package chatops.local.ecs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud RPC signature version 1.0 with HMAC-SHA1: every parameter but {@code Signature},
 * sorted by name, percent-encoded (space as %20, {@code *} as %2A, {@code ~} kept), joined with
 * {@code &}; string to sign = METHOD&%2F&encode(canonical); key = secret + "&".
 */
final class SignatureV1 {
  private SignatureV1() {}

  /** {@code parameters} must already be sorted by name and exclude {@code Signature}. */
  static String stringToSign(String method, Map<String, String> parameters) {
    StringJoiner canonical = new StringJoiner("&");
    for (Map.Entry<String, String> entry : parameters.entrySet()) {
      canonical.add(percentEncode(entry.getKey()) + "=" + percentEncode(entry.getValue()));
    }
    return method + "&" + percentEncode("/") + "&" + percentEncode(canonical.toString());
  }

  static String sign(String stringToSign, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
  }

  /** Constant time, so response timing says nothing about how much of a forged signature matched. */
  static boolean matches(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  static String percentEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }
}
