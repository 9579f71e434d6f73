package chatops.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which {@code response_url}s may be contacted. The URL arrives inside the request (and
 * inside the job, which anyone allowed to invoke the Execution function can forge), so posting to
 * whatever it names would make us an SSRF tool. Production allows https on Slack's hosts only.
 */
public final class ResponseUrlPolicy {
  /** Slack's response_url hosts (commercial and GovSlack); {@code SLACK_RESPONSE_HOSTS} default. */
  public static final Set<String> DEFAULT_SLACK_HOSTS = Set.of("hooks.slack.com", "hooks.slack-gov.com");

  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost");
  private static final int MAX_URL_LENGTH = 2048;

  private final Set<String> hosts;
  private final boolean loopbackOnly;

  private ResponseUrlPolicy(Set<String> hosts, boolean loopbackOnly) {
    this.hosts = hosts;
    this.loopbackOnly = loopbackOnly;
  }

  /** https only, on exactly these host names, default port, no user info. */
  public static ResponseUrlPolicy slackHosts(Set<String> hosts) {
    Set<String> normalized = new TreeSet<>();
    for (String host : hosts) {
      String h = host.trim().toLowerCase(Locale.ROOT);
      if (!h.isEmpty()) normalized.add(h);
    }
    if (normalized.isEmpty()) throw new IllegalArgumentException("no response_url hosts");
    return new ResponseUrlPolicy(Set.copyOf(normalized), false);
  }

  /**
   * http or https on the loopback interface, any port: the local stack's Slack emulator. Never
   * reachable from configuration; only the local stack constructs it in code.
   */
  public static ResponseUrlPolicy loopbackForLocalStack() {
    return new ResponseUrlPolicy(LOOPBACK_HOSTS, true);
  }

  public boolean allows(String url) {
    if (url == null || url.isEmpty() || url.length() > MAX_URL_LENGTH) return false;
    final URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return false;
    }
    // Raw (undecoded) parts: "%40" or "\" tricks must not make a different host than the one checked.
    if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || !url.regionMatches(true, 0, scheme + "://" + host, 0, scheme.length() + 3 + host.length())) {
      return false; // the authority is not plainly the host (e.g. a registry-based authority)
    }
    host = host.toLowerCase(Locale.ROOT);
    if (loopbackOnly) {
      return (scheme.equals("http") || scheme.equals("https")) && hosts.contains(host);
    }
    return scheme.equals("https") && uri.getPort() == -1 && hosts.contains(host)
        && uri.getRawPath() != null && uri.getRawPath().startsWith("/");
  }

  /** What a log may show of a response_url: scheme and host only, never the capability path. */
  public static String redact(String url) {
    if (url == null) return "none";
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || uri.getHost() == null) return "unparseable";
      return uri.getScheme() + "://" + uri.getHost() + "/…";
    } catch (URISyntaxException e) {
      return "unparseable";
    }
  }

  @Override
  public String toString() {
    return loopbackOnly ? "ResponseUrlPolicy{loopback}" : "ResponseUrlPolicy{https " + hosts + "}";
  }
}
