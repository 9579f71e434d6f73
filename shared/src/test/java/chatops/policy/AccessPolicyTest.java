package chatops.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.config.ExecutionSettings;
import chatops.config.FrontSettings;
import chatops.ecs.EcsAction;
import chatops.ecs.EcsCommand;
import chatops.ecs.EcsGrammar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule of the access policy, set up from the environment exactly as a deployment writes it. */
class AccessPolicyTest {
  private static AccessPolicy front(String... nameValues) {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_SIGNING_SECRET", "secret");
    env.put("SLACK_CHANNEL", "C0OPS");
    env.put("FUNCTION_COMPUTE_ENDPOINT", "https://1234.cn-hangzhou-internal.fc.aliyuncs.com");
    env.put("INVOKE_FC", "execution");
    for (int i = 0; i < nameValues.length; i += 2) env.put(nameValues[i], nameValues[i + 1]);
    return AccessPolicy.from(FrontSettings.from(env));
  }

  private static EcsCommand command(String text) {
    return new EcsGrammar(100).parse(text).command().orElseThrow();
  }

  private static void assertRefused(Decision decision, Decision.Rule rule, String reason) {
    assertFalse(decision.allowed());
    assertEquals(Optional.of(rule), decision.rule());
    assertEquals(reason, decision.reason());
  }

  private static void assertAllowed(Decision decision) {
    assertTrue(decision.allowed(), decision.reason());
    assertEquals(Optional.empty(), decision.rule());
  }

  @Test
  void channelsAreMatchedById() {
    AccessPolicy policy = front();
    assertAllowed(policy.checkWorkspace("T1", "C0OPS", "renamed-anything"));
    assertRefused(policy.checkWorkspace("T1", "C0DEV", "ops"), Decision.Rule.CHANNEL,
        "/ecs cannot be used in this channel.");
    assertRefused(policy.checkWorkspace("T1", null, null), Decision.Rule.CHANNEL,
        "/ecs cannot be used in this channel.");
  }

  @Test
  void channelsConfiguredByNameAreMatchedByNameAsTheSampleDid() {
    AccessPolicy policy = front("SLACK_CHANNEL", "#Ops, C0DEV");
    assertAllowed(policy.checkWorkspace("T1", "C0ANY", "ops"));
    assertAllowed(policy.checkWorkspace("T1", "C0DEV", "dev"));
    assertRefused(policy.checkWorkspace("T1", "C0ANY", "ops-2"), Decision.Rule.CHANNEL,
        "/ecs cannot be used in this channel.");
  }

  @Test
  void starAllowsEveryChannel() {
    assertAllowed(front("SLACK_CHANNEL", "*").checkWorkspace("T1", "D0DM", "directmessage"));
  }

  @Test
  void workspacesAreLimitedWhenListed() {
    assertAllowed(front().checkWorkspace(null, "C0OPS", null));
    AccessPolicy policy = front("SLACK_TEAM", "T0ACME");
    assertAllowed(policy.checkWorkspace("T0ACME", "C0OPS", null));
    assertRefused(policy.checkWorkspace("T0EVIL", "C0OPS", null), Decision.Rule.WORKSPACE,
        "This workspace is not allowed to use /ecs.");
    assertRefused(policy.checkWorkspace(null, "C0OPS", null), Decision.Rule.WORKSPACE,
        "This workspace is not allowed to use /ecs.");
  }

  @ParameterizedTest(name = "ECS_CMD_CODE={0}")
  @ValueSource(strings = {"[\"start\" \"stop\"]", "['start' 'stop']", "[\"start\",\"stop\"]", "start,stop"})
  void subCommandsAreLimitedByEcsCmdCodeInEveryForm(String ecsCmdCode) {
    AccessPolicy policy = front("ECS_CMD_CODE", ecsCmdCode);
    assertAllowed(policy.check("U1", command("start i-a")));
    assertAllowed(policy.check("U1", command("stop i-a")));
    assertRefused(policy.check("U1", command("reboot i-a")), Decision.Rule.SUB_COMMAND,
        "`reboot` is not enabled for /ecs here.");
    assertRefused(policy.check("U1", command("list")), Decision.Rule.SUB_COMMAND,
        "`list` is not enabled for /ecs here.");
  }

  @Test
  void everySubCommandIsAllowedWhenEcsCmdCodeIsUnset() {
    AccessPolicy policy = front();
    for (String text : new String[] {"start i-a", "stop i-a", "reboot i-a", "status i-a", "list"}) {
      assertAllowed(policy.check("U1", command(text)));
    }
  }

