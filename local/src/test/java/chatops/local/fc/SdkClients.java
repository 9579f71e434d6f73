package chatops.local.fc;

import com.aliyuncs.fc.client.FunctionComputeClient;
import com.aliyuncs.fc.config.Config;

/** The real aliyun-java-sdk-fc client, pointed at an emulator the way the Front will point it at FC. */
final class SdkClients {
  private SdkClients() {
  }

  static FunctionComputeClient client(FcEmulator fc, StsKey key, int readTimeoutMillis) {
    Config config = new Config(fc.region(), fc.accountId(), key.getAccessKeyId(), key.getAccessKeySecret(),
        key.getSecurityToken(), false);
    config.setEndpoint(fc.endpoint());
    config.setConnectTimeoutMillis(2000);
    config.setReadTimeoutMillis(readTimeoutMillis);
    return new FunctionComputeClient(config);
  }

  static FunctionComputeClient client(FcEmulator fc, StsKey key) {
    return client(fc, key, 10_000);
  }
}
