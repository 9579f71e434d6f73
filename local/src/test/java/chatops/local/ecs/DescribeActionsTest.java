package chatops.local.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.ecs.model.v20140526.DescribeInstanceStatusRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstanceStatusResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesResponse;
import com.aliyuncs.exceptions.ClientException;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DescribeInstances and DescribeInstanceStatus: region scope, filters, paging, limits. */
class DescribeActionsTest {
  private Fixture fx;

  @BeforeEach
  void start() throws IOException {
    fx = new Fixture();
    fx.emulator.seed(
        EcsInstance.builder("i-web1", "cn-hangzhou")
            .name("web-1")
            .zoneId("cn-hangzhou-h")
            .instanceType("ecs.c6.large")
            .tag("env", "prod")
            .tag("team", "web")
            .build(),
        EcsInstance.builder("i-web2", "cn-hangzhou")
            .name("web-2")
            .tag("env", "staging")
            .tag("team", "web")
            .status(InstanceStatus.STOPPED)
            .build(),
        EcsInstance.builder("i-db1", "cn-hangzhou").name("db-1").tag("env", "prod").build(),
        EcsInstance.builder("i-tokyo1", "ap-northeast-1").name("tokyo-1").build());
  }

  @AfterEach
  void stop() throws IOException {
    fx.emulator.close();
  }

  @Test
  void describeInstancesListsTheRegionsInstancesWithTheirDetails() throws ClientException {
    DescribeInstancesResponse response = fx.sts.call(Requests.describeInstances());

    assertEquals(3, response.getTotalCount());
    assertEquals(1, response.getPageNumber());
    assertEquals(10, response.getPageSize());
    DescribeInstancesResponse.Instance web1 = response.getInstances().get(0);
    assertEquals("i-web1", web1.getInstanceId());
    assertEquals("web-1", web1.getInstanceName());
    assertEquals("Running", web1.getStatus());
    assertEquals("cn-hangzhou", web1.getRegionId());
    assertEquals("cn-hangzhou-h", web1.getZoneId());
    assertEquals("ecs.c6.large", web1.getInstanceType());
    assertEquals("env", web1.getTags().get(0).getTagKey());
    assertEquals("prod", web1.getTags().get(0).getTagValue());
    assertEquals("Stopped", response.getInstances().get(1).getStatus());
  }

  @Test
  void anotherRegionListsOnlyItsOwn() throws ClientException {
    DescribeInstancesRequest request = Requests.describeInstances();
    request.setSysRegionId("ap-northeast-1");

    DescribeInstancesResponse response = fx.sts.call(request);

    assertEquals(List.of("i-tokyo1"), ids(response));
  }

  @Test
  void aPublicRegionWithoutInstancesIsEmptyNotUnknown() throws ClientException {
    DescribeInstancesRequest request = Requests.describeInstances();
    request.setSysRegionId("eu-central-1");

    assertEquals(0, fx.sts.call(request).getTotalCount());
  }

  @Test
  void anUnknownRegionIsInvalidRegionIdNotFound() {
    DescribeInstancesRequest request = Requests.describeInstances();
    request.setSysRegionId("xx-nowhere-9");

    assertEquals("InvalidRegionId.NotFound", fx.sts.refused(request).getErrCode());
  }

  @Test
  void instanceIdsSelectsAndLeavesUnknownOnesOut() throws ClientException {
    DescribeInstancesRequest request = Requests.describeInstances();
    request.setInstanceIds("[\"i-db1\",\"i-nosuch\",\"i-tokyo1\"]");

    assertEquals(List.of("i-db1"), ids(fx.sts.call(request)));
  }

  @Test
  void anEmptyInstanceIdsArrayMatchesNothing() throws ClientException {
    DescribeInstancesRequest request = Requests.describeInstances();
    request.setInstanceIds("[]");

    assertEquals(0, fx.sts.call(request).getTotalCount());
  }

  @Test
  void instanceIdsThatAreNotAJsonArrayAreMalformed() {
    DescribeInstancesRequest request = Requests.describeInstances();
    request.setInstanceIds("i-web1,i-web2");

    assertEquals("InvalidInstanceIds.Malformed", fx.sts.refused(request).getErrCode());
  }

  @Test
  void moreThanOneHundredInstanceIdsAreMalformed() {
    DescribeInstancesRequest request = Requests.describeInstances();
    request.setInstanceIds(
        IntStream.rangeClosed(1, 101)
            .mapToObj(n -> "\"i-x" + n + "\"")
            .collect(Collectors.joining(",", "[", "]")));

    assertEquals("InvalidInstanceIds.Malformed", fx.sts.refused(request).getErrCode());
  }

