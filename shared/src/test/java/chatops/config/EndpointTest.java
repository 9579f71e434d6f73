package chatops.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An endpoint is a scheme, a host and maybe a port, in the shape each SDK wants. */
class EndpointTest {

  @Test
  void readsAnHttpsUrl() {
    Endpoint endpoint = Endpoint.parse("https://1234.cn-hangzhou-internal.fc.aliyuncs.com/");
    assertTrue(endpoint.isHttps());
    assertEquals("1234.cn-hangzhou-internal.fc.aliyuncs.com", endpoint.host());
    assertEquals(443, endpoint.port());
    assertEquals("1234.cn-hangzhou-internal.fc.aliyuncs.com", endpoint.hostAndPort());
    assertEquals("https://1234.cn-hangzhou-internal.fc.aliyuncs.com", endpoint.url());
  }

  @Test
  void readsALocalHttpUrlWithPort() {
    Endpoint endpoint = Endpoint.parse("http://127.0.0.1:8080");
    assertFalse(endpoint.isHttps());
    assertEquals("http", endpoint.scheme());
    assertEquals(8080, endpoint.port());
    assertEquals("127.0.0.1:8080", endpoint.hostAndPort());
    assertEquals("http://127.0.0.1:8080", endpoint.url());
  }

  @Test
  void aBareHostMeansHttps() {
    assertEquals("https://ecs.example.com:8443", Endpoint.parse("ecs.example.com:8443").url());
    assertEquals("https://ecs.example.com", Endpoint.parse("ECS.Example.com").url());
    assertEquals(Endpoint.parse("https://ecs.example.com"), Endpoint.parse("ecs.example.com"));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {
      "", "ftp://host", "https://", "https://host/path", "https://host?q=1", "https://host#f",
      "https://user:pw@host", "https://host:0", "https://host:99999", "host name", "http://ho_st:80", "://host",
  })
  void refusesAnythingElse(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(text));
    assertEquals("not an endpoint", e.getMessage());
  }
}
