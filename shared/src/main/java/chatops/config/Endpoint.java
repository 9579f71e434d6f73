package chatops.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a cloud API is reached: scheme, host and an optional port, nothing else. The SDKs want it
 * in different shapes (FC a URL, ECS {@code host:port} plus a protocol), so it offers both.
 */
public final class Endpoint {
  private final String scheme;
  private final String host;
  private final int port;

  private Endpoint(String scheme, String host, int port) {
    this.scheme = scheme;
    this.host = host;
    this.port = port;
  }

  /**
   * Reads {@code https://host}, {@code http://host:port} or a bare {@code host[:port]}; a bare host
   * means https. A trailing {@code /} is allowed; a path, query, fragment or user info is not.
   *
   * @throws IllegalArgumentException with a fixed message, never the input
   */
  static Endpoint parse(String text) {
    String url = text.contains("://") ? text : "https://" + text;
    final URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw malformed();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean plainPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
        || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
        || !plainPath || uri.getPort() == 0 || uri.getPort() > 65535) {
      throw malformed();
    }
    return new Endpoint(scheme, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort());
  }

  public String scheme() {
    return scheme;
  }

  public boolean isHttps() {
    return scheme.equals("https");
  }

  public String host() {
    return host;
  }

  /** The port, explicit or the scheme's default. */
  public int port() {
    if (port >= 0) return port;
    return isHttps() ? 443 : 80;
  }

  /** {@code host} or {@code host:port} when a port was given: the ECS SDK's endpoint shape. */
  public String hostAndPort() {
    return port < 0 ? host : host + ":" + port;
  }

  /** {@code scheme://host[:port]}, no trailing slash: the FC SDK's endpoint shape. */
  public String url() {
    return scheme + "://" + hostAndPort();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Endpoint)) return false;
    Endpoint that = (Endpoint) o;
    return scheme.equals(that.scheme) && host.equals(that.host) && port == that.port;
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, host, port);
  }

  @Override
  public String toString() {
    return url();
  }

  private static IllegalArgumentException malformed() {
    return new IllegalArgumentException("not an endpoint");
  }
}
