package chatops.execution;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.OpenTracing;
import com.aliyun.fc.runtime.Service;
import java.util.ArrayList;
import java.util.List;

/** What FC hands the handler: a request id, the role's STS key, the time limit, a retry count, a logger. */
final class FakeContext implements Context {
  final List<String> logLines = new ArrayList<>();
  String requestId = "fc-req-1";
  String keyId = "STS.first";
  String keySecret = "sts-secret-1";
  String token = "CAIS-token-1";
  int timeLimitMillis = 300_000;
  int retryCount;
  boolean credentials = true;

  String logs() {
    return String.join("\n", logLines);
  }

  @Override
  public String getRequestId() {
    return requestId;
  }

  @Override
  public Credentials getExecutionCredentials() {
    if (!credentials) return null;
    return new Credentials() {
      @Override
      public String getAccessKeyId() {
        return keyId;
      }

      @Override
      public String getAccessKeySecret() {
        return keySecret;
      }

      @Override
      public String getSecurityToken() {
        return token;
      }
    };
  }

  @Override
  public FunctionParam getFunctionParam() {
    return new FunctionParam() {
      @Override
      public String getFunctionName() {
        return "execution";
      }

      @Override
      public String getFunctionHandler() {
        return "chatops.execution.ExecutionHandler::handleRequest";
      }

      @Override
      public String getFunctionInitializer() {
        return "chatops.execution.ExecutionHandler::initialize";
      }

      @Override
      public int getExecTimeLimitInMillis() {
        return timeLimitMillis;
      }

      @Override
      public int getMemoryLimitInMB() {
        return 512;
      }
    };
  }

  @Override
  public Service getService() {
    return null;
  }

  @Override
  public FunctionComputeLogger getLogger() {
    return new FunctionComputeLogger() {
      @Override
      public void trace(String s) {
        logLines.add("TRACE " + s);
      }

      @Override
      public void debug(String s) {
        logLines.add("DEBUG " + s);
      }

      @Override
      public void info(String s) {
        logLines.add("INFO " + s);
      }

      @Override
      public void warn(String s) {
        logLines.add("WARN " + s);
      }

      @Override
      public void error(String s) {
        logLines.add("ERROR " + s);
      }

      @Override
      public void fatal(String s) {
        logLines.add("FATAL " + s);
      }

      @Override
      public void setLogLevel(Level level) {}
    };
  }

  @Override
  public OpenTracing getTracing() {
    return null;
  }

  @Override
  public int getRetryCount() {
    return retryCount;
  }
}
