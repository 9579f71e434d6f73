package chatops.execution;

import static chatops.execution.EcsRpc.error;
import static chatops.execution.EcsRpc.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.config.AccessKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How ECS's refusals, and the lack of any answer, reach the worker. */
class AliyunEcsGatewayErrorsTest {
  private static final AccessKey STS = AliyunEcsGatewayCallsTest.STS;
  private static final List<String> ONE = List.of("i-aaa1");

  private final MockWebServer ecs = new MockWebServer();
  private EcsGateway gateway;

  @BeforeEach
  void start() throws Exception {
    ecs.start();
    gateway = gatewayAt("http://127.0.0.1:" + ecs.getPort(), Duration.ofMillis(500));
  }

  @AfterEach
  void stop() throws Exception {
    ecs.shutdown();
  }

  @ParameterizedTest(name = "{1} (HTTP {0}) on {2}")
  @CsvSource(delimiter = '|', value = {
      "403 | IncorrectInstanceStatus    | START  | false | -                  | The current status of the resource does not support this operation.",
      "404 | InvalidInstanceId.NotFound | STOP   | false | -                  | The specified InstanceId does not exist.",
      "400 | Throttling                 | START  | true  | -                  | Request was denied due to request throttling.",
      "400 | Throttling.User            | REBOOT | true  | -                  | Request was denied due to user flow control.",
      "403 | Forbidden.RAM              | STOP   | false | ecs:StopInstances  | User not authorized to operate on the specified resource, or this API doesn't support RAM.",
      "500 | InternalError              | START  | true  | -                  | The request processing has failed due to some unknown error.",
      "503 | ServiceUnavailable         | REBOOT | true  | -                  | The request has failed due to a temporary failure of the server.",
      "400 | DryRunOperation            | START  | false | -                  | Request validation has been passed with DryRun flag set.",
  })
  void ecsErrorsKeepTheirCodeStatusAndRequestId(int status, String code, ChangeKind kind, boolean retryable,
      String ramAction, String message) {
    ecs.enqueue(error(status, code, message, "REQ-" + status));

    EcsException e = assertThrows(EcsException.class,
        () -> gateway.change(kind, "cn-hangzhou", ONE, false, false), "not a dry run, so never a success");

    assertEquals(code, e.code());
    assertEquals(kind.apiAction(), e.action());
    assertEquals(status, e.httpStatus());
    assertEquals(Optional.of("REQ-" + status), e.requestId());
    assertEquals(message, e.safeMessage());
    assertEquals(retryable, e.retryable());
    assertEquals(ramAction.equals("-") ? Optional.empty() : Optional.of(ramAction), e.missingRamAction());
    assertEquals(1, ecs.getRequestCount(), "the SDK never retries on its own; the Retrier decides");
  }

  @Test
  void aForbiddenDescribeNamesTheDescribeAction() {
    ecs.enqueue(error(403, "Forbidden.RAM", "User not authorized to operate on the specified resource.", "REQ-F"));

    EcsException e = assertThrows(EcsException.class, () -> gateway.describe("cn-hangzhou", ONE));

    assertEquals(Optional.of("ecs:DescribeInstances"), e.missingRamAction());
  }

  @Test
  void aSignatureMismatchDoesNotCarryTheQuotedTokenAnywhere() {
    ecs.enqueue(error(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation."
        + " server string to sign is:POST&%2F&AccessKeyId%3DSTS.NUgYrLnoC37mZZCNnAbez%26SecurityToken%3DCAIS%252Btoken",
        "REQ-SIG"));

    EcsException e = assertThrows(EcsException.class, () -> gateway.describe("cn-hangzhou", ONE));

    assertEquals("SignatureDoesNotMatch", e.code());
    assertFalse(e.retryable());
    for (String shown : List.of(e.safeMessage(), e.getMessage(), e.toString())) {
      assertFalse(shown.contains("CAIS"), shown);
      assertFalse(shown.contains("STS.NUgY"), shown);
    }
  }

