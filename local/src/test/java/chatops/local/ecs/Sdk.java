package chatops.local.ecs;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;

/**
 * The real Alibaba SDK client, aimed at the emulator the way production code overrides the endpoint:
 * per request, host:port, plain HTTP.
 */
final class Sdk {
  static final String REGION = "cn-hangzhou";

  private final EcsEmulator emulator;
  private final IAcsClient client;

  private Sdk(EcsEmulator emulator, IAcsClient client) {
    this.emulator = emulator;
    this.client = client;
  }

  static Sdk withKey(EcsEmulator emulator, String accessKeyId, String secret) {
    return new Sdk(
        emulator,
        new DefaultAcsClient(
            DefaultProfile.getProfile(REGION),
            new StaticCredentialsProvider(new BasicCredentials(accessKeyId, secret))));
  }

  static Sdk withStsKey(EcsEmulator emulator, String accessKeyId, String secret, String token) {
    return new Sdk(
        emulator,
        new DefaultAcsClient(
            DefaultProfile.getProfile(REGION),
            new StaticCredentialsProvider(new BasicSessionCredentials(accessKeyId, secret, token))));
  }

  <T extends AcsResponse> T call(AcsRequest<T> request) throws ClientException {
    request.setSysEndpoint(emulator.endpoint());
    request.setSysProtocol(ProtocolType.HTTP);
    return client.getAcsResponse(request);
  }

  /** The call must fail; returns what the SDK threw (ServerException for 5xx is a subclass). */
  ClientException refused(AcsRequest<?> request) {
    return assertThrows(ClientException.class, () -> call(request));
  }
}
