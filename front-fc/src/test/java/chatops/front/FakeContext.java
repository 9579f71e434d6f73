package chatops.front;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.OpenTracing;
import com.aliyun.fc.runtime.Service;

/** What FC hands the handler: a request id, the role's STS key for this invocation, the service. */
final class FakeContext implements Context {
  private final String requestId;
  private final String keyId;
  private final String keySecret;
  private final String securityToken;
  private final String serviceName;

  FakeContext(String requestId, String keyId, String keySecret, String securityToken, String serviceName) {
    this.requestId = requestId;
    this.keyId = keyId;
    this.keySecret = keySecret;
    this.securityToken = securityToken;
    this.serviceName = serviceName;
  }

  /** The fixture's STS key ({@link SlashRequest#STS}) in service "chatops". */
  static FakeContext withRole(String requestId) {
    return new FakeContext(requestId, SlashRequest.STS.id(), SlashRequest.STS.secret(),
        SlashRequest.STS.securityToken().orElseThrow(), "chatops");
  }

  /** A service without a role: FC then hands out no credentials. */
  static FakeContext withoutRole(String requestId) {
    return new FakeContext(requestId, null, null, null, "chatops");
  }

  @Override
  public String getRequestId() {
    return requestId;
  }

  @Override
  public Credentials getExecutionCredentials() {
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
        return securityToken;
      }
    };
  }

  @Override
  public FunctionParam getFunctionParam() {
    return null;
  }

  @Override
  public Service getService() {
    return new Service() {
      @Override
      public String getName() {
        return serviceName;
      }

      @Override
      public String getLogProject() {
        return null;
      }

      @Override
      public String getLogStore() {
        return null;
      }

      @Override
      public String getQualifier() {
        return null;
      }

      @Override
      public String getVersionId() {
        return null;
      }
    };
  }

  @Override
  public FunctionComputeLogger getLogger() {
    return null;
  }

  @Override
  public OpenTracing getTracing() {
    return null;
  }

  @Override
  public int getRetryCount() {
    return 0;
  }
}
