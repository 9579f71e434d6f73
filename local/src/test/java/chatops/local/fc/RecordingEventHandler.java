package chatops.local.fc;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.StreamRequestHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A StreamRequestHandler that remembers every call and can be told to fail or to dawdle. */
final class RecordingEventHandler implements StreamRequestHandler, FunctionInitializer {
  final List<Call> calls = new CopyOnWriteArrayList<>();
  final AtomicInteger initializations = new AtomicInteger();
  private volatile int failuresLeft;
  private volatile Duration sleep = Duration.ZERO;

  RecordingEventHandler failFirst(int attempts) {
    failuresLeft = attempts;
    return this;
  }

  RecordingEventHandler sleepFor(Duration sleep) {
    this.sleep = sleep;
    return this;
  }

  @Override
  public void initialize(Context context) {
    initializations.incrementAndGet();
    context.getLogger().info("initialized");
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    byte[] payload = input.readAllBytes();
    calls.add(new Call(payload, context));
    context.getLogger().info("handling " + new String(payload, StandardCharsets.UTF_8));
    if (!sleep.isZero()) {
      try {
        Thread.sleep(sleep.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new IllegalStateException("ECS said no");
    }
    output.write(("done:" + new String(payload, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
  }

  /** What one call saw, copied out of the Context while it was valid. */
  static final class Call {
    final byte[] payload;
    final String requestId;
    final int retryCount;
    final String accessKeyId;
    final String accessKeySecret;
    final String securityToken;
    final String functionName;
    final String serviceName;
    final String qualifier;
    final int timeLimitMillis;
    final int memoryMb;
    final String handlerName;
    final String initializerName;

    Call(byte[] payload, Context context) {
      this.payload = payload;
      this.requestId = context.getRequestId();
      this.retryCount = context.getRetryCount();
      this.accessKeyId = context.getExecutionCredentials().getAccessKeyId();
      this.accessKeySecret = context.getExecutionCredentials().getAccessKeySecret();
      this.securityToken = context.getExecutionCredentials().getSecurityToken();
      this.functionName = context.getFunctionParam().getFunctionName();
      this.serviceName = context.getService().getName();
      this.qualifier = context.getService().getQualifier();
      this.timeLimitMillis = context.getFunctionParam().getExecTimeLimitInMillis();
      this.memoryMb = context.getFunctionParam().getMemoryLimitInMB();
      this.handlerName = context.getFunctionParam().getFunctionHandler();
      this.initializerName = context.getFunctionParam().getFunctionInitializer();
    }
  }
}
