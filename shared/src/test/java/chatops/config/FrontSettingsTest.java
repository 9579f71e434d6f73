package chatops.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import chatops.ecs.EcsAction;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Front's environment, from plain maps: what it needs, its defaults, and what it refuses. */
class FrontSettingsTest {
  static Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_SIGNING_SECRET", "8f742231b10e8888abcd99yyyzzz85a5");
    env.put("SLACK_CHANNEL", "C0123ABCD");
    env.put("FUNCTION_COMPUTE_ENDPOINT", "https://1234567890.cn-hangzhou-internal.fc.aliyuncs.com");
    env.put("INVOKE_FC", "ecs-execution");
    return env;
  }

  private static FrontSettings with(String name, String value) {
    Map<String, String> env = minimal();
    if (value == null) env.remove(name); else env.put(name, value);
    return FrontSettings.from(env);
  }

  @Test
  void minimalEnvironmentTakesTheDefaults() {
    FrontSettings settings = FrontSettings.from(minimal());
    assertEquals(Optional.of("8f742231b10e8888abcd99yyyzzz85a5"), settings.signingSecret());
    assertEquals(Optional.empty(), settings.legacyToken());
    assertEquals(List.of(Variable.SLACK_TOKEN), settings.missingVerification());
    assertEquals(Set.of("C0123ABCD"), settings.channelIds());
    assertEquals(Set.of(), settings.channelNames());
    assertFalse(settings.anyChannel());
    assertEquals(Set.of(), settings.teams());
    assertEquals(EnumSet.allOf(EcsAction.class), settings.allowedActions());
    assertEquals(Set.of(), settings.allowedUsers());
    assertEquals(Set.of(), settings.allowedInstances());
    assertEquals(20, settings.maxInstances());
    assertEquals(Set.of("hooks.slack.com", "hooks.slack-gov.com"), settings.responseHosts());
    assertEquals("https://1234567890.cn-hangzhou-internal.fc.aliyuncs.com", settings.functionComputeEndpoint().url());
    assertEquals("1234567890", settings.fcAccountId());
    assertEquals("cn-hangzhou", settings.fcRegion());
    assertEquals("ecs-execution", settings.invokeFunction());
    assertEquals(Optional.empty(), settings.invokeService());
  }

  @Test
  void readsEveryOptionalVariable() {
    Map<String, String> env = minimal();
    env.put("SLACK_TOKEN", "legacy");
    env.put("SLACK_TEAM", "T0001,E0002");
    env.put("SLACK_CHANNEL", "C0123ABCD, G0456EFGH ,#Ops,deploy-room");
    env.put("ECS_CMD_CODE", "['start' 'stop']");
    env.put("ALLOWED_USERS", "[\"U0001\",\"W0002\"]");
    env.put("ECS_INSTANCES", "i-a,i-b");
    env.put("ECS_MAX_INSTANCES", "100");
    env.put("SLACK_RESPONSE_HOSTS", "Hooks.Slack.com");
    env.put("INVOKE_SERVICE", "chatops");
    FrontSettings settings = FrontSettings.from(env);
    assertEquals(List.of(), settings.missingVerification());
    assertEquals(Set.of("T0001", "E0002"), settings.teams());
    assertEquals(Set.of("C0123ABCD", "G0456EFGH"), settings.channelIds());
    assertEquals(Set.of("ops", "deploy-room"), settings.channelNames());
    assertEquals(EnumSet.of(EcsAction.START, EcsAction.STOP), settings.allowedActions());
    assertEquals(Set.of("U0001", "W0002"), settings.allowedUsers());
    assertEquals(Set.of("i-a", "i-b"), settings.allowedInstances());
    assertEquals(100, settings.maxInstances());
    assertEquals(Set.of("hooks.slack.com"), settings.responseHosts());
    assertEquals(Optional.of("chatops"), settings.invokeService());
  }

  @Test
  void ecsCmdCodeReadsTheSampleFormJsonAndACommaList() {
    Set<EcsAction> startStop = EnumSet.of(EcsAction.START, EcsAction.STOP);
    assertEquals(startStop, with("ECS_CMD_CODE", "[\"start\" \"stop\"]").allowedActions());
    assertEquals(startStop, with("ECS_CMD_CODE", "[\"start\",\"stop\"]").allowedActions());
    assertEquals(startStop, with("ECS_CMD_CODE", "start, STOP, help").allowedActions());
    assertEquals(EnumSet.noneOf(EcsAction.class), with("ECS_CMD_CODE", "[]").allowedActions());
    assertEquals(EnumSet.noneOf(EcsAction.class), with("ECS_CMD_CODE", "help").allowedActions());
    assertEquals(EnumSet.allOf(EcsAction.class), with("ECS_CMD_CODE", "  ").allowedActions());
  }

  @Test
  void starAllowsAnyChannel() {
    assertTrue(with("SLACK_CHANNEL", "*").anyChannel());
  }

  @Test
  void neitherVerificationSecretIsReportedNotThrown() {
    Map<String, String> env = minimal();
    env.remove("SLACK_SIGNING_SECRET");
    env.put("SLACK_TOKEN", "   ");
    assertEquals(List.of(Variable.SLACK_SIGNING_SECRET, Variable.SLACK_TOKEN),
        FrontSettings.from(env).missingVerification());
  }

  @Test
  void explicitAccountAndRegionWinOverTheEndpointHost() {
    Map<String, String> env = minimal();
    env.put("FUNCTION_COMPUTE_ENDPOINT", "http://127.0.0.1:9000");
    env.put("FC_ACCOUNT_ID", "42");
    env.put("FC_REGION", "ap-northeast-1");
    FrontSettings settings = FrontSettings.from(env);
    assertEquals("http://127.0.0.1:9000", settings.functionComputeEndpoint().url());
    assertEquals("42", settings.fcAccountId());
    assertEquals("ap-northeast-1", settings.fcRegion());
    env.put("FUNCTION_COMPUTE_ENDPOINT", "1234.cn-shanghai.fc.aliyuncs.com");
    assertEquals("42", FrontSettings.from(env).fcAccountId());
  }

  @Test
  void accountAndRegionComeFromAPublicEndpointHostToo() {
    FrontSettings settings = with("FUNCTION_COMPUTE_ENDPOINT", "1234.ap-southeast-1.fc.aliyuncs.com");
    assertEquals("1234", settings.fcAccountId());
    assertEquals("ap-southeast-1", settings.fcRegion());
    assertEquals("https://1234.ap-southeast-1.fc.aliyuncs.com", settings.functionComputeEndpoint().url());
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        arguments("SLACK_CHANNEL", null, "SLACK_CHANNEL is required (* allows any channel)"),
        arguments("SLACK_CHANNEL", " , ", "SLACK_CHANNEL is required (* allows any channel)"),
        arguments("SLACK_CHANNEL", "ops room", "SLACK_CHANNEL must list channel IDs (C0123ABCD), channel names"
            + " (ops or #ops), or *"),
        arguments("SLACK_CHANNEL", "ops,privategroup", "SLACK_CHANNEL names a placeholder Slack sends for direct"
            + " messages and private channels; use the channel ID"),
        arguments("SLACK_CHANNEL", "[\"ops\"", "SLACK_CHANNEL is not a list: write it as a,b or [\"a\",\"b\"]"),
        arguments("SLACK_TEAM", "acme", "SLACK_TEAM must list Slack workspace IDs such as T0123ABCD"),
        arguments("ECS_CMD_CODE", "start,destroy", "ECS_CMD_CODE must list sub-commands among start, stop, reboot,"
            + " status, list and help"),
        arguments("ECS_CMD_CODE", "[start stop]", "ECS_CMD_CODE is not a list: write it as a,b or [\"a\",\"b\"]"),
        arguments("ALLOWED_USERS", "alice", "ALLOWED_USERS must list Slack user IDs such as U0123ABCD"),
        arguments("ECS_INSTANCES", "I-ABC", "ECS_INSTANCES must list ECS instance IDs such as i-bp1abc2def"),
        arguments("ECS_MAX_INSTANCES", "0", "ECS_MAX_INSTANCES must be a whole number from 1 to 100"),
        arguments("ECS_MAX_INSTANCES", "101", "ECS_MAX_INSTANCES must be a whole number from 1 to 100"),
        arguments("ECS_MAX_INSTANCES", "twenty", "ECS_MAX_INSTANCES must be a whole number from 1 to 100"),
        arguments("ECS_MAX_INSTANCES", "-5", "ECS_MAX_INSTANCES must be a whole number from 1 to 100"),
        arguments("ECS_MAX_INSTANCES", "99999999999", "ECS_MAX_INSTANCES must be a whole number from 1 to 100"),
        arguments("SLACK_RESPONSE_HOSTS", "https://hooks.slack.com", "SLACK_RESPONSE_HOSTS must list host names"
            + " such as hooks.slack.com, without scheme, port or path"),
        arguments("SLACK_RESPONSE_HOSTS", "hooks.slack.com:443", "SLACK_RESPONSE_HOSTS must list host names"
            + " such as hooks.slack.com, without scheme, port or path"),
        arguments("FUNCTION_COMPUTE_ENDPOINT", null, "FUNCTION_COMPUTE_ENDPOINT is required"),
        arguments("FUNCTION_COMPUTE_ENDPOINT", "https://1234.cn-hangzhou.fc.aliyuncs.com/2016-08-15",
            "FUNCTION_COMPUTE_ENDPOINT must be an endpoint such as https://host, http://host:port or host:port,"
                + " without a path"),
        arguments("FUNCTION_COMPUTE_ENDPOINT", "https://key:secret@host", "FUNCTION_COMPUTE_ENDPOINT must be an"
            + " endpoint such as https://host, http://host:port or host:port, without a path"),
        arguments("FUNCTION_COMPUTE_ENDPOINT", "http://127.0.0.1:9000", "FC_ACCOUNT_ID is required when"
            + " FUNCTION_COMPUTE_ENDPOINT is not {account}.{region}[-internal].fc.aliyuncs.com"),
        arguments("FC_ACCOUNT_ID", "acme", "FC_ACCOUNT_ID must be a numeric account ID"),
        arguments("FC_REGION", "Hangzhou", "FC_REGION must be a region ID such as cn-hangzhou"),
        arguments("INVOKE_FC", null, "INVOKE_FC is required"),
        arguments("INVOKE_FC", "ecs execution", "INVOKE_FC must be a function name"),
        arguments("INVOKE_SERVICE", "svc/../x", "INVOKE_SERVICE must be a service name"));
  }

  @ParameterizedTest(name = "{0}=[{1}]")
  @MethodSource("refusals")
  void refusesNamingTheVariableNeverTheValue(String name, String value, String message) {
    SettingsException e = assertThrows(SettingsException.class, () -> with(name, value));
    assertEquals(message, e.getMessage());
    assertTrue(e.getMessage().startsWith(e.variable().envName() + " "));
    // Values of a few characters ("0", "101") occur in the fixed rule text by coincidence.
    if (value != null && value.trim().length() > 3) assertFalse(e.getMessage().contains(value.trim()), e.getMessage());
  }

  @Test
  void regionIsRequiredWhenTheEndpointDoesNotNameIt() {
    Map<String, String> env = minimal();
    env.put("FUNCTION_COMPUTE_ENDPOINT", "http://127.0.0.1:9000");
    env.put("FC_ACCOUNT_ID", "42");
    SettingsException e = assertThrows(SettingsException.class, () -> FrontSettings.from(env));
    assertEquals(Variable.FC_REGION, e.variable());
  }

  @Test
  void toStringShowsWhetherSecretsAreSetNeverTheirValues() {
    Map<String, String> env = minimal();
    env.put("SLACK_TOKEN", "legacy-token-value");
    String shown = FrontSettings.from(env).toString();
    assertFalse(shown.contains("8f742231b10e8888abcd99yyyzzz85a5"), shown);
    assertFalse(shown.contains("legacy-token-value"), shown);
    assertTrue(shown.contains("signingSecret=set"), shown);
  }
}