  @Test
  void allowedUsersLimitOnlyChanges() {
    AccessPolicy policy = front("ALLOWED_USERS", "U0ADMIN");
    assertAllowed(policy.check("U0ADMIN", command("stop i-a")));
    assertRefused(policy.check("U0GUEST", command("stop i-a")), Decision.Rule.USER,
        "You are not allowed to stop instances.");
    assertRefused(policy.check("U0GUEST", command("start i-a --dry-run")), Decision.Rule.USER,
        "You are not allowed to start instances.");
    assertRefused(policy.check(null, command("reboot i-a")), Decision.Rule.USER,
        "You are not allowed to reboot instances.");
    assertAllowed(policy.check("U0GUEST", command("status i-a")));
    assertAllowed(policy.check("U0GUEST", command("list")));
  }

  @Test
  void instancesAreLimitedForEveryActionThatNamesThem() {
    AccessPolicy policy = front("ECS_INSTANCES", "i-web,i-db");
    assertAllowed(policy.check("U1", command("stop i-web i-db")));
    assertAllowed(policy.check("U1", command("list")));
    assertRefused(policy.check("U1", command("status i-web i-secret")), Decision.Rule.INSTANCE,
        "/ecs does not manage `i-secret`.");
    assertRefused(policy.check("U1", command("stop i-x i-web i-y i-z")), Decision.Rule.INSTANCE,
        "/ecs does not manage `i-x`, `i-y` or `i-z`.");
    assertRefused(policy.check("U1", command("stop i-1 i-2 i-3 i-4 i-5 i-6 i-7")), Decision.Rule.INSTANCE,
        "/ecs does not manage `i-1`, `i-2`, `i-3`, `i-4`, `i-5` or 2 more.");
    assertTrue(policy.allowsInstance("i-web"));
    assertFalse(policy.allowsInstance("i-other"));
    assertTrue(front().allowsInstance("i-other"));
  }

  @Test
  void rulesAreCheckedSubCommandThenUserThenInstances() {
    AccessPolicy policy = front("ECS_CMD_CODE", "status", "ALLOWED_USERS", "U0ADMIN", "ECS_INSTANCES", "i-web");
    assertEquals(Optional.of(Decision.Rule.SUB_COMMAND), policy.check("U0GUEST", command("stop i-x")).rule());
    policy = front("ALLOWED_USERS", "U0ADMIN", "ECS_INSTANCES", "i-web");
    assertEquals(Optional.of(Decision.Rule.USER), policy.check("U0GUEST", command("stop i-x")).rule());
  }

  @Test
  void reasonsNeverRevealTheConfiguration() {
    AccessPolicy policy = front("SLACK_TEAM", "T0ACME", "SLACK_CHANNEL", "C0OPS,#secret-room",
        "ALLOWED_USERS", "U0ADMIN", "ECS_INSTANCES", "i-web");
    String[] reasons = {
        policy.checkWorkspace("T0EVIL", "C0X", "x").reason(),
        policy.checkWorkspace("T0ACME", "C0X", "x").reason(),
        policy.check("U0GUEST", command("stop i-web")).reason(),
        policy.check("U0ADMIN", command("stop i-other")).reason(),
    };
    for (String reason : reasons) {
      for (String configured : new String[] {"T0ACME", "C0OPS", "secret-room", "U0ADMIN", "i-web"}) {
        assertFalse(reason.contains(configured), reason);
      }
    }
  }

  @Test
  void executionRechecksUsersInstancesAndTheirNumber() {
    Map<String, String> env = new HashMap<>();
    env.put("ECS_REGION", "cn-hangzhou");
    env.put("ALLOWED_USERS", "U0ADMIN");
    env.put("ECS_INSTANCES", "i-a,i-b,i-c");
    env.put("ECS_MAX_INSTANCES", "2");
    AccessPolicy policy = AccessPolicy.from(ExecutionSettings.from(env));
    assertAllowed(policy.check("U0ADMIN", command("stop i-a i-b")));
    assertEquals(Optional.of(Decision.Rule.USER), policy.check("U0GUEST", command("stop i-a")).rule());
    assertRefused(policy.check("U0ADMIN", command("stop i-a i-b i-c")), Decision.Rule.INSTANCE,
        "Too many instances: 3 given, at most 2 per command.");
    assertEquals(Optional.of(Decision.Rule.INSTANCE), policy.check("U0ADMIN", command("status i-z")).rule());
    assertAllowed(policy.check("U0GUEST", EcsCommand.of(EcsAction.LIST, List.of(), null, false, false)));
    assertThrows(IllegalStateException.class, () -> policy.checkWorkspace("T1", "C1", "ops"));
  }
}
