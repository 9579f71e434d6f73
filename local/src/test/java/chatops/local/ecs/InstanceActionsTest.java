package chatops.local.ecs;

import static chatops.local.ecs.InstanceStatus.RUNNING;
import static chatops.local.ecs.InstanceStatus.STARTING;
import static chatops.local.ecs.InstanceStatus.STOPPED;
import static chatops.local.ecs.InstanceStatus.STOPPING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.RebootInstanceRequest;
import com.aliyuncs.ecs.model.v20140526.StartInstanceRequest;
import com.aliyuncs.ecs.model.v20140526.StartInstanceResponse;
import com.aliyuncs.ecs.model.v20140526.StopInstanceRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** StartInstance, StopInstance, RebootInstance through the real SDK, with time moved by hand. */
class InstanceActionsTest {
  /** How ECS writes StartTime: UTC, to the minute. */
  private static final DateTimeFormatter ECS_MINUTE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

  private Fixture fx;

  @BeforeEach
  void start() throws IOException {
    fx = new Fixture();
    fx.seed("i-stopped1", STOPPED);
    fx.seed("i-running1", RUNNING);
  }

  @AfterEach
  void stop() throws IOException {
    fx.emulator.close();
  }

  @Test
  void startMovesAStoppedInstanceThroughStartingToRunning() throws ClientException {
    StartInstanceResponse response = fx.sts.call(Requests.startInstance("i-stopped1"));

    assertNotNull(response.getRequestId());
    assertEquals(STARTING, fx.statusOf("i-stopped1"));
    fx.clock.advance(Fixture.STARTING.minusMillis(1));
    assertEquals(STARTING, fx.statusOf("i-stopped1"));
    fx.clock.advance(Duration.ofMillis(1));
    assertEquals(RUNNING, fx.statusOf("i-stopped1"));
    assertEquals(1, fx.emulator.calls("StartInstance"));
  }

  @Test
  void stopMovesARunningInstanceThroughStoppingToStoppedAndCarriesItsOptions()
      throws ClientException {
    StopInstanceRequest request = Requests.stopInstance("i-running1");
    request.setForceStop(true);
    request.setStoppedMode("StopCharging");

    fx.sts.call(request);

    assertEquals(STOPPING, fx.statusOf("i-running1"));
    fx.clock.advance(Fixture.STOPPING);
    assertEquals(STOPPED, fx.statusOf("i-running1"));
    Map<String, String> sent = fx.emulator.lastParameters("StopInstance").orElseThrow();
    assertEquals("true", sent.get("ForceStop"));
    assertEquals("StopCharging", sent.get("StoppedMode"));
  }

  @Test
  void rebootGoesThroughStoppingThenStartingBackToRunning() throws ClientException {
    RebootInstanceRequest request = Requests.rebootInstance("i-running1");
    request.setForceStop(true);

    fx.sts.call(request);

    assertEquals(STOPPING, fx.statusOf("i-running1"));
    fx.clock.advance(Fixture.STOPPING);
    assertEquals(STARTING, fx.statusOf("i-running1"));
    fx.clock.advance(Fixture.STARTING);
    assertEquals(RUNNING, fx.statusOf("i-running1"));
  }