  @Test
  void noAnswerWithinTheReadTimeoutIsARetryableTimeout() {
    ecs.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    long started = System.nanoTime();
    EcsException e = assertThrows(EcsException.class, () -> gateway.statuses("cn-hangzhou", ONE));

    assertEquals(EcsException.TIMEOUT, e.code());
    assertTrue(e.retryable());
    assertEquals(0, e.httpStatus());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(2500)) < 0,
        "gives up within 2.5 s when ECS stalls");
  }

  @Test
  void anUnreachableEndpointIsARetryableConnectionFailureThatQuotesNoUrl() throws Exception {
    MockWebServer closed = new MockWebServer();
    closed.start();
    int port = closed.getPort();
    closed.shutdown();

    EcsException e = assertThrows(EcsException.class,
        () -> gatewayAt("http://127.0.0.1:" + port, Duration.ofSeconds(1)).describe("cn-hangzhou", ONE));

    assertEquals(EcsException.CONNECTION_FAILED, e.code());
    assertTrue(e.retryable());
    assertFalse(e.toString().contains("CAIS"), "the SDK's own message quotes the signed URL");
    assertFalse(e.toString().contains("Signature"));
  }

  @Test
  void aFrontDoorFailureWithoutAnEcsBodyIsStillRetryable() {
    ecs.enqueue(new MockResponse().setResponseCode(503).setHeader("Content-Type", "text/html")
        .setBody("<html><body>503 Service Temporarily Unavailable</body></html>"));

    EcsException e = assertThrows(EcsException.class, () -> gateway.describe("cn-hangzhou", ONE));

    assertEquals(EcsException.SERVICE_UNAVAILABLE, e.code(), e.toString());
    assertEquals(503, e.httpStatus());
    assertTrue(e.retryable());
    assertFalse(e.safeMessage().contains("<html>"));
  }

  @Test
  void answersThatAreNotEcsJsonFailClosedInsteadOfReadingAsNoInstances() {
    List<MockResponse> notEcs = new ArrayList<>();
    notEcs.add(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html").setBody("<html>ok</html>"));
    notEcs.add(new MockResponse().setResponseCode(200).setBody("{\"RequestId\":\"R\"}").removeHeader("Content-Type"));
    notEcs.add(json(200, "{\"Instances\":{\"Instance\":[]}}"));
    notEcs.add(json(200, "not json at all"));
    for (MockResponse answer : notEcs) {
      ecs.enqueue(answer);
      EcsException e = assertThrows(EcsException.class, () -> gateway.describe("cn-hangzhou", ONE));
      assertEquals(EcsException.UNREADABLE_RESPONSE, e.code(), e.toString());
      assertFalse(e.retryable());
    }
  }

  @Test
  void argumentsThatCannotBeRightNeverLeaveTheProcess() {
    List<String> hundredAndOne = new ArrayList<>();
    for (int i = 0; i < 101; i++) hundredAndOne.add("i-n" + i);
    assertThrows(IllegalArgumentException.class, () -> gateway.describe("cn-hangzhou", List.of()));
    assertThrows(IllegalArgumentException.class, () -> gateway.describe("cn-hangzhou", hundredAndOne));
    assertThrows(IllegalArgumentException.class, () -> gateway.describe("cn-hangzhou", List.of("i-AAA")));
    assertThrows(IllegalArgumentException.class, () -> gateway.describe("cn-hangzhou", List.of("i-a", "i-a")));
    assertThrows(IllegalArgumentException.class, () -> gateway.describe("evil.example/", ONE));
    assertThrows(IllegalArgumentException.class, () -> gateway.change(ChangeKind.START, "cn-hangzhou", ONE, true, false));
    assertThrows(IllegalArgumentException.class, () -> gateway.list("cn-hangzhou", 0, 10));
    assertThrows(IllegalArgumentException.class, () -> gateway.list("cn-hangzhou", 1, 101));
    assertEquals(0, ecs.getRequestCount());
  }

  @Test
  void anEndpointOverrideIsSchemeHostAndPortOnly() {
    for (String bad : List.of("127.0.0.1:8080", "ftp://127.0.0.1", "http://user@127.0.0.1", "http://127.0.0.1/path",
        "http://127.0.0.1/?q=1")) {
      assertThrows(IllegalArgumentException.class, () -> gatewayAt(bad, Duration.ofSeconds(1)), bad);
    }
  }

  private static EcsGateway gatewayAt(String endpoint, Duration readTimeout) {
    return new AliyunEcsGateway(() -> STS, Optional.of(endpoint), Duration.ofSeconds(1), readTimeout);
  }
}
