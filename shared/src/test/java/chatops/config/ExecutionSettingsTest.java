package chatops.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Execution function's environment, from plain maps. */
class ExecutionSettingsTest {
  private static Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put("ECS_REGION", "cn-hangzhou");
    return env;
  }

  @Test
  void minimalEnvironmentTakesTheDefaults() {
    ExecutionSettings settings = ExecutionSettings.from(minimal());
    assertEquals("cn-hangzhou", settings.defaultRegion());
    assertEquals(Optional.empty(), settings.ecsEndpoint());
    assertEquals(Optional.empty(), settings.staticAccessKey());
    assertEquals(Set.of(), settings.allowedUsers());
    assertEquals(Set.of(), settings.allowedInstances());
    assertEquals(20, settings.maxInstances());
    assertEquals(Set.of("hooks.slack.com", "hooks.slack-gov.com"), settings.responseHosts());
  }

  @Test
  void readsEveryOptionalVariable() {
    Map<String, String> env = minimal();
    env.put("ECS_ENDPOINT", "http://127.0.0.1:8080");
    env.put("ACCESS_KEY_ID", "LTAI5tExample");
    env.put("ACCESS_KEY_SECRET", " secret-value \n");
    env.put("ALLOWED_USERS", "U0001");
    env.put("ECS_INSTANCES", "['i-a' 'i-b']");
    env.put("ECS_MAX_INSTANCES", "5");
    env.put("SLACK_RESPONSE_HOSTS", "hooks.slack.com");
    ExecutionSettings settings = ExecutionSettings.from(env);
    assertEquals("127.0.0.1:8080", settings.ecsEndpoint().orElseThrow().hostAndPort());
    assertFalse(settings.ecsEndpoint().orElseThrow().isHttps());
    assertEquals(AccessKey.of("LTAI5tExample", "secret-value", null), settings.staticAccessKey().orElseThrow());
    assertEquals(Set.of("U0001"), settings.allowedUsers());
    assertEquals(Set.of("i-a", "i-b"), settings.allowedInstances());
    assertEquals(5, settings.maxInstances());
    assertEquals(Set.of("hooks.slack.com"), settings.responseHosts());
    assertFalse(settings.toString().contains("secret-value"));
    assertFalse(settings.toString().contains("LTAI5tExample"));
  }

  @Test
  void aBareHostAndPortEndpointMeansHttps() {
    Map<String, String> env = minimal();
    env.put("ECS_ENDPOINT", "ecs-proxy.internal:8443");
    Endpoint endpoint = ExecutionSettings.from(env).ecsEndpoint().orElseThrow();
    assertTrue(endpoint.isHttps());
    assertEquals("ecs-proxy.internal:8443", endpoint.hostAndPort());
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        arguments(Map.of(), "ECS_REGION is required"),
        arguments(Map.of("ECS_REGION", "Hangzhou-1"), "ECS_REGION must be a region ID such as cn-hangzhou"),
        arguments(Map.of("ECS_ENDPOINT", "http://127.0.0.1:8080/api"), "ECS_ENDPOINT must be an endpoint such as"
            + " https://host, http://host:port or host:port, without a path"),
        arguments(Map.of("ACCESS_KEY_ID", "LTAI5tExample"), "ACCESS_KEY_SECRET is required when ACCESS_KEY_ID is set"),
        arguments(Map.of("ACCESS_KEY_SECRET", "s3cr3t-value"), "ACCESS_KEY_ID is required when ACCESS_KEY_SECRET is set"),
        arguments(Map.of("ALLOWED_USERS", "bob"), "ALLOWED_USERS must list Slack user IDs such as U0123ABCD"),
        arguments(Map.of("ECS_INSTANCES", "i-a;i-b"), "ECS_INSTANCES must list ECS instance IDs such as i-bp1abc2def"),
        arguments(Map.of("ECS_MAX_INSTANCES", "500"), "ECS_MAX_INSTANCES must be a whole number from 1 to 100"),
        arguments(Map.of("SLACK_RESPONSE_HOSTS", "evil host"), "SLACK_RESPONSE_HOSTS must list host names such as"
            + " hooks.slack.com, without scheme, port or path"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusesNamingTheVariableNeverTheValue(Map<String, String> overrides, String message) {
    Map<String, String> env = overrides.containsKey("ECS_REGION") || overrides.isEmpty() ? new HashMap<>() : minimal();
    env.putAll(overrides);
    SettingsException e = assertThrows(SettingsException.class, () -> ExecutionSettings.from(env));
    assertEquals(message, e.getMessage());
    for (String value : overrides.values()) assertFalse(e.getMessage().contains(value), e.getMessage());
  }
}
