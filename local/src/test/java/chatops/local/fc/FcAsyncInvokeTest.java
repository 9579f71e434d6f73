package chatops.local.fc;

import com.aliyuncs.fc.client.FunctionComputeClient;
import com.aliyuncs.fc.request.InvokeFunctionRequest;
import com.aliyuncs.fc.response.InvokeFunctionResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real SDK invokes an event function asynchronously through the emulator, as the Front will. */
class FcAsyncInvokeTest {
  private static final byte[] JOB = "{\"action\":\"start\",\"instanceIds\":[\"i-abc\"]}".getBytes(StandardCharsets.UTF_8);

  private final RecordingEventHandler execution = new RecordingEventHandler();
  private FcEmulator fc;
  private FunctionComputeClient client;

  @BeforeEach
  void deployExecution() {
    fc = FcEmulator.builder().asyncRetries(2).retryBackoff(Duration.ofMillis(5)).start();
    fc.deploy(FcFunction.event("chatops", "execution", execution)
        .initializer(execution).timeLimit(Duration.ofSeconds(30)).memoryMb(512).build());
    client = SdkClients.client(fc, fc.roleKey());
  }

  @AfterEach
  void stop() {
    fc.close();
  }

  private InvokeFunctionResponse invokeAsync(byte[] payload) {
    return client.invokeFunction(new InvokeFunctionRequest("chatops", "execution")
        .setInvocationType("Async").setPayload(payload));
  }

  @Test
  void asyncInvokeIsAccepted202WithARequestIdAndTheHandlerGetsThePayload() throws Exception {
    InvokeFunctionResponse response = invokeAsync(JOB);

    assertEquals(202, response.getStatus());
    assertNotNull(response.getRequestId(), "the SDK reads X-Fc-Request-Id with its exact case");
    assertTrue(fc.awaitIdle(Duration.ofSeconds(10)));
    assertEquals(1, execution.calls.size());
    RecordingEventHandler.Call call = execution.calls.get(0);
    assertArrayEquals(JOB, call.payload);
    assertEquals(response.getRequestId(), call.requestId);
    assertEquals(1, fc.invocationCount("chatops", "execution"));
    Invocation invocation = fc.invocations("chatops", "execution").get(0);
    assertEquals(Invocation.Type.ASYNC, invocation.type());
    assertEquals(Invocation.Outcome.SUCCEEDED, invocation.outcome());
    assertArrayEquals(JOB, invocation.payload());
  }

  @Test
  void theContextCarriesTheRoleCredentialsAndTheFunctionsSettings() throws Exception {
    invokeAsync(JOB);
    assertTrue(fc.awaitIdle(Duration.ofSeconds(10)));

    RecordingEventHandler.Call call = execution.calls.get(0);
    assertEquals(fc.roleKey().getAccessKeyId(), call.accessKeyId);
    assertEquals(fc.roleKey().getAccessKeySecret(), call.accessKeySecret);
    assertEquals(fc.roleKey().getSecurityToken(), call.securityToken);
    assertEquals("execution", call.functionName);
    assertEquals("chatops", call.serviceName);
    assertEquals("LATEST", call.qualifier);
    assertEquals(30_000, call.timeLimitMillis);
    assertEquals(512, call.memoryMb);
    assertEquals(0, call.retryCount);
    assertEquals(RecordingEventHandler.class.getName() + "::handleRequest", call.handlerName);
    assertEquals(RecordingEventHandler.class.getName() + "::initialize", call.initializerName);
  }

  @Test
  void theInitializerRunsOnceBeforeTheFirstEvent() throws Exception {
    invokeAsync(JOB);
    invokeAsync(JOB);
    invokeAsync(JOB);
    assertTrue(fc.awaitIdle(Duration.ofSeconds(10)));

    assertEquals(1, execution.initializations.get());
    assertEquals(3, execution.calls.size());
    assertEquals("initialized", fc.logLines("chatops", "execution").get(0).message());
  }

  @Test
  void aHandlerThatKeepsThrowingIsRetriedWithARisingRetryCountThenGivenUp() throws Exception {
    execution.failFirst(100);

    String requestId = invokeAsync(JOB).getRequestId();
    assertTrue(fc.awaitIdle(Duration.ofSeconds(10)));

    List<Integer> retryCounts = execution.calls.stream().map(call -> call.retryCount).collect(Collectors.toList());
    assertEquals(List.of(0, 1, 2), retryCounts, "1 attempt + 2 configured retries");
    assertTrue(execution.calls.stream().allMatch(call -> call.requestId.equals(requestId)),
        "a retry is the same request");
    Invocation invocation = fc.invocations("chatops", "execution").get(0);
    assertEquals(3, invocation.attempts());
    assertEquals(Invocation.Outcome.FAILED, invocation.outcome());
    assertTrue(fc.logLines("chatops", "execution").stream()
        .anyMatch(line -> line.message().contains("UnhandledInvocationError")
            && line.message().contains("ECS said no")));
  }

