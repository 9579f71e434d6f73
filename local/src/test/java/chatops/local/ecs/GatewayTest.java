package chatops.local.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.exceptions.ClientException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the RPC gateway refuses before ECS sees the call. The SDK cannot be made to send stale
 * timestamps, replayed nonces or tampered parameters, so those requests are built and signed by hand.
 */
class GatewayTest {
  private Fixture fx;

  @BeforeEach
  void start() throws IOException {
    fx = new Fixture();
    fx.seed("i-web1", InstanceStatus.RUNNING);
  }

  @AfterEach
  void stop() throws IOException {
    fx.emulator.close();
  }

  @Test
  void aCorrectlySignedRequestIsServedAndCounted() {
    RawCall.Answer answer = fx.raw("DescribeInstanceStatus").send();

    assertEquals(200, answer.status);
    assertEquals("application/json;charset=utf-8", answer.contentType);
    assertFalse(answer.body.path("RequestId").asText().isEmpty(), "every answer carries a RequestId");
    assertEquals(1, fx.emulator.calls("DescribeInstanceStatus"));
    assertEquals(1, fx.emulator.totalCalls());
    assertEquals(0, fx.emulator.totalRejections());
  }

  @Test
  void errorsHaveTheDocumentedBodyAndAJsonContentType() {
    RawCall.Answer answer = RawCall.of(fx.emulator, "DescribeInstances", "LTAInobody", "x").send();

    assertEquals(404, answer.status);
    assertEquals("application/json;charset=utf-8", answer.contentType);
    List<String> fields = List.of("RequestId", "HostId", "Code", "Message", "Recommend");
    Iterator<String> names = answer.body.fieldNames();
    for (String field : fields) {
      assertEquals(field, names.next());
    }
    assertEquals("InvalidAccessKeyId.NotFound", answer.code());
    assertEquals(fx.emulator.endpoint(), answer.body.get("HostId").asText());
  }

  @Test
  void anUnknownAccessKeyIsNotFoundThroughTheSdk() {
    ClientException e =
        Sdk.withKey(fx.emulator, "LTAInobody", "x").refused(Requests.describeInstances());

    assertEquals("InvalidAccessKeyId.NotFound", e.getErrCode());
    assertEquals(1, fx.emulator.rejections("InvalidAccessKeyId.NotFound"));
    assertEquals(0, fx.emulator.totalCalls());
  }

  /**
   * The emulator answers SignatureDoesNotMatch with the server's string to sign, as the real service
   * does; the SDK sees that it signed the very same string, so only the secret can be wrong.
   */
  @Test
  void aWrongSecretIsReportedByTheSdkAsAnInvalidSecret() {
    ClientException e =
        Sdk.withKey(fx.emulator, Fixture.PLAIN_KEY, "not-the-secret")
            .refused(Requests.startInstance("i-web1"));

    assertEquals("SDK.InvalidAccessKeySecret", e.getErrCode());
    assertEquals(1, fx.emulator.rejections("SignatureDoesNotMatch"));
    assertEquals(InstanceStatus.RUNNING, fx.statusOf("i-web1"));
  }

  @Test
  void aParameterChangedAfterSigningIsSignatureDoesNotMatch() {
    RawCall.Answer answer =
        fx.raw("StopInstance").param("InstanceId", "i-other").tamper("InstanceId", "i-web1").send();

    assertEquals(400, answer.status);
    assertEquals("SignatureDoesNotMatch", answer.code());
    assertTrue(answer.body.get("Message").asText().contains("server string to sign is:POST&%2F&"));
    assertEquals(InstanceStatus.RUNNING, fx.statusOf("i-web1"));
  }

  @Test
  void getRequestsAreServedToo() {
    assertEquals(200, fx.raw("DescribeInstanceStatus").get().send().status);
  }

  @Test
  void theSignatureCoversTheHttpMethod() {
    RawCall.Answer postSignedAsGet = fx.raw("DescribeInstanceStatus").signedAs("GET").send();

    assertEquals("SignatureDoesNotMatch", postSignedAsGet.code());
  }

  @Test
  void parametersMayComeInAFormBody() {
    RawCall.Answer answer = fx.raw("DescribeInstanceStatus").inFormBody().send();

    assertEquals(200, answer.status);
  }

  @Test
  void aParameterGivenTwiceIsRefused() {
    RawCall.Answer answer =
        fx.raw("DescribeInstanceStatus").repeat("RegionId").send();

    assertEquals(400, answer.status);
    assertEquals("InvalidParameter", answer.code());
  }

  @Test
  void anStsKeyWithoutItsTokenIsMissingSecurityToken() {
    ClientException e =
        Sdk.withKey(fx.emulator, Fixture.STS_KEY, Fixture.STS_SECRET)
            .refused(Requests.describeInstances());

    assertEquals("MissingSecurityToken", e.getErrCode());
  }

  @Test
  void anStsKeyWithAnUnknownTokenIsMalformedToken() {
    ClientException e =
        Sdk.withStsKey(fx.emulator, Fixture.STS_KEY, Fixture.STS_SECRET, "CAISforged")
            .refused(Requests.describeInstances());

    assertEquals("InvalidSecurityToken.Malformed", e.getErrCode());
  }

  @Test
  void anStsKeyWithAnotherKeysTokenIsMismatchWithAccessKey() {
    fx.emulator.addStsAccessKey("STS.NUotherRole", "other-secret", "CAIStokenOfAnotherRole");

    ClientException e =
        Sdk.withStsKey(fx.emulator, Fixture.STS_KEY, Fixture.STS_SECRET, "CAIStokenOfAnotherRole")
            .refused(Requests.describeInstances());

    assertEquals("InvalidSecurityToken.MismatchWithAccessKey", e.getErrCode());
  }

