package chatops.local.fc;

import okhttp3.Headers;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The FC 2.0 request signature, rebuilt from aliyun-java-sdk-fc 1.8.25's {@code FcSignatureComposer}:
 * <pre>
 * METHOD \n Content-MD5 \n Content-Type \n Date \n
 * each header whose lower-cased name starts with "x-fc", lower-cased and sorted, as name:value\n
 * path (percent-decoded, as the SDK signs it before escaping)
 * [\n each query parameter as k=v, sorted, one a line]  (only when the request has a query)
 * </pre>
 * signed with base64(HMAC-SHA256(secret)). The SDK's InvokeFunction signs without the query part.
 */
final class FcSignature {
  private static final String SIGNED_PREFIX = "x-fc";

  private FcSignature() {
  }

  static String stringToSign(String method, Headers headers, String decodedPath, Map<String, List<String>> query) {
    StringBuilder text = new StringBuilder();
    text.append(method).append('\n');
    text.append(valueOrEmpty(headers, "Content-MD5")).append('\n');
    text.append(valueOrEmpty(headers, "Content-Type")).append('\n');
    text.append(valueOrEmpty(headers, "Date")).append('\n');
    for (Map.Entry<String, String> header : signedHeaders(headers).entrySet()) {
      text.append(header.getKey()).append(':').append(header.getValue()).append('\n');
    }
    text.append(decodedPath);
    if (!query.isEmpty()) {
      text.append('\n').append(String.join("\n", sortedQuery(query)));
    }
    return text.toString();
  }

  static String sign(String accessKeySecret, String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(accessKeySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }

  private static Map<String, String> signedHeaders(Headers headers) {
    Map<String, String> sorted = new TreeMap<>();
    for (String name : headers.names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith(SIGNED_PREFIX)) {
        // The SDK keeps one value per name; a repeated header cannot have been signed by it.
        sorted.put(lower, String.join(",", headers.values(name)));
      }
    }
    return sorted;
  }

  private static List<String> sortedQuery(Map<String, List<String>> query) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      for (String value : parameter.getValue()) {
        lines.add(value == null ? parameter.getKey() : parameter.getKey() + "=" + value);
      }
    }
    Collections.sort(lines);
    return lines;
  }

  private static String valueOrEmpty(Headers headers, String name) {
    String value = headers.get(name);
    return value == null ? "" : value;
  }
}