  @Test
  void aHandlerThatRecoversStopsBeingRetried() throws Exception {
    execution.failFirst(1);

    invokeAsync(JOB);
    assertTrue(fc.awaitIdle(Duration.ofSeconds(10)));

    assertEquals(2, execution.calls.size());
    assertEquals(1, execution.calls.get(1).retryCount);
    assertEquals(Invocation.Outcome.SUCCEEDED, fc.invocations("chatops", "execution").get(0).outcome());
  }

  @Test
  void fcsDefaultIsThreeRetries() throws Exception {
    RecordingEventHandler failing = new RecordingEventHandler().failFirst(100);
    try (FcEmulator defaults = FcEmulator.builder().retryBackoff(Duration.ofMillis(1)).start()) {
      defaults.deploy(FcFunction.event("chatops", "execution", failing).build());
      SdkClients.client(defaults, defaults.roleKey()).invokeFunction(
          new InvokeFunctionRequest("chatops", "execution").setInvocationType("Async").setPayload(JOB));
      assertTrue(defaults.awaitIdle(Duration.ofSeconds(10)));
    }
    assertEquals(4, failing.calls.size());
  }

  @Test
  void anEventThatRunsPastTheTimeLimitCountsAsAFailedAttempt() throws Exception {
    RecordingEventHandler slow = new RecordingEventHandler().sleepFor(Duration.ofSeconds(5));
    fc.deploy(FcFunction.event("chatops", "slow", slow).timeLimit(Duration.ofMillis(100)).build());

    client.invokeFunction(new InvokeFunctionRequest("chatops", "slow").setInvocationType("Async").setPayload(JOB));
    assertTrue(fc.awaitIdle(Duration.ofSeconds(10)));

    Invocation invocation = fc.invocations("chatops", "slow").get(0);
    assertEquals(3, invocation.attempts());
    assertEquals(Invocation.Outcome.FAILED, invocation.outcome());
    assertTrue(fc.logLines("chatops", "slow").stream()
        .anyMatch(line -> line.message().contains("Function timed out after 100 ms")));
  }

  @Test
  void logLinesCarryTheRequestIdAndTheLevel() throws Exception {
    String requestId = invokeAsync("hello".getBytes(StandardCharsets.UTF_8)).getRequestId();
    assertTrue(fc.awaitIdle(Duration.ofSeconds(10)));

    FcLogLine line = fc.logLines("chatops", "execution").stream()
        .filter(candidate -> candidate.message().equals("handling hello")).findFirst().orElseThrow();
    assertEquals(requestId, line.requestId());
    assertEquals("INFO", line.level().name());
    assertTrue(line.toString().contains(requestId + " [INFO] handling hello"));
  }

  @Test
  void aSyncInvokeRunsInlineAndReturnsTheOutput() {
    InvokeFunctionResponse response = client.invokeFunction(
        new InvokeFunctionRequest("chatops", "execution").setPayload("ping".getBytes(StandardCharsets.UTF_8)));

    assertEquals(200, response.getStatus());
    assertEquals("done:ping", new String(response.getPayload(), StandardCharsets.UTF_8));
    assertEquals(Invocation.Type.SYNC, fc.invocations("chatops", "execution").get(0).type());
  }

  @Test
  void aSyncInvokeOfAFailingHandlerIs200WithFcsErrorHeader() {
    execution.failFirst(1);

    InvokeFunctionResponse response = client.invokeFunction(
        new InvokeFunctionRequest("chatops", "execution").setPayload(JOB));

    assertEquals(200, response.getStatus());
    assertEquals("UnhandledInvocationError", response.getHeaders().get("X-Fc-Error-Type"));
    assertTrue(new String(response.getPayload(), StandardCharsets.UTF_8).contains("\"errorMessage\":\"ECS said no\""));
    assertEquals(1, execution.calls.size(), "the platform does not retry a synchronous call");
  }

  @Test
  void aDeclaredQualifierReachesTheFunctionAndShowsInTheContext() throws Exception {
    fc.deploy(FcFunction.event("chatops", "execution", execution).qualifiers("prod").build());

    client.invokeFunction(new InvokeFunctionRequest("chatops", "execution")
        .setQualifier("prod").setInvocationType("Async").setPayload(JOB));
    assertTrue(fc.awaitIdle(Duration.ofSeconds(10)));

    assertEquals("prod", execution.calls.get(0).qualifier);
  }
}