  @Test
  void anExpiredStsTokenIsRefused() throws ClientException {
    Instant expiry = fx.clock.instant().plus(Duration.ofMinutes(10));
    fx.emulator.addStsAccessKey("STS.NUshortLived", "short-secret", "CAISshortLived", expiry);
    Sdk shortLived = Sdk.withStsKey(fx.emulator, "STS.NUshortLived", "short-secret", "CAISshortLived");
    shortLived.call(Requests.describeInstances());

    fx.clock.advance(Duration.ofMinutes(10));

    assertEquals(
        "InvalidSecurityToken.Expired", shortLived.refused(Requests.describeInstances()).getErrCode());
  }

  @Test
  void aPlainKeyWithAnStsTokenIsRefused() {
    ClientException e =
        Sdk.withStsKey(fx.emulator, Fixture.PLAIN_KEY, Fixture.PLAIN_SECRET, Fixture.STS_TOKEN)
            .refused(Requests.describeInstances());

    assertEquals("InvalidSecurityToken.MismatchWithAccessKey", e.getErrCode());
  }

  @Test
  void aTimestampMoreThanFifteenMinutesOldIsExpired() {
    Instant now = fx.clock.instant();

    assertEquals(200, fx.raw("DescribeInstanceStatus").timestamp(now.minusSeconds(14 * 60)).send().status);
    RawCall.Answer stale = fx.raw("DescribeInstanceStatus").timestamp(now.minusSeconds(16 * 60)).send();

    assertEquals(400, stale.status);
    assertEquals("InvalidTimeStamp.Expired", stale.code());
  }

  @Test
  void aTimestampMoreThanFifteenMinutesAheadIsExpiredToo() {
    RawCall.Answer ahead =
        fx.raw("DescribeInstanceStatus").timestamp(fx.clock.instant().plusSeconds(16 * 60)).send();

    assertEquals("InvalidTimeStamp.Expired", ahead.code());
  }

  @Test
  void movingTheEmulatorClockFarAheadMakesSdkRequestsExpire() {
    fx.clock.advance(Duration.ofMinutes(20));

    assertEquals("InvalidTimeStamp.Expired", fx.sts.refused(Requests.describeInstances()).getErrCode());
  }

  @Test
  void aTimestampInAnotherFormatIsMalformed() {
    RawCall.Answer answer =
        fx.raw("DescribeInstanceStatus").param("Timestamp", "2024-05-01 10:00:00").send();

    assertEquals("InvalidTimeStamp.Format", answer.code());
  }

  @Test
  void aNonceCanOnlyBeUsedOnce() {
    RawCall.Answer first = fx.raw("DescribeInstanceStatus").param("SignatureNonce", "nonce-1").send();
    RawCall.Answer replay = fx.raw("DescribeInstanceStatus").param("SignatureNonce", "nonce-1").send();

    assertEquals(200, first.status);
    assertEquals(400, replay.status);
    assertEquals("SignatureNonceUsed", replay.code());
    assertEquals(1, fx.emulator.calls("DescribeInstanceStatus"));
    assertEquals(1, fx.emulator.rejections("SignatureNonceUsed"));
  }

  @Test
  void aRequestThatFailsItsSignatureDoesNotUseUpItsNonce() {
    fx.raw("DescribeInstanceStatus").param("SignatureNonce", "nonce-2").tamper("PageSize", "5").send();

    assertEquals(200, fx.raw("DescribeInstanceStatus").param("SignatureNonce", "nonce-2").send().status);
  }

  @Test
  void anUnknownActionIsInvalidActionNotFound404() {
    RawCall.Answer answer = fx.raw("DeleteInstance").param("InstanceId", "i-web1").send();

    assertEquals(404, answer.status);
    assertEquals("InvalidAction.NotFound", answer.code());
  }

  @Test
  void anotherApiVersionIsInvalidVersion() {
    assertEquals(
        "InvalidVersion", fx.raw("DescribeInstanceStatus").param("Version", "2016-03-14").send().code());
  }

  @Test
  void anotherSignatureMethodIsRefused() {
    assertEquals(
        "InvalidSignatureMethod",
        fx.raw("DescribeInstanceStatus").param("SignatureMethod", "HMAC-SHA256").send().code());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Action", "Version", "AccessKeyId", "SignatureMethod", "SignatureNonce", "Timestamp"})
  void aMissingCommonParameterIsNamedInItsCode(String parameter) {
    RawCall.Answer answer = fx.raw("DescribeInstanceStatus").without(parameter).send();

    assertEquals(400, answer.status);
    assertEquals("Missing" + parameter, answer.code());
  }

  @Test
  void aMissingRegionIdIsMissingRegionId() {
    assertEquals(
        "MissingRegionId", fx.raw("DescribeInstanceStatus").without("RegionId").send().code());
  }

  @Test
  void anErrorNeverCarriesTheSecret() {
    JsonNode body =
        fx.raw("StopInstance").param("InstanceId", "i-web1").tamper("InstanceId", "i-x").send().body;

    assertFalse(body.toString().contains(Fixture.PLAIN_SECRET));
  }

  @Test
  void everyAnswerCarriesARequestId() {
    for (RawCall.Answer answer :
        List.of(
            fx.raw("DescribeInstanceStatus").send(),
            fx.raw("DescribeInstanceStatus").without("Timestamp").send(),
            fx.raw("StartInstance").param("InstanceId", "i-web1").send())) {
      assertEquals(36, answer.body.get("RequestId").asText().length());
    }
  }
}
