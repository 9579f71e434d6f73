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

  public HarnessContext(String requestId) {
    this.requestId = requestId;
  }

  @Override public String getRequestId() { return requestId; }
  @Override public Credentials getExecutionCredentials() { return this; }
  @Override public FunctionParam getFunctionParam() { return this; }
  @Override public Service getService() { return this; }
  @Override public FunctionComputeLogger getLogger() { return null; }
  @Override public OpenTracing getTracing() { return null; }
  @Override public int getRetryCount() { return 0; }

  // The STS shape FC hands out: an STS. key id, a secret and a security token.
  @Override public String getAccessKeyId() { return "STS.bench-key"; }
  @Override public String getAccessKeySecret() { return "bench-sts-secret"; }
  @Override public String getSecurityToken() { return "bench-sts-token"; }

  @Override public String getFunctionName() { return "front"; }
  @Override public String getFunctionHandler() { return "chatops.front.FrontHandler::handleRequest"; }
  @Override public String getFunctionInitializer() { return "chatops.front.FrontHandler::initialize"; }
  @Override public int getExecTimeLimitInMillis() { return 10_000; }
  @Override public int getMemoryLimitInMB() { return 128; }

  @Override public String getName() { return "chatops-front"; }
  @Override public String getLogProject() { return null; }
  @Override public String getLogStore() { return null; }
  @Override public String getQualifier() { return null; }
  @Override public String getVersionId() { return null; }
}
