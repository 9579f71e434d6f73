package chatops.local.fc;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.OpenTracing;
import com.aliyun.fc.runtime.Service;

import java.util.Map;

/** The {@code Context} FC passes to one call of a handler or initializer. */
final class EmulatedContext implements Context {
  private final String requestId;
  private final Credentials credentials;
  private final FcFunction function;
  private final String qualifier;
  private final FunctionComputeLogger logger;
  private final int retryCount;

  EmulatedContext(String requestId, Credentials credentials, FcFunction function, String qualifier,
          FunctionComputeLogger logger, int retryCount) {
    this.requestId = requestId;
    this.credentials = credentials;
    this.function = function;
    this.qualifier = qualifier;
    this.logger = logger;
    this.retryCount = retryCount;
  }

  @Override
  public String getRequestId() {
    return requestId;
  }

  @Override
  public Credentials getExecutionCredentials() {
    return credentials;
  }

  @Override
  public FunctionParam getFunctionParam() {
    return new Param(function);
  }

  @Override
  public Service getService() {
    return new ServiceInfo(function.service(), qualifier);
  }

  @Override
  public FunctionComputeLogger getLogger() {
    return logger;
  }

  @Override
  public OpenTracing getTracing() {
    return NoTracing.INSTANCE;
  }

  /** 0 on the first attempt of an async event, then 1, 2, ... on the platform's retries. */
  @Override
  public int getRetryCount() {
    return retryCount;
  }

  private static final class Param implements FunctionParam {
    private final FcFunction function;

    Param(FcFunction function) {
      this.function = function;
    }

    @Override
    public String getFunctionName() {
      return function.name();
    }

    @Override
    public String getFunctionHandler() {
      return function.handlerName();
    }

    @Override
    public String getFunctionInitializer() {
      return function.initializerName();
    }

    @Override
    public int getExecTimeLimitInMillis() {
      return (int) Math.min(Integer.MAX_VALUE, function.timeLimit().toMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
      return function.memoryMb();
    }
  }

  /** No Log Service project is attached in the emulator, so those names are empty like an unlogged service. */
  private static final class ServiceInfo implements Service {
    private final String name;
    private final String qualifier;

    ServiceInfo(String name, String qualifier) {
      this.name = name;
      this.qualifier = qualifier;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getLogProject() {
      return "";
    }

    @Override
    public String getLogStore() {
      return "";
    }

    @Override
    public String getQualifier() {
      return qualifier;
    }

    @Override
    public String getVersionId() {
      return "";
    }
  }

  private enum NoTracing implements OpenTracing {
    INSTANCE;

    @Override
    public String getSpanContext() {
      return null;
    }

    @Override
    public Map<String, String> getSpanBaggages() {
      return Map.of();
    }

    @Override
    public String getJaegerEndpoint() {
      return null;
    }
  }
}
