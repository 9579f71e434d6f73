package chatops.local.ecs;

import static chatops.local.ecs.InstanceStatus.STARTING;
import static chatops.local.ecs.InstanceStatus.STOPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.ecs.model.v20140526.DescribeInstanceStatusRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected failures, as the SDK's caller will meet them. */
class FaultsTest {
  private Fixture fx;

  @BeforeEach
  void start() throws IOException {
    fx = new Fixture();
    fx.seed("i-stopped1", STOPPED);
  }

  @AfterEach
  void stop() throws IOException {
    fx.emulator.close();
  }

  @Test
  void throttlingIsAClientErrorAndOnlyForTheNextRequests() throws ClientException {
    fx.emulator.faults().throttleNext(1);

    ClientException e = fx.sts.refused(Requests.startInstance("i-stopped1"));

    assertEquals("Throttling.User", e.getErrCode());
    assertFalse(e instanceof ServerException);
    assertEquals(STOPPED, fx.statusOf("i-stopped1"));
    fx.sts.call(Requests.startInstance("i-stopped1"));
    assertEquals(STARTING, fx.statusOf("i-stopped1"));
    assertEquals(1, fx.emulator.rejections("Throttling.User"));
    assertEquals(1, fx.emulator.calls("StartInstance"));
  }

  @Test
  void internalErrorIsAServerException() {
    fx.emulator.faults().internalErrorNext(1);

    ClientException e = fx.sts.refused(Requests.describeInstances());

    assertInstanceOf(ServerException.class, e);
    assertEquals("InternalError", e.getErrCode());
  }

  @Test
  void serviceUnavailableIsAServerException() {
    fx.emulator.faults().serviceUnavailableNext(2);

    assertInstanceOf(ServerException.class, fx.sts.refused(Requests.describeInstances()));
    assertEquals("ServiceUnavailable", fx.sts.refused(Requests.describeInstances()).getErrCode());
    assertEquals(0, fx.emulator.faults().pending());
  }

  @Test
  void faultsAreUsedInTheOrderTheyWereArmed() throws ClientException {
    fx.emulator.faults().throttleNext(1).serviceUnavailableNext(1);

    assertEquals("Throttling.User", fx.sts.refused(Requests.describeInstances()).getErrCode());
    assertEquals("ServiceUnavailable", fx.sts.refused(Requests.describeInstances()).getErrCode());
    fx.sts.call(Requests.describeInstances());
    assertEquals(2, fx.emulator.totalRejections());
    assertEquals(1, fx.emulator.totalCalls());
  }

  @Test
  void aConnectionDroppedBeforeServingLeavesTheInstanceAlone() throws ClientException {
    fx.emulator.faults().dropNext(1, EcsFaults.Drop.BEFORE_SERVING);

    ClientException e = fx.sts.refused(Requests.startInstance("i-stopped1"));

    assertEquals("SDK.ServerUnreachable", e.getErrCode());
    assertEquals(STOPPED, fx.statusOf("i-stopped1"));
    assertEquals(0, fx.emulator.calls("StartInstance"));
    assertEquals(1, fx.emulator.rejections(EcsFaults.DROPPED));
    fx.sts.call(Requests.startInstance("i-stopped1"));
    assertEquals(STARTING, fx.statusOf("i-stopped1"));
  }

  @Test
  void aConnectionDroppedAfterServingHasAlreadyMovedTheInstance() {
    fx.emulator.faults().dropNext(1, EcsFaults.Drop.AFTER_SERVING);

    assertEquals("SDK.ServerUnreachable", fx.sts.refused(Requests.startInstance("i-stopped1")).getErrCode());

    assertEquals(STARTING, fx.statusOf("i-stopped1"));
    assertEquals(1, fx.emulator.calls("StartInstance"));
    assertEquals(
        "IncorrectInstanceStatus", fx.sts.refused(Requests.startInstance("i-stopped1")).getErrCode());
  }

  @Test
  void latencyBeyondTheReadTimeoutIsAReadTimeoutButTheCallWasServed() {
    fx.emulator.faults().latency(Duration.ofSeconds(2));
    DescribeInstanceStatusRequest request = Requests.describeInstanceStatus();
    request.setSysReadTimeout(300);

    long started = System.nanoTime();
    ClientException e = fx.sts.refused(request);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertEquals("SDK.ReadTimeout", e.getErrCode());
    assertTrue(took.compareTo(Duration.ofMillis(1500)) < 0, "gave up after " + took);
    assertEquals(1, fx.emulator.calls("DescribeInstanceStatus"));
  }

  @Test
  void latencyWithinTheReadTimeoutOnlySlowsTheAnswer() throws ClientException {
    fx.emulator.faults().latency(Duration.ofMillis(200));

    long started = System.nanoTime();
    fx.sts.call(Requests.describeInstanceStatus());

    assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(200)) >= 0);
  }

  @Test
  void clearDisarmsEverything() throws ClientException {
    fx.emulator.faults().internalErrorNext(3).latency(Duration.ofSeconds(30));

    fx.emulator.faults().clear();

    assertEquals(0, fx.emulator.faults().pending());
    fx.sts.call(Requests.startInstance("i-stopped1"));
  }

  @Test
  void resetCountsForgetsCallsAndRejections() throws ClientException {
    fx.emulator.faults().throttleNext(1);
    fx.sts.refused(Requests.describeInstances());
    fx.sts.call(Requests.describeInstances());

    fx.emulator.resetCounts();

    assertEquals(0, fx.emulator.totalCalls());
    assertEquals(0, fx.emulator.totalRejections());
    assertTrue(fx.emulator.lastParameters("DescribeInstances").isEmpty());
  }

  @Test
  void lastParametersNeverKeepTheSignatureOrToken() throws ClientException {
    fx.sts.call(Requests.startInstance("i-stopped1"));

    var sent = fx.emulator.lastParameters("StartInstance").orElseThrow();

    assertEquals("i-stopped1", sent.get("InstanceId"));
    assertFalse(sent.containsKey("Signature"));
    assertFalse(sent.containsKey("SecurityToken"));
  }
}
