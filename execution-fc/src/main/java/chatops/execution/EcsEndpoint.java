package chatops.execution;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where ECS calls go: HTTPS to the region's own endpoint in production, or, for local runs and
 * tests, the {@code ECS_ENDPOINT} override ({@code http(s)://host[:port]}, nothing more).
 */
final class EcsEndpoint {
  private final String hostAndPort;
  private final boolean https;

  private EcsEndpoint(String hostAndPort, boolean https) {
    this.hostAndPort = hostAndPort;
    this.https = https;
  }

  static EcsEndpoint from(Optional<String> override) {
    if (override.isEmpty()) return new EcsEndpoint(null, true);
    URI uri = parse(override.get());
    String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    return new EcsEndpoint(host, uri.getScheme().equals("https"));
  }

  /** {@code host[:port]} of the override; empty means the region's own endpoint. */
  Optional<String> override() {
    return Optional.ofNullable(hostAndPort);
  }

  boolean https() {
    return https;
  }

  private static URI parse(String endpoint) {
    try {
      URI uri = new URI(endpoint.trim());
      boolean bare = uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
          && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"));
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null && bare) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // falls through to the refusal, which does not echo the value
    }
    throw new IllegalArgumentException("ECS_ENDPOINT must look like http(s)://host[:port]");
  }

  @Override
  public String toString() {
    return hostAndPort == null ? "regional https" : (https ? "https://" : "http://") + hostAndPort;
  }
}
