package chatops.local.hostile;

import chatops.config.AccessKey;
import chatops.front.FcExecutionInvoker;
import chatops.front.InvokeFailedException;
import chatops.local.LocalStack;
import chatops.local.fc.FcEmulator;
import chatops.local.fc.Invocation;
import chatops.local.fc.StsKey;
import chatops.local.slack.SlashCommandRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * What Function Compute can do to the Execution function besides running a job once: deliver
 * the same payload again as a new event (at-least-once delivery, retry count 0), or take a job
 * from anyone holding {@code fc:InvokeFunction} on it. Both go through the real FC SDK with the
 * role's key, exactly as the Front invokes.
 */
final class Platform {
  private final LocalStack local;

  Platform(LocalStack local) {
    this.local = local;
  }

  /** Queues {@code payload} as one more async event of the Execution function; returns FC's request id. */
  String deliver(byte[] payload) {
    FcEmulator fc = local.fc();
    StsKey role = fc.roleKey();
    FcExecutionInvoker invoker = new FcExecutionInvoker(fc.endpoint(), fc.accountId(), fc.region(),
        LocalStack.EXECUTION_SERVICE, LocalStack.EXECUTION_FUNCTION);
    try {
      return invoker.invokeAsync(payload, AccessKey.of(role.getAccessKeyId(), role.getAccessKeySecret(), role.getSecurityToken()));
    } catch (InvokeFailedException e) {
      throw new AssertionError("FC did not take the job", e);
    }
  }

  List<Invocation> executions() {
    return local.fc().invocations(LocalStack.EXECUTION_SERVICE, LocalStack.EXECUTION_FUNCTION);
  }

  /** The job the Front queued for {@code command}, found by its response_url. */
  byte[] jobOf(SlashCommandRequest command) {
    String url = "\"responseUrl\":\"" + command.responseUrl() + "\"";
    for (Invocation invocation : executions()) {
      if (new String(invocation.payload(), StandardCharsets.UTF_8).contains(url)) return invocation.payload();
    }
    throw new AssertionError("no job was queued for " + command);
  }

  void awaitIdle() {
    try {
      if (!local.fc().awaitIdle(Duration.ofSeconds(60))) throw new AssertionError("jobs still running after 60 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
