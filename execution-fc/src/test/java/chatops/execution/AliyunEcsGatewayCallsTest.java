package chatops.execution;

import static chatops.execution.EcsRpc.batchAnswer;
import static chatops.execution.EcsRpc.describeInstances;
import static chatops.execution.EcsRpc.error;
import static chatops.execution.EcsRpc.instance;
import static chatops.execution.EcsRpc.instanceResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.config.AccessKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway's successful calls, over real HTTP, as the ECS RPC protocol sees them. */
class AliyunEcsGatewayCallsTest {
  /** Base64-like STS token with '+', '/', '=' so the test exercises percent-encoding. */
  static final AccessKey STS = AccessKey.of("STS.NUgYrLnoC37mZZCNnAbez", "sts-secret", "CAIS+token/with=sig*~ ok");

  private final MockWebServer ecs = new MockWebServer();
  private final AtomicReference<AccessKey> credentials = new AtomicReference<>(STS);
  private EcsGateway gateway;

  @BeforeEach
  void start() throws Exception {
    ecs.start();
    gateway = new AliyunEcsGateway(credentials::get, Optional.of("http://127.0.0.1:" + ecs.getPort()),
        Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() throws Exception {
    ecs.shutdown();
  }

  @Test
  void describeIsOneSignedDescribeInstancesCallWithTheIdsAsAJsonArray() throws Exception {
    ecs.enqueue(describeInstances("REQ-D1", 2, 1, 100,
        instance("i-aaa1", "web-1", "Running", "cn-hangzhou-h", "ecs.g7.large"),
        instance("i-bbb2", "db-1", "Stopped", "cn-hangzhou-i", "ecs.r7.xlarge")));

    InstancePage page = gateway.describe("cn-hangzhou", List.of("i-aaa1", "i-bbb2", "i-gone3"));

    EcsRpc call = signedCall(STS);
    assertEquals("POST", call.method);
    assertEquals("DescribeInstances", call.param("Action"));
    assertEquals("2014-05-26", call.param("Version"));
    assertEquals("JSON", call.param("Format"));
    assertEquals("cn-hangzhou", call.param("RegionId"));
    assertEquals("[\"i-aaa1\",\"i-bbb2\",\"i-gone3\"]", call.param("InstanceIds"));
    assertEquals("100", call.param("PageSize"), "the default page of 10 would hide instances");
    assertTrue(call.param("Timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    assertNotNull(call.param("SignatureNonce"));

    assertEquals("REQ-D1", page.requestId());
    assertEquals(new InstanceInfo("i-aaa1", "web-1", "Running", "cn-hangzhou-h", "ecs.g7.large",
        Instant.parse("2026-02-27T03:15:00Z")), page.find("i-aaa1").orElseThrow());
    assertEquals("Stopped", page.find("i-bbb2").orElseThrow().status());
    assertTrue(page.find("i-gone3").isEmpty(), "unknown IDs are simply absent");
  }

  @Test
  void startTimeIsReadToTheMinuteAsEcsWritesItOrToTheSecondAndIsEmptyWhenUnreadable() throws Exception {
    ecs.enqueue(describeInstances("REQ-T1", 5, 1, 100,
        instance("i-min1", "a", "Running", "cn-hangzhou-h", "ecs.g7.large", "\"2017-12-10T04:04Z\""),
        instance("i-sec2", "b", "Running", "cn-hangzhou-h", "ecs.g7.large", "\"2017-12-10T04:04:37Z\""),
        instance("i-bad3", "c", "Running", "cn-hangzhou-h", "ecs.g7.large", "\"10/12/2017 04:04\""),
        instance("i-nul4", "d", "Stopped", "cn-hangzhou-h", "ecs.g7.large", "\"\""),
        instance("i-non5", "e", "Stopped", "cn-hangzhou-h", "ecs.g7.large", null)));

    InstancePage page = gateway.describe("cn-hangzhou", List.of("i-min1", "i-sec2", "i-bad3", "i-nul4", "i-non5"));

    assertEquals(Optional.of(Instant.parse("2017-12-10T04:04:00Z")), page.find("i-min1").orElseThrow().startTime());
    assertEquals(Optional.of(Instant.parse("2017-12-10T04:04:37Z")), page.find("i-sec2").orElseThrow().startTime());
    assertEquals(Optional.empty(), page.find("i-bad3").orElseThrow().startTime(), "an unreadable time proves nothing");
    assertEquals(Optional.empty(), page.find("i-nul4").orElseThrow().startTime());
    assertEquals(Optional.empty(), page.find("i-non5").orElseThrow().startTime());
    assertEquals("Running", page.find("i-bad3").orElseThrow().status(), "the rest of the instance is still read");
  }

  @Test
  void statusesArePolledWithOneDescribeInstancesCall() throws Exception {
    ecs.enqueue(describeInstances("REQ-S1", 2, 1, 100,
        instance("i-aaa1", "web-1", "Starting", "cn-hangzhou-h", "ecs.g7.large"),
        instance("i-bbb2", "db-1", "Running", "cn-hangzhou-i", "ecs.r7.xlarge")));

    InstanceStatuses statuses = gateway.statuses("cn-hangzhou", List.of("i-aaa1", "i-bbb2"));

    assertEquals("DescribeInstances", signedCall(STS).param("Action"));
    assertEquals(1, ecs.getRequestCount());
    assertEquals("REQ-S1", statuses.requestId());
    assertEquals(Map.of("i-aaa1", "Starting", "i-bbb2", "Running"), statuses.asMap());
  }

  @Test
  void startIsOneBatchCallThatReportsEachInstanceOnItsOwn() throws Exception {
    ecs.enqueue(batchAnswer("REQ-C1",
        instanceResponse("i-aaa1", "200", "success", "Stopped", "Starting"),
        instanceResponse("i-bbb2", "IncorrectInstanceStatus", "The current status of the resource does not support"
            + " this operation.", "Running", "Running")));

    ChangeResult result = gateway.change(ChangeKind.START, "cn-shanghai", List.of("i-aaa1", "i-bbb2"), false, false);

    EcsRpc call = signedCall(STS);
    assertEquals("StartInstances", call.param("Action"));
    assertEquals("cn-shanghai", call.param("RegionId"));
    assertEquals(List.of("i-aaa1", "i-bbb2"), call.numbered("InstanceId"));
    assertEquals("SuccessFirst", call.param("BatchOptimization"));
    assertEquals("false", call.param("DryRun"));
    assertNull(call.param("ForceStop"));

    assertEquals("REQ-C1", result.requestId());
    assertFalse(result.dryRun());
    InstanceChange started = result.changeFor("i-aaa1").orElseThrow();
    assertTrue(started.accepted());
    assertEquals(Optional.of("Stopped"), started.previousStatus());
    assertEquals(Optional.of("Starting"), started.currentStatus());
    InstanceChange refused = result.changeFor("i-bbb2").orElseThrow();
    assertFalse(refused.accepted());
    assertEquals("IncorrectInstanceStatus", refused.code());
  }

  @Test
  void forcedStopSendsForceStop() throws Exception {
    ecs.enqueue(batchAnswer("REQ-C2", instanceResponse("i-aaa1", "200", "success", "Running", "Stopping")));

    ChangeResult result = gateway.change(ChangeKind.STOP, "cn-hangzhou", List.of("i-aaa1"), true, false);

    EcsRpc call = signedCall(STS);
    assertEquals("StopInstances", call.param("Action"));
    assertEquals("true", call.param("ForceStop"));
    assertEquals(List.of("i-aaa1"), call.numbered("InstanceId"));
    assertEquals(Optional.of("Stopping"), result.changeFor("i-aaa1").orElseThrow().currentStatus());
  }

  @Test
  void forcedRebootSendsForceReboot() throws Exception {
    ecs.enqueue(batchAnswer("REQ-C3", instanceResponse("i-aaa1", "200", "success", "Running", "Stopping")));

    gateway.change(ChangeKind.REBOOT, "cn-hangzhou", List.of("i-aaa1"), true, false);

    EcsRpc call = signedCall(STS);
    assertEquals("RebootInstances", call.param("Action"));
    assertEquals("true", call.param("ForceReboot"));
  }

  @Test
  void aDryRunThatPassesIsAResultNotAnError() throws Exception {
    ecs.enqueue(error(400, "DryRunOperation", "Request validation has been passed with DryRun flag set.", "REQ-DRY"));

    ChangeResult result = gateway.change(ChangeKind.STOP, "cn-hangzhou", List.of("i-aaa1", "i-bbb2"), false, true);

    EcsRpc call = signedCall(STS);
    assertEquals("true", call.param("DryRun"));
    assertEquals("AllTogether", call.param("BatchOptimization"), "SuccessFirst dry runs check nothing");
    assertTrue(result.dryRun());
    assertEquals("REQ-DRY", result.requestId());
    assertEquals(2, result.changes().size());
    assertTrue(result.changes().stream().allMatch(InstanceChange::accepted));
  }

  @Test
  void theBatchCallsDryRunAnswerPassesToo() throws Exception {
    ecs.enqueue(error(400, "DRYRUN.SUCCESS", "This request is a dryrun request with successful result.", "REQ-DRY2"));

    ChangeResult result = gateway.change(ChangeKind.START, "cn-hangzhou", List.of("i-aaa1"), false, true);

    assertTrue(result.dryRun());
    assertEquals("REQ-DRY2", result.requestId());
    assertTrue(result.changes().stream().allMatch(InstanceChange::accepted));
  }

  @Test
  void listPagesThroughTheRegion() throws Exception {
    ecs.enqueue(describeInstances("REQ-L2", 120, 2, 50,
        instance("i-aaa1", "web-1", "Running", "cn-hangzhou-h", "ecs.g7.large")));

    InstancePage page = gateway.list("cn-beijing", 2, 50);

    EcsRpc call = signedCall(STS);
    assertEquals("DescribeInstances", call.param("Action"));
    assertEquals("2", call.param("PageNumber"));
    assertEquals("50", call.param("PageSize"));
    assertNull(call.param("InstanceIds"));
    assertEquals("cn-beijing", call.param("RegionId"));
    assertEquals(120, page.totalCount());
    assertTrue(page.hasMore());
    assertEquals(List.of("i-aaa1"), page.ids());
  }

  @Test
  void aStaticKeySignsWithoutASecurityToken() throws Exception {
    AccessKey legacy = AccessKey.of("LTAI5tLegacyKey", "legacy-secret", null);
    credentials.set(legacy);
    ecs.enqueue(describeInstances("REQ-K1", 0, 1, 100));

    gateway.describe("cn-hangzhou", List.of("i-aaa1"));

    EcsRpc call = signedCall(legacy);
    assertFalse(call.params.containsKey("SecurityToken"));
  }

  @Test
  void rotatedCredentialsAreUsedFromTheNextCallOn() throws Exception {
    AccessKey rotated = AccessKey.of("STS.Rotated", "rotated-secret", "CAIS-rotated");
    ecs.enqueue(describeInstances("REQ-R1", 0, 1, 100));
    ecs.enqueue(describeInstances("REQ-R2", 0, 1, 100));

    gateway.describe("cn-hangzhou", List.of("i-aaa1"));
    credentials.set(rotated);
    gateway.describe("cn-hangzhou", List.of("i-aaa1"));

    signedCall(STS);
    signedCall(rotated);
  }

  /** Takes the next request, checks the access key and token it names, and recomputes its signature. */
  private EcsRpc signedCall(AccessKey key) throws InterruptedException {
    EcsRpc call = EcsRpc.read(ecs.takeRequest(1, TimeUnit.SECONDS));
    assertEquals(key.id(), call.param("AccessKeyId"));
    assertEquals(key.securityToken().orElse(null), call.param("SecurityToken"));
    assertEquals("HMAC-SHA1", call.param("SignatureMethod"));
    assertEquals("1.0", call.param("SignatureVersion"));
    assertEquals(call.expectedSignature(key.secret()), call.param("Signature"), "signature v1 over " + call.params.keySet());
    return call;
  }
}
