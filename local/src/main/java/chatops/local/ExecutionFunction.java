package chatops.local;

import chatops.config.ResponseUrlPolicy;
import chatops.local.fc.FcEmulator;
import java.time.Duration;
import java.util.Map;

/** The Execution function as template.yml deploys it: an event function with no trigger, 512 MB. */
final class ExecutionFunction {
  private ExecutionFunction() {}

  static void deploy(FcEmulator fc, Map<String, String> env, ResponseUrlPolicy responseUrls, Duration timeLimit) {
  }
}
