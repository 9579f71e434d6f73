package chatops.execution;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The server side of the ECS RPC protocol, written from the published rules rather than from the
 * SDK: reads a call's parameters, recomputes its HMAC-SHA1 v1 signature, and builds ECS's answers.
 */
final class EcsRpc {
  final String method;
  final Map<String, String> params;

  private EcsRpc(String method, Map<String, String> params) {
    this.method = method;
    this.params = params;
  }

  /** Every parameter of the call, from the query string and, for a form POST, the body. */
  static EcsRpc read(RecordedRequest request) {
    Map<String, String> params = new TreeMap<>();
    String target = request.getPath();
    int q = target.indexOf('?');
    if (q >= 0) addPairs(target.substring(q + 1), params);
    String body = request.getBody().readUtf8();
    String type = request.getHeader("Content-Type");
    if (!body.isEmpty() && type != null && type.startsWith("application/x-www-form-urlencoded")) {
      addPairs(body, params);
    }
    return new EcsRpc(request.getMethod(), params);
  }

  String param(String name) {
    return params.get(name);
  }

  /** {@code InstanceId.1 .. InstanceId.N} in order; fails on a gap. */
  List<String> numbered(String prefix) {
    List<String> values = new ArrayList<>();
    for (int n = 1; params.containsKey(prefix + "." + n); n++) values.add(params.get(prefix + "." + n));
    long all = params.keySet().stream().filter(k -> k.startsWith(prefix + ".")).count();
    if (all != values.size()) throw new AssertionError("gap in " + prefix + ".N: " + params.keySet());
    return values;
  }

  /** METHOD&%2F&enc(sorted canonical query), HMAC-SHA1 keyed with secret + "&", base64. */
  String expectedSignature(String secret) {
    StringJoiner canonical = new StringJoiner("&");
    for (Map.Entry<String, String> p : params.entrySet()) {
      if (!p.getKey().equals("Signature")) canonical.add(encode(p.getKey()) + "=" + encode(p.getValue()));
    }
    String toSign = method + "&" + encode("/") + "&" + encode(canonical.toString());
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec((secret + "&").getBytes(UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** RFC 3986 unreserved characters stay; everything else is %XX of its UTF-8 bytes (so space is %20, * is %2A). */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(UTF_8)) {
      int c = b & 0xff;
      boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~';
      if (unreserved) out.append((char) c);
      else out.append('%').append(String.format("%02X", c));
    }
    return out.toString();
  }

  private static void addPairs(String raw, Map<String, String> into) {
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (into.put(key, value) != null) throw new AssertionError("repeated parameter " + key);
    }
  }

  /** Strict percent-decoding; '+' is taken literally because the protocol encodes space as %20. */
  private static String decode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return new String(bytes.toByteArray(), UTF_8);
  }

  // ---- ECS's answers, shaped like the API reference's examples ----

  static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status)
        .setHeader("Content-Type", "application/json;charset=utf-8").setBody(body);
  }

  static MockResponse error(int status, String code, String message, String requestId) {
    return json(status, "{\"RequestId\":\"" + requestId + "\",\"HostId\":\"ecs.cn-hangzhou.aliyuncs.com\","
        + "\"Code\":\"" + code + "\",\"Message\":\"" + message + "\","
        + "\"Recommend\":\"https://api.aliyun.com/troubleshoot?q=" + code + "&product=Ecs\"}");
  }

  /** ECS's own example of a {@code StartTime}, to the minute as real answers give it. */
  static final String START_TIME = "2026-02-27T03:15Z";

  /** One {@code DescribeInstances.Instances.Instance[]} entry with the attributes real answers carry. */
  static String instance(String id, String name, String status, String zone, String type) {
    return instance(id, name, status, zone, type, "\"" + START_TIME + "\"");
  }

  /** @param startTimeJson the {@code StartTime} value as JSON (quoted string, {@code null}), or null to leave it out */
  static String instance(String id, String name, String status, String zone, String type, String startTimeJson) {
    return "{\"InstanceId\":\"" + id + "\",\"InstanceName\":\"" + name + "\",\"Status\":\"" + status + "\","
        + "\"RegionId\":\"cn-hangzhou\",\"ZoneId\":\"" + zone + "\",\"InstanceType\":\"" + type + "\","
        + (startTimeJson == null ? "" : "\"StartTime\":" + startTimeJson + ",")
        + "\"CreationTime\":\"2026-01-05T08:00Z\","
        + "\"Cpu\":2,\"Memory\":4096,\"OSName\":\"Alibaba Cloud Linux 3\",\"InstanceChargeType\":\"PostPaid\","
        + "\"StoppedMode\":\"KeepCharging\",\"ExpiredTime\":\"2099-12-31T15:59Z\","
        + "\"VpcAttributes\":{\"VpcId\":\"vpc-bp1\",\"PrivateIpAddress\":{\"IpAddress\":[\"172.16.0.10\"]}},"
        + "\"OperationLocks\":{\"LockReason\":[]},"
        + "\"Tags\":{\"Tag\":[{\"TagKey\":\"team\",\"TagValue\":\"ops\"}]}}";
  }

  static MockResponse describeInstances(String requestId, int total, int pageNumber, int pageSize,
      String... instances) {
    return json(200, "{\"RequestId\":\"" + requestId + "\",\"TotalCount\":" + total + ",\"PageNumber\":"
        + pageNumber + ",\"PageSize\":" + pageSize + ",\"NextToken\":\"\","
        + "\"Instances\":{\"Instance\":[" + String.join(",", instances) + "]}}");
  }

  /** One {@code InstanceResponses.InstanceResponse[]} entry of a batch change's answer. */
  static String instanceResponse(String id, String code, String message, String previous, String current) {
    return "{\"Code\":\"" + code + "\",\"Message\":\"" + message + "\",\"InstanceId\":\"" + id + "\","
        + "\"CurrentStatus\":\"" + current + "\",\"PreviousStatus\":\"" + previous + "\"}";
  }

  static MockResponse batchAnswer(String requestId, String... instanceResponses) {
    return json(200, "{\"RequestId\":\"" + requestId + "\",\"InstanceResponses\":{\"InstanceResponse\":["
        + String.join(",", instanceResponses) + "]}}");
  }
}
