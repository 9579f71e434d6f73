package chatops.local.fc;

import com.aliyuncs.fc.auth.FcSignatureComposer;
import com.aliyuncs.fc.model.HttpMethod;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The invoke API at the wire, with requests signed by the SDK's own FcSignatureComposer (an
 * independent signer), then altered the way an attacker or a broken client would.
 */
class InvokeWireTest {
  private static final String PATH = "/2016-08-15/services/chatops/functions/execution/invocations";
  private static final byte[] BODY = "{\"jobId\":\"j-1\"}".getBytes(StandardCharsets.UTF_8);

  private final OkHttpClient http = new OkHttpClient();
  private final RecordingEventHandler execution = new RecordingEventHandler();
  private FcEmulator fc;

  @BeforeEach
  void start() {
    fc = FcEmulator.builder().start();
    fc.deploy(FcFunction.event("chatops", "execution", execution).build());
  }

  @AfterEach
  void stop() {
    fc.close();
  }

  /** The headers the SDK would send, signed by the SDK's composer. */
  private Map<String, String> signedHeaders(byte[] body, String accountId) throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
    headers.put("Content-Type", "application/octet-stream");
    headers.put("Content-MD5", InvokeAuthenticator.md5Base64(body));
    headers.put("x-fc-account-id", accountId);
    headers.put("x-fc-security-token", fc.roleKey().getSecurityToken());
    headers.put("X-Fc-Invocation-Type", "Async");
    return signed(headers);
  }

  /** Adds (or replaces) the Authorization the SDK would compute for these headers. */
  private Map<String, String> signed(Map<String, String> headers) throws Exception {
    headers.remove("Authorization");
    String toSign = FcSignatureComposer.composeStringToSign(HttpMethod.POST, PATH, headers, null);
    headers.put("Authorization", "FC " + fc.roleKey().getAccessKeyId() + ":"
        + FcSignatureComposer.signString(toSign, fc.roleKey().getAccessKeySecret()));
    return headers;
  }

  private Response send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
    RequestBody requestBody = body == null ? null : RequestBody.create(body, MediaType.get("application/octet-stream"));
    return http.newCall(new Request.Builder().url(fc.endpoint() + path)
        .method(method, requestBody).headers(Headers.of(headers)).build()).execute();
  }

  private void assertError(Response response, int status, String code) throws IOException {
    assertEquals(status, response.code());
    assertTrue(response.header("X-Fc-Request-Id") != null);
    String body = response.body().string();
    assertTrue(body.contains("\"ErrorCode\":\"" + code + "\""), body);
    assertTrue(body.contains("\"ErrorMessage\":"), body);
    assertEquals(0, fc.invocationCount("chatops", "execution"));
  }

  @Test
  void theSdksSignatureComposerAndTheEmulatorAgreeOnTheStringToSign() throws Exception {
    Map<String, String> headers = signedHeaders(BODY, fc.accountId());
    headers.put("x-fc-log-type", "Tail");

    String emulator = FcSignature.stringToSign("POST", Headers.of(headers), PATH, Map.of());
    String sdk = FcSignatureComposer.composeStringToSign(HttpMethod.POST, PATH, headers, null);
    assertEquals(sdk, emulator);

    Map<String, List<String>> query = Map.of("b", List.of("2"), "a", List.of("1"));
    String withQuery = FcSignature.stringToSign("GET", Headers.of(headers), PATH, query);
    assertEquals(FcSignatureComposer.composeStringToSign(HttpMethod.GET, PATH, headers, Map.of("b", "2", "a", "1")),
        withQuery);
  }

  @Test
  void aCorrectlySignedRequestIsAccepted() throws Exception {
    try (Response response = send("POST", PATH, signedHeaders(BODY, fc.accountId()), BODY)) {
      assertEquals(202, response.code());
    }
  }

  @Test
  void aSwappedBodyFailsTheContentMd5() throws Exception {
    Map<String, String> headers = signedHeaders(BODY, fc.accountId());

    try (Response response = send("POST", PATH, headers, "{\"jobId\":\"evil\"}".getBytes(StandardCharsets.UTF_8))) {
      assertError(response, 400, "InvalidArgument");
    }
  }

  @Test
  void aBodyWithoutContentMd5IsRefused() throws Exception {
    Map<String, String> headers = signedHeaders(BODY, fc.accountId());
    headers.remove("Content-MD5");

    try (Response response = send("POST", PATH, signed(headers), BODY)) {
      assertError(response, 400, "MissingRequiredHeader");
    }
  }

  @Test
  void anAlteredSignedHeaderBreaksTheSignature() throws Exception {
    Map<String, String> headers = signedHeaders(BODY, fc.accountId());
    headers.put("X-Fc-Invocation-Type", "Sync");

    try (Response response = send("POST", PATH, headers, BODY)) {
      assertError(response, 403, "SignatureNotMatch");
    }
  }

  @Test
  void anotherAccountIsDenied() throws Exception {
    try (Response response = send("POST", PATH, signedHeaders(BODY, "9999999999999999"), BODY)) {
      assertError(response, 403, "AccessDenied");
    }
  }

  @Test
  void aRequestWithoutDateOrAuthorizationIsMissingAHeader() throws Exception {
    Map<String, String> noDate = signedHeaders(BODY, fc.accountId());
    noDate.remove("Date");
    Map<String, String> noAuthorization = signedHeaders(BODY, fc.accountId());
    noAuthorization.remove("Authorization");

    try (Response response = send("POST", PATH, noDate, BODY)) {
      assertError(response, 400, "MissingRequiredHeader");
    }
    try (Response response = send("POST", PATH, noAuthorization, BODY)) {
      assertError(response, 400, "MissingRequiredHeader");
    }
  }

  @Test
  void anUnknownPathOrMethodIsPathNotSupported() throws Exception {
    try (Response response = send("POST", "/2016-08-15/services/chatops/functions", Map.of(), BODY)) {
      assertError(response, 400, "PathNotSupported");
    }
    try (Response response = send("GET", PATH, signedHeaders(BODY, fc.accountId()), null)) {
      assertError(response, 400, "PathNotSupported");
    }
  }

  @Test
  void anUnknownInvocationTypeIsInvalid() throws Exception {
    Map<String, String> headers = signedHeaders(BODY, fc.accountId());
    headers.put("X-Fc-Invocation-Type", "Later");

    try (Response response = send("POST", PATH, signed(headers), BODY)) {
      assertError(response, 400, "InvalidArgument");
    }
  }
}
