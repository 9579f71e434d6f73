package chatops.local.ecs;

import com.aliyuncs.auth.AcsURLEncoder;
import com.aliyuncs.auth.signers.HmacSHA1Signer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A hand-built, hand-signed RPC call, for what the SDK will not send: stale timestamps, replayed
 * nonces, tampered parameters, GET requests, parameters in a form body. Signs with the SDK's own
 * encoder and signer, so the emulator is checked against Alibaba's implementation, not its own.
 */
final class RawCall {
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final OkHttpClient HTTP = new OkHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EcsEmulator emulator;
  private final Map<String, String> params = new TreeMap<>();
  private final String secret;
  private String method = "POST";
  private String signedMethod;
  private boolean inBody;
  private final Map<String, String> afterSigning = new TreeMap<>();
  private String repeated;

  private RawCall(EcsEmulator emulator, String action, String accessKeyId, String secret) {
    this.emulator = emulator;
    this.secret = secret;
    params.put("Action", action);
    params.put("Version", "2014-05-26");
    params.put("Format", "JSON");
    params.put("AccessKeyId", accessKeyId);
    params.put("SignatureMethod", "HMAC-SHA1");
    params.put("SignatureVersion", "1.0");
    params.put("SignatureNonce", UUID.randomUUID().toString());
    params.put("Timestamp", TIMESTAMP.format(Instant.now()));
    params.put("RegionId", Sdk.REGION);
  }

  static RawCall of(EcsEmulator emulator, String action, String accessKeyId, String secret) {
    return new RawCall(emulator, action, accessKeyId, secret);
  }

  RawCall param(String name, String value) {
    params.put(name, value);
    return this;
  }

  RawCall without(String name) {
    params.remove(name);
    return this;
  }

  RawCall timestamp(Instant at) {
    return param("Timestamp", TIMESTAMP.format(at));
  }

  RawCall get() {
    method = "GET";
    return this;
  }

  /** Signs as if sent with this method, whatever method it is sent with. */
  RawCall signedAs(String otherMethod) {
    signedMethod = otherMethod;
    return this;
  }

  /** Sends the parameters as an application/x-www-form-urlencoded body instead of the query. */
  RawCall inFormBody() {
    inBody = true;
    return this;
  }

  /** Changes a parameter after the signature was computed: what a man in the middle would do. */
  RawCall tamper(String name, String value) {
    afterSigning.put(name, value);
    return this;
  }

  /** Sends this (already set) parameter a second time, with the same value. */
  RawCall repeat(String name) {
    repeated = name;
    return this;
  }

  Answer send() {
    Map<String, String> sent = new TreeMap<>(params);
    sent.put("Signature", sign());
    sent.putAll(afterSigning);
    String encoded = encode(sent);
    if (repeated != null) {
      encoded += "&" + percent(repeated) + "=" + percent(sent.get(repeated));
    }
    Request.Builder request = new Request.Builder();
    if (inBody) {
      request
          .url(emulator.url())
          .post(RequestBody.create(encoded, MediaType.get("application/x-www-form-urlencoded")));
    } else {
      request.url(emulator.url() + "?" + encoded);
      if ("POST".equals(method)) {
        request.post(RequestBody.create(new byte[0], null));
      }
    }
    try (Response response = HTTP.newCall(request.build()).execute()) {
      return new Answer(
          response.code(), response.header("Content-Type"), JSON.readTree(response.body().string()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String sign() {
    String canonical = encode(params);
    String stringToSign =
        (signedMethod == null ? method : signedMethod) + "&" + percent("/") + "&" + percent(canonical);
    return new HmacSHA1Signer().signString(stringToSign, secret + "&");
  }

  private static String encode(Map<String, String> values) {
    StringJoiner joined = new StringJoiner("&");
    for (Map.Entry<String, String> entry : values.entrySet()) {
      joined.add(percent(entry.getKey()) + "=" + percent(entry.getValue()));
    }
    return joined.toString();
  }

  private static String percent(String value) {
    try {
      return AcsURLEncoder.percentEncode(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What came back. */
  static final class Answer {
    final int status;
    final String contentType;
    final JsonNode body;

    Answer(int status, String contentType, JsonNode body) {
      this.status = status;
      this.contentType = contentType;
      this.body = body;
    }

    String code() {
      return body.path("Code").asText(null);
    }
  }
}