  @Test
  void startTimeMovesWhenARebootBringsTheInstanceBackToRunning() throws ClientException {
    Instant seeded = fx.clock.instant();
    assertEquals(ECS_MINUTE.format(seeded.minus(Duration.ofHours(1))), startTime("i-running1"),
        "a seeded instance has been up for an hour");
    fx.clock.advance(Duration.ofMinutes(5));

    fx.sts.call(Requests.rebootInstance("i-running1"));
    fx.clock.advance(Fixture.STOPPING);
    assertEquals(ECS_MINUTE.format(seeded.minus(Duration.ofHours(1))), startTime("i-running1"), "still going");
    fx.clock.advance(Fixture.STARTING);

    assertEquals(RUNNING, fx.statusOf("i-running1"));
    assertEquals(ECS_MINUTE.format(fx.clock.instant()), startTime("i-running1"));
    assertTrue(startTime("i-running1").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ"));
  }

  @Test
  void startTimeMovesWhenAStartReachesRunning() throws ClientException {
    String before = startTime("i-stopped1");
    fx.clock.advance(Duration.ofMinutes(5));

    fx.sts.call(Requests.startInstance("i-stopped1"));
    assertEquals(before, startTime("i-stopped1"), "not while Starting");
    fx.clock.advance(Fixture.STARTING);

    assertEquals(ECS_MINUTE.format(fx.clock.instant()), startTime("i-stopped1"));
  }

  @Test
  void startingARunningInstanceIsIncorrectInstanceStatus403() {
    ClientException e = fx.sts.refused(Requests.startInstance("i-running1"));

    assertEquals("IncorrectInstanceStatus", e.getErrCode());
    assertFalse(e instanceof ServerException);
    assertNotNull(e.getRequestId());
    assertEquals(RUNNING, fx.statusOf("i-running1"));
  }

  @Test
  void aTransitioningInstanceCannotBeStoppedOrRebooted() throws ClientException {
    fx.sts.call(Requests.startInstance("i-stopped1"));

    assertEquals("IncorrectInstanceStatus", fx.sts.refused(Requests.stopInstance("i-stopped1")).getErrCode());
    assertEquals(
        "IncorrectInstanceStatus", fx.sts.refused(Requests.rebootInstance("i-stopped1")).getErrCode());
  }

  @Test
  void anUnknownInstanceIsNotFound() {
    assertEquals(
        "InvalidInstanceId.NotFound", fx.sts.refused(Requests.startInstance("i-nosuch")).getErrCode());
  }

  @Test
  void anInstanceInAnotherRegionDoesNotExistForTheCall() {
    StartInstanceRequest request = Requests.startInstance("i-stopped1");
    request.setSysRegionId("ap-northeast-1");

    assertEquals("InvalidInstanceId.NotFound", fx.sts.refused(request).getErrCode());
    assertEquals(STOPPED, fx.statusOf("i-stopped1"));
  }

  @Test
  void anUnknownRegionIsInvalidRegionIdNotFound() {
    StartInstanceRequest request = Requests.startInstance("i-stopped1");
    request.setSysRegionId("xx-nowhere-9");

    assertEquals("InvalidRegionId.NotFound", fx.sts.refused(request).getErrCode());
  }

  @Test
  void aDryRunThatWouldSucceedAnswersDryRunOperationAndChangesNothing() {
    StartInstanceRequest request = Requests.startInstance("i-stopped1");
    request.setDryRun(true);

    ClientException e = fx.sts.refused(request);

    assertEquals("DryRunOperation", e.getErrCode());
    assertEquals(STOPPED, fx.statusOf("i-stopped1"));
    assertEquals(1, fx.emulator.calls("StartInstance"));
  }

  @Test
  void aDryRunThatWouldFailAnswersTheErrorTheCallWouldHaveHad() {
    StopInstanceRequest request = Requests.stopInstance("i-stopped1");
    request.setDryRun(true);

    assertEquals("IncorrectInstanceStatus", fx.sts.refused(request).getErrCode());
  }

  @Test
  void anUnknownStoppedModeIsInvalidParameter() {
    StopInstanceRequest request = Requests.stopInstance("i-running1");
    request.setStoppedMode("Hibernate");

    assertEquals("InvalidParameter", fx.sts.refused(request).getErrCode());
    assertEquals(RUNNING, fx.statusOf("i-running1"));
  }

  @Test
  void aMissingInstanceIdIsMissingInstanceId() {
    assertEquals("MissingInstanceId", fx.sts.refused(new StartInstanceRequest()).getErrCode());
  }

  @Test
  void zeroTransitionTimesSettleAtOnceButTheCallStillReportsTheTransition() throws ClientException {
    fx.emulator.transitionTimes(TransitionTimes.of(Duration.ZERO, Duration.ZERO));

    fx.sts.call(Requests.startInstance("i-stopped1"));

    assertEquals(RUNNING, fx.statusOf("i-stopped1"));
  }

  @Test
  void aSeededTransitionalInstanceFinishesItsTransition() {
    fx.seed("i-booting1", STARTING);
    fx.seed("i-halting1", STOPPING);

    fx.clock.advance(Fixture.STARTING);

    assertEquals(RUNNING, fx.statusOf("i-booting1"));
    assertEquals(STOPPED, fx.statusOf("i-halting1"));
  }

  @Test
  void aSeededBootingInstanceGetsItsStartTimeWhenItReachesRunning() throws ClientException {
    fx.clock.advance(Duration.ofMinutes(5));
    fx.seed("i-booting1", STARTING);
    fx.clock.advance(Fixture.STARTING);

    assertEquals(ECS_MINUTE.format(fx.clock.instant()), startTime("i-booting1"));
  }

  @Test
  void aPlainKeyWorksAsWellAsAnStsKey() throws ClientException {
    fx.plain.call(Requests.startInstance("i-stopped1"));

    assertEquals(STARTING, fx.statusOf("i-stopped1"));
  }

  /** StartTime as the SDK reads it from DescribeInstances. */
  private String startTime(String instanceId) throws ClientException {
    DescribeInstancesRequest request = Requests.describeInstances();
    request.setInstanceIds("[\"" + instanceId + "\"]");
    return fx.sts.call(request).getInstances().get(0).getStartTime();
  }
}
