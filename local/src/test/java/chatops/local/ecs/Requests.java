package chatops.local.ecs;

import com.aliyuncs.ecs.model.v20140526.DescribeInstanceStatusRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.RebootInstanceRequest;
import com.aliyuncs.ecs.model.v20140526.RebootInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.StartInstanceRequest;
import com.aliyuncs.ecs.model.v20140526.StartInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.StopInstanceRequest;
import com.aliyuncs.ecs.model.v20140526.StopInstancesRequest;
import java.util.List;

/** The SDK's request objects, filled in the way a caller would. */
final class Requests {
  private Requests() {}

  static StartInstanceRequest startInstance(String instanceId) {
    StartInstanceRequest request = new StartInstanceRequest();
    request.setInstanceId(instanceId);
    return request;
  }

  static StopInstanceRequest stopInstance(String instanceId) {
    StopInstanceRequest request = new StopInstanceRequest();
    request.setInstanceId(instanceId);
    return request;
  }

  static RebootInstanceRequest rebootInstance(String instanceId) {
    RebootInstanceRequest request = new RebootInstanceRequest();
    request.setInstanceId(instanceId);
    return request;
  }

  static StartInstancesRequest startInstances(String mode, String... instanceIds) {
    StartInstancesRequest request = new StartInstancesRequest();
    request.setBatchOptimization(mode);
    request.setInstanceIds(List.of(instanceIds));
    return request;
  }

  static StopInstancesRequest stopInstances(String mode, String... instanceIds) {
    StopInstancesRequest request = new StopInstancesRequest();
    request.setBatchOptimization(mode);
    request.setInstanceIds(List.of(instanceIds));
    return request;
  }

  static RebootInstancesRequest rebootInstances(String mode, String... instanceIds) {
    RebootInstancesRequest request = new RebootInstancesRequest();
    request.setBatchOptimization(mode);
    request.setInstanceIds(List.of(instanceIds));
    return request;
  }

  static DescribeInstancesRequest describeInstances() {
    return new DescribeInstancesRequest();
  }

  static DescribeInstanceStatusRequest describeInstanceStatus(String... instanceIds) {
    DescribeInstanceStatusRequest request = new DescribeInstanceStatusRequest();
    if (instanceIds.length > 0) {
      request.setInstanceIds(List.of(instanceIds));
    }
    return request;
  }
}
