package chatops.local.fc;

import com.aliyuncs.fc.exceptions.ClientException;
import com.aliyuncs.fc.request.InvokeFunctionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the real SDK sees when FC refuses an invoke: FC's error code, status and a request id. */
class FcInvokeRefusalTest {
  private static final byte[] JOB = "{}".getBytes(StandardCharsets.UTF_8);
  private static final StsKey ROLE = StsKey.of("STS.role", "role-secret", "role-token");

  private final RecordingEventHandler execution = new RecordingEventHandler();
  private FcEmulator fc;

  @BeforeEach
  void deployExecution() {
    fc = start(Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    fc.close();
  }

  private FcEmulator start(Clock clock) {
    FcEmulator emulator = FcEmulator.builder().roleKey(ROLE)
        .acceptCaller(StsKey.of("LTAIpermanent", "ram-user-secret", null)).clock(clock).start();
    emulator.deploy(FcFunction.event("chatops", "execution", execution).build());
    return emulator;
  }

  private ClientException refusedInvoke(FcEmulator emulator, StsKey key, String service, String function) {
    return assertThrows(ClientException.class, () -> SdkClients.client(emulator, key).invokeFunction(
        new InvokeFunctionRequest(service, function).setInvocationType("Async").setPayload(JOB)));
  }

  private void assertRefused(ClientException refusal, int status, String code) {
    assertEquals(code, refusal.getErrorCode());
    assertEquals(status, refusal.getStatusCode());
    assertNotNull(refusal.getRequestId(), "FC answers every request with X-Fc-Request-Id");
    assertEquals(0, execution.calls.size());
    assertEquals(0, fc.invocationCount("chatops", "execution"));
  }

  @Test
  void aWrongSecretIsSignatureNotMatch() {
    StsKey wrongSecret = StsKey.of(ROLE.getAccessKeyId(), "not-the-secret", ROLE.getSecurityToken());

    assertRefused(refusedInvoke(fc, wrongSecret, "chatops", "execution"), 403, "SignatureNotMatch");
  }

  @Test
  void aWrongSecurityTokenIsRefused() {
    StsKey wrongToken = StsKey.of(ROLE.getAccessKeyId(), ROLE.getAccessKeySecret(), "stolen-token");

    assertRefused(refusedInvoke(fc, wrongToken, "chatops", "execution"), 403, "InvalidSecurityToken");
  }

  @Test
  void anStsKeyWithoutItsTokenIsRefused() {
    StsKey noToken = StsKey.of(ROLE.getAccessKeyId(), ROLE.getAccessKeySecret(), null);

    assertRefused(refusedInvoke(fc, noToken, "chatops", "execution"), 403, "InvalidSecurityToken");
  }

  @Test
  void anUnknownAccessKeyIsInvalidAccessKeyId() {
    StsKey stranger = StsKey.of("STS.stranger", "whatever", "token");

    assertRefused(refusedInvoke(fc, stranger, "chatops", "execution"), 403, "InvalidAccessKeyID");
  }

  @Test
  void aPermanentKeyWithoutTokenIsAccepted() {
    StsKey ramUser = StsKey.of("LTAIpermanent", "ram-user-secret", null);

    assertEquals(202, SdkClients.client(fc, ramUser).invokeFunction(new InvokeFunctionRequest("chatops", "execution")
        .setInvocationType("Async").setPayload(JOB)).getStatus());
  }

  @Test
  void anUnknownServiceIsServiceNotFound() {
    assertRefused(refusedInvoke(fc, ROLE, "elsewhere", "execution"), 404, "ServiceNotFound");
  }

  @Test
  void anUnknownFunctionIsFunctionNotFound() {
    assertRefused(refusedInvoke(fc, ROLE, "chatops", "executor"), 404, "FunctionNotFound");
  }

  @Test
  void anUndeclaredQualifierIsAliasNotFound() {
    ClientException refusal = assertThrows(ClientException.class, () -> SdkClients.client(fc, ROLE).invokeFunction(
        new InvokeFunctionRequest("chatops", "execution").setQualifier("prod")
            .setInvocationType("Async").setPayload(JOB)));

    assertRefused(refusal, 404, "AliasNotFound");
  }

  @Test
  void aRequestDatedMoreThanFifteenMinutesAwayIsRefused() {
    fc.close();
    fc = start(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16)));

    assertRefused(refusedInvoke(fc, ROLE, "chatops", "execution"), 403, "RequestTimeTooSkewed");
  }

  @Test
  void aRequestDatedWithinFifteenMinutesIsAccepted() {
    fc.close();
    fc = start(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-14)));

    assertEquals(202, SdkClients.client(fc, ROLE).invokeFunction(new InvokeFunctionRequest("chatops", "execution")
        .setInvocationType("Async").setPayload(JOB)).getStatus());
  }

  @Test
  void anAsyncPayloadOver128KbIsEntityTooLarge() {
    byte[] big = new byte[128 * 1024 + 1];

    ClientException refusal = assertThrows(ClientException.class, () -> SdkClients.client(fc, ROLE).invokeFunction(
        new InvokeFunctionRequest("chatops", "execution").setInvocationType("Async").setPayload(big)));

    assertRefused(refusal, 400, "EntityTooLarge");
  }

  @Test
  void anHttpFunctionCannotBeInvokedThroughTheApi() {
    fc.deploy(FcFunction.http("chatops", "front", (request, response, context) -> { }).build());

    ClientException refusal = refusedInvoke(fc, ROLE, "chatops", "front");

    assertEquals("InvalidArgument", refusal.getErrorCode());
    assertEquals(400, refusal.getStatusCode());
  }
}
