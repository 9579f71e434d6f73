package chatops.local.ecs;

import static chatops.local.ecs.InstanceStatus.RUNNING;
import static chatops.local.ecs.InstanceStatus.STARTING;
import static chatops.local.ecs.InstanceStatus.STOPPED;
import static chatops.local.ecs.InstanceStatus.STOPPING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.aliyuncs.ecs.model.v20140526.RebootInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.RebootInstancesResponse;
import com.aliyuncs.ecs.model.v20140526.StartInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.StartInstancesResponse;
import com.aliyuncs.ecs.model.v20140526.StopInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.StopInstancesResponse;
import com.aliyuncs.exceptions.ClientException;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** StartInstances, StopInstances, RebootInstances: AllTogether is all or nothing, SuccessFirst is not. */
class BatchActionsTest {
  private Fixture fx;

  @BeforeEach
  void start() throws IOException {
    fx = new Fixture();
    fx.seed("i-stopped1", STOPPED);
    fx.seed("i-stopped2", STOPPED);
    fx.seed("i-running1", RUNNING);
    fx.seed("i-running2", RUNNING);
  }

  @AfterEach
  void stop() throws IOException {
    fx.emulator.close();
  }

  @Test
  void allTogetherStartsEveryInstanceAndReportsEachMove() throws ClientException {
    StartInstancesResponse response =
        fx.sts.call(Requests.startInstances("AllTogether", "i-stopped1", "i-stopped2"));

    List<StartInstancesResponse.InstanceResponse> each = response.getInstanceResponses();
    assertEquals(2, each.size());
    for (StartInstancesResponse.InstanceResponse one : each) {
      assertEquals("200", one.getCode());
      assertEquals("success", one.getMessage());
      assertEquals("Stopped", one.getPreviousStatus());
      assertEquals("Starting", one.getCurrentStatus());
    }
    assertEquals("i-stopped1", each.get(0).getInstanceId());
    assertEquals(STARTING, fx.statusOf("i-stopped2"));
  }

  @Test
  void allTogetherWithOneUnknownInstanceFailsWholeAndMovesNothing() {
    ClientException e =
        fx.sts.refused(Requests.startInstances("AllTogether", "i-stopped1", "i-nosuch"));

    assertEquals("InvalidInstanceId.NotFound", e.getErrCode());
    assertEquals(STOPPED, fx.statusOf("i-stopped1"));
  }

  @Test
  void allTogetherWithOneInstanceInTheWrongStateFailsWholeAndMovesNothing() {
    ClientException e =
        fx.sts.refused(Requests.stopInstances("AllTogether", "i-running1", "i-stopped1"));

    assertEquals("IncorrectInstanceStatus", e.getErrCode());
    assertEquals(RUNNING, fx.statusOf("i-running1"));
  }

  @Test
  void withoutBatchOptimizationTheCallIsAllTogether() {
    StartInstancesRequest request = Requests.startInstances(null, "i-stopped1", "i-running1");

    assertEquals("IncorrectInstanceStatus", fx.sts.refused(request).getErrCode());
    assertEquals(STOPPED, fx.statusOf("i-stopped1"));
  }

  @Test
  void successFirstMovesWhatItCanAndReportsEveryInstance() throws ClientException {
    StopInstancesResponse response =
        fx.sts.call(Requests.stopInstances("SuccessFirst", "i-running1", "i-stopped1", "i-nosuch"));

    List<StopInstancesResponse.InstanceResponse> each = response.getInstanceResponses();
    assertEquals("200", each.get(0).getCode());
    assertEquals("Running", each.get(0).getPreviousStatus());
    assertEquals("Stopping", each.get(0).getCurrentStatus());
    assertEquals("IncorrectInstanceStatus", each.get(1).getCode());
    assertEquals("Stopped", each.get(1).getPreviousStatus());
    assertEquals("Stopped", each.get(1).getCurrentStatus());
    assertEquals("InvalidInstanceId.NotFound", each.get(2).getCode());
    assertEquals("", each.get(2).getPreviousStatus());
    assertEquals("", each.get(2).getCurrentStatus());
    assertEquals(STOPPING, fx.statusOf("i-running1"));
  }

