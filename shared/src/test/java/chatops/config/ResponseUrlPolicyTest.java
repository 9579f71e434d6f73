package chatops.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResponseUrlPolicyTest {
  private final ResponseUrlPolicy slack = ResponseUrlPolicy.slackHosts(ResponseUrlPolicy.DEFAULT_SLACK_HOSTS);

  @ParameterizedTest
  @ValueSource(strings = {
      "https://hooks.slack.com/commands/T0001/1234/5678",
      "https://HOOKS.SLACK.COM/commands/T0001/1234/5678",
      "https://hooks.slack-gov.com/commands/T0001/1234/5678",
      "https://hooks.slack.com/commands/T0001/1234/5678?x=1",
  })
  void allowsSlackResponseUrls(String url) {
    assertTrue(slack.allows(url), url);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://hooks.slack.com/commands/T0001/1234/5678",          // not https
      "https://hooks.slack.com@evil.example/commands/1",           // user info makes evil.example the host
      "https://evil.example@hooks.slack.com/commands/1",           // any user info at all
      "https://hooks.slack.com%40evil.example/commands/1",
      "https://evil.example\\@hooks.slack.com/commands/1",
      "https://hooks.slack.com.evil.example/commands/1",           // suffix trick
      "https://evilhooks.slack.com/commands/1",
      "https://hooks.slack.com./commands/1",                       // trailing dot is another name
      "https://hooks.slack.com:8443/commands/1",                   // other port
      "https://hooks.slack.com:443/commands/1",                    // explicit ports are refused too: one spelling
      "https://hooks.sl\u0430ck.com/commands/1",                   // Cyrillic 'a' look-alike
      "https://xn--hooks-slck-xyz.com/commands/1",
      "https://127.0.0.1/commands/1",
      "https://[::1]/commands/1",
      "https://hooks.slack.com",                                   // no path
      "https://hooks.slack.com/commands/1#frag",
      "ftp://hooks.slack.com/commands/1",
      "//hooks.slack.com/commands/1",
      "hooks.slack.com/commands/1",
      "javascript:alert(1)",
      "",
      " https://hooks.slack.com/commands/1",
  })
  void refusesEverythingElse(String url) {
    assertFalse(slack.allows(url), url);
  }

  @Test
  void refusesNullAndHugeUrls() {
    assertFalse(slack.allows(null));
    assertFalse(slack.allows("https://hooks.slack.com/" + "a".repeat(3000)));
  }

  @Test
  void configuredHostsAreNormalizedAndRequired() {
    ResponseUrlPolicy custom = ResponseUrlPolicy.slackHosts(Set.of(" Hooks.Example.com "));
    assertTrue(custom.allows("https://hooks.example.com/x"));
    assertFalse(custom.allows("https://hooks.slack.com/x"));
    assertThrows(IllegalArgumentException.class, () -> ResponseUrlPolicy.slackHosts(Set.of(" ")));
  }

  @Test
  void localStackPolicyAllowsOnlyLoopback() {
    ResponseUrlPolicy local = ResponseUrlPolicy.loopbackForLocalStack();
    assertTrue(local.allows("http://127.0.0.1:54321/commands/T1/1/abc"));
    assertTrue(local.allows("http://localhost:54321/commands/T1/1/abc"));
    assertFalse(local.allows("http://10.0.0.1:54321/commands/T1/1/abc"));
    assertFalse(local.allows("https://hooks.slack.com/commands/T1/1/abc"));
    assertFalse(local.allows("http://127.0.0.1@evil.example/x"));
  }

  @Test
  void redactionKeepsOnlySchemeAndHost() {
    assertEquals("https://hooks.slack.com/…", ResponseUrlPolicy.redact("https://hooks.slack.com/commands/T1/123/secretpart"));
    assertEquals("none", ResponseUrlPolicy.redact(null));
    assertEquals("unparseable", ResponseUrlPolicy.redact("not a url"));
  }
}
