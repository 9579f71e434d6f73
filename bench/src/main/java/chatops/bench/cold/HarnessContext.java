package chatops.bench.cold;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.OpenTracing;
import com.aliyun.fc.runtime.Service;

/** What FC hands a handler: a request id, the role's STS key, the time limit and the service. */
public final class HarnessContext implements Context, Credentials, FunctionParam, Service {
  private final String requestId;
  private final int timeLimitMillis;
  private final FunctionComputeLogger logger;

  /** The Front's: template.yml gives it 10 s; no logger, so lines go to stdout as on FC. */
  public HarnessContext(String requestId) {
    this(requestId, 10_000, null);
  }

  public HarnessContext(String requestId, int timeLimitMillis, FunctionComputeLogger logger) {
    this.requestId = requestId;
    this.timeLimitMillis = timeLimitMillis;
    this.logger = logger;
  }

  @Override public String getRequestId() { return requestId; }
  @Override public Credentials getExecutionCredentials() { return this; }
  @Override public FunctionParam getFunctionParam() { return this; }
  @Override public Service getService() { return this; }
  @Override public FunctionComputeLogger getLogger() { return logger; }
  @Override public OpenTracing getTracing() { return null; }
  @Override public int getRetryCount() { return 0; }

  // The STS shape FC hands out: an STS. key id, a secret and a security token.
  @Override public String getAccessKeyId() { return "STS.bench-key"; }
  @Override public String getAccessKeySecret() { return "bench-sts-secret"; }
  @Override public String getSecurityToken() { return "bench-sts-token"; }

  @Override public String getFunctionName() { return "front"; }
  @Override public String getFunctionHandler() { return "chatops.front.FrontHandler::handleRequest"; }
  @Override public String getFunctionInitializer() { return "chatops.front.FrontHandler::initialize"; }
  @Override public int getExecTimeLimitInMillis() { return timeLimitMillis; }
  @Override public int getMemoryLimitInMB() { return 128; }

  @Override public String getName() { return "chatops-front"; }
  @Override public String getLogProject() { return null; }
  @Override public String getLogStore() { return null; }
  @Override public String getQualifier() { return null; }
  @Override public String getVersionId() { return null; }
}