  @Test
  void stopInstancesCarriesForceStopAndStoppedMode() throws ClientException {
    StopInstancesRequest request = Requests.stopInstances("AllTogether", "i-running1");
    request.setForceStop(true);
    request.setStoppedMode("KeepCharging");

    fx.sts.call(request);

    assertEquals("true", fx.emulator.lastParameters("StopInstances").orElseThrow().get("ForceStop"));
    fx.clock.advance(Fixture.STOPPING);
    assertEquals(STOPPED, fx.statusOf("i-running1"));
  }

  @Test
  void rebootInstancesReportsStoppingAndComesBackRunning() throws ClientException {
    RebootInstancesRequest request = Requests.rebootInstances("AllTogether", "i-running1", "i-running2");
    request.setForceReboot(true);

    RebootInstancesResponse response = fx.sts.call(request);

    assertEquals("Stopping", response.getInstanceResponses().get(1).getCurrentStatus());
    assertEquals("true", fx.emulator.lastParameters("RebootInstances").orElseThrow().get("ForceReboot"));
    fx.clock.advance(Fixture.STOPPING.plus(Fixture.STARTING));
    assertEquals(RUNNING, fx.statusOf("i-running2"));
  }

  @Test
  void aBatchDryRunThatWouldSucceedAnswersDryRunSuccessAndMovesNothing() {
    StartInstancesRequest request = Requests.startInstances("AllTogether", "i-stopped1", "i-stopped2");
    request.setDryRun(true);

    assertEquals("DRYRUN.SUCCESS", fx.sts.refused(request).getErrCode());
    assertEquals(STOPPED, fx.statusOf("i-stopped1"));
  }

  @Test
  void anAllTogetherDryRunThatWouldFailAnswersTheError() {
    StartInstancesRequest request = Requests.startInstances("AllTogether", "i-stopped1", "i-running1");
    request.setDryRun(true);

    assertEquals("IncorrectInstanceStatus", fx.sts.refused(request).getErrCode());
  }

  @Test
  void aSuccessFirstDryRunAnswersDryRunSuccessWhateverTheInstances() {
    StartInstancesRequest request = Requests.startInstances("SuccessFirst", "i-running1", "i-nosuch");
    request.setDryRun(true);

    assertEquals("DRYRUN.SUCCESS", fx.sts.refused(request).getErrCode());
  }

  @Test
  void moreThanOneHundredInstancesIsTooManyInstanceIds403() {
    String[] ids =
        IntStream.rangeClosed(1, 101).mapToObj(n -> "i-many" + n).toArray(String[]::new);

    assertEquals(
        "InvalidParameter.TooManyInstanceIds",
        fx.sts.refused(Requests.startInstances("SuccessFirst", ids)).getErrCode());
  }

  @Test
  void oneHundredInstancesAreAccepted() throws ClientException {
    List<String> ids =
        IntStream.rangeClosed(1, 100).mapToObj(n -> "i-many" + n).collect(Collectors.toList());
    for (String id : ids) {
      fx.seed(id, STOPPED);
    }

    StartInstancesResponse response =
        fx.sts.call(Requests.startInstances("AllTogether", ids.toArray(new String[0])));

    assertEquals(100, response.getInstanceResponses().size());
  }

  @Test
  void anUnknownBatchOptimizationIsInvalidParameter() {
    assertEquals(
        "InvalidParameter",
        fx.sts.refused(Requests.startInstances("Sometimes", "i-stopped1")).getErrCode());
  }

  @Test
  void aRepeatedInstanceIdIsActedOnOnce() throws ClientException {
    StartInstancesResponse response =
        fx.sts.call(Requests.startInstances("AllTogether", "i-stopped1", "i-stopped1"));

    assertEquals(1, response.getInstanceResponses().size());
  }

  @Test
  void aBatchWithoutInstancesIsMissingInstanceId() {
    assertEquals(
        "MissingInstanceId", fx.sts.refused(Requests.startInstances("AllTogether")).getErrCode());
  }

  @Test
  void aBatchWithoutRegionIsMissingRegionId() {
    RawCall.Answer answer =
        fx.raw("StartInstances").without("RegionId").param("InstanceId.1", "i-stopped1").send();

    assertEquals(400, answer.status);
    assertEquals("MissingRegionId", answer.code());
  }

  @Test
  void batchesAreScopedToTheirRegion() {
    StartInstancesRequest request = Requests.startInstances("AllTogether", "i-stopped1");
    request.setSysRegionId("cn-shanghai");

    assertEquals("InvalidInstanceId.NotFound", fx.sts.refused(request).getErrCode());
  }
}
