package chatops.local;

import chatops.config.ResponseUrlPolicy;
import chatops.execution.ExecutionHandler;
import chatops.local.fc.FcEmulator;
import chatops.local.fc.FcFunction;
import java.time.Duration;
import java.util.Map;

/**
 * The Execution function as template.yml deploys it: an event function with no trigger, its
 * initializer, 512 MB. Apart so that LocalStack reads as the wiring and this as the deployment.
 */
final class ExecutionFunction {
  private ExecutionFunction() {}

  static void deploy(FcEmulator fc, Map<String, String> env, ResponseUrlPolicy responseUrls, Duration timeLimit) {
    ExecutionHandler handler = new ExecutionHandler(env, responseUrls);
    fc.deploy(FcFunction.event(LocalStack.EXECUTION_SERVICE, LocalStack.EXECUTION_FUNCTION, handler)
        .initializer(handler).timeLimit(timeLimit).memoryMb(512).build());
  }
}