  @Test
  void everyTagFilterMustMatch() throws ClientException {
    DescribeInstancesRequest request = Requests.describeInstances();
    request.setTags(List.of(tag("env", "prod"), tag("team", "web")));

    assertEquals(List.of("i-web1"), ids(fx.sts.call(request)));
  }

  @Test
  void aTagKeyWithoutValueMatchesAnyValue() throws ClientException {
    DescribeInstancesRequest request = Requests.describeInstances();
    request.setTags(List.of(tag("team", null)));

    assertEquals(List.of("i-web1", "i-web2"), ids(fx.sts.call(request)));
  }

  @Test
  void statusFilterSelectsByCurrentStatus() throws ClientException {
    DescribeInstancesRequest request = Requests.describeInstances();
    request.setStatus("Stopped");

    assertEquals(List.of("i-web2"), ids(fx.sts.call(request)));
  }

  @Test
  void pagesFollowPageNumberAndPageSize() throws ClientException {
    for (int n = 1; n <= 9; n++) {
      fx.seed("i-extra" + n, InstanceStatus.RUNNING);
    }
    int[] sizes = new int[3];
    for (int page = 1; page <= 3; page++) {
      DescribeInstancesRequest request = Requests.describeInstances();
      request.setPageSize(5);
      request.setPageNumber(page);
      DescribeInstancesResponse response = fx.sts.call(request);
      assertEquals(12, response.getTotalCount());
      assertEquals(page, response.getPageNumber());
      sizes[page - 1] = response.getInstances().size();
    }
    assertEquals(List.of(5, 5, 2), List.of(sizes[0], sizes[1], sizes[2]));
  }

  @Test
  void aPageSizeAboveOneHundredIsInvalidParameter() {
    DescribeInstancesRequest request = Requests.describeInstances();
    request.setPageSize(101);

    assertEquals("InvalidParameter", fx.sts.refused(request).getErrCode());
  }

  @Test
  void pageNumberZeroIsInvalidParameter() {
    DescribeInstancesRequest request = Requests.describeInstances();
    request.setPageNumber(0);

    assertEquals("InvalidParameter", fx.sts.refused(request).getErrCode());
  }

  @Test
  void describeInstancesDryRunAnswersDryRunOperation() {
    DescribeInstancesRequest request = Requests.describeInstances();
    request.setDryRun(true);

    assertEquals("DryRunOperation", fx.sts.refused(request).getErrCode());
  }

  @Test
  void describeInstanceStatusSelectsByInstanceIdAndShowsTransitions() throws ClientException {
    fx.sts.call(Requests.startInstance("i-web2"));

    DescribeInstanceStatusResponse response =
        fx.sts.call(Requests.describeInstanceStatus("i-web2", "i-db1", "i-nosuch"));

    assertEquals(2, response.getTotalCount());
    List<DescribeInstanceStatusResponse.InstanceStatus> statuses = response.getInstanceStatuses();
    assertEquals("i-web2", statuses.get(0).getInstanceId());
    assertEquals("Starting", statuses.get(0).getStatus());
    assertEquals("Running", statuses.get(1).getStatus());
  }

  @Test
  void describeInstanceStatusWithoutIdsListsTheRegionPaged() throws ClientException {
    DescribeInstanceStatusRequest request = Requests.describeInstanceStatus();
    request.setPageSize(2);
    request.setPageNumber(2);

    DescribeInstanceStatusResponse response = fx.sts.call(request);

    assertEquals(3, response.getTotalCount());
    assertEquals(1, response.getInstanceStatuses().size());
    assertEquals("i-db1", response.getInstanceStatuses().get(0).getInstanceId());
  }

  @Test
  void describeInstanceStatusPageSizeStopsAtFifty() throws ClientException {
    DescribeInstanceStatusRequest request = Requests.describeInstanceStatus();
    request.setPageSize(50);
    assertTrue(fx.sts.call(request).getTotalCount() > 0);

    request.setPageSize(51);
    assertEquals("InvalidParameter", fx.sts.refused(request).getErrCode());
  }

  @Test
  void describeInstanceStatusWithMoreThanOneHundredIdsIsTooManyInstanceIds() {
    String[] many =
        IntStream.rangeClosed(1, 101).mapToObj(n -> "i-x" + n).toArray(String[]::new);

    assertEquals(
        "InvalidParameter.TooManyInstanceIds",
        fx.sts.refused(Requests.describeInstanceStatus(many)).getErrCode());
  }

  private static DescribeInstancesRequest.Tag tag(String key, String value) {
    DescribeInstancesRequest.Tag tag = new DescribeInstancesRequest.Tag();
    tag.setKey(key);
    tag.setValue(value);
    return tag;
  }

  private static List<String> ids(DescribeInstancesResponse response) {
    return response.getInstances().stream()
        .map(DescribeInstancesResponse.Instance::getInstanceId)
        .collect(Collectors.toList());
  }
}
