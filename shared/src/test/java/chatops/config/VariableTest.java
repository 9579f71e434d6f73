package chatops.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link Variable} is the truth about the environment: the settings read exactly what it lists. */
class VariableTest {

  /** A map that remembers which names were asked for. */
  private static final class RecordingMap extends HashMap<String, String> {
    final Set<String> asked = new TreeSet<>();

    RecordingMap(Map<String, String> values) {
      super(values);
    }

    @Override
    public String get(Object key) {
      asked.add((String) key);
      return super.get(key);
    }
  }

  private static Set<String> names(Variable.Function function) {
    return Variable.allReadBy(function).stream().map(Variable::envName).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void frontReadsExactlyTheVariablesDeclaredForIt() {
    Map<String, String> env = FrontSettingsTest.minimal();
    env.put("SLACK_ACCESS_KEY_ID_UNRELATED", "x");
    RecordingMap recording = new RecordingMap(env);
    FrontSettings.from(recording);
    assertEquals(names(Variable.Function.FRONT), recording.asked);
  }

  @Test
  void executionReadsExactlyTheVariablesDeclaredForIt() {
    RecordingMap recording = new RecordingMap(Map.of("ECS_REGION", "cn-hangzhou"));
    ExecutionSettings.from(recording);
    assertEquals(names(Variable.Function.EXECUTION), recording.asked);
  }

  @Test
  void readingAVariableNotDeclaredForTheFunctionIsABug() {
    Env env = new Env(Map.of(), Variable.Function.EXECUTION);
    assertThrows(IllegalStateException.class, () -> env.optional(Variable.SLACK_SIGNING_SECRET));
  }

  @Test
  void secretsArePreciselyTheKeysTokensAndSecrets() {
    Set<Variable> secret = EnumSet.noneOf(Variable.class);
    for (Variable variable : Variable.values()) if (variable.isSecret()) secret.add(variable);
    assertEquals(EnumSet.of(Variable.SLACK_SIGNING_SECRET, Variable.SLACK_TOKEN, Variable.ACCESS_KEY_ID,
        Variable.ACCESS_KEY_SECRET), secret);
  }

  @Test
  void onlyTheAccountAndRegionAreProvidedByThePlatform() {
    for (Variable variable : Variable.values()) {
      boolean platform = variable == Variable.FC_ACCOUNT_ID || variable == Variable.FC_REGION;
      assertEquals(platform, variable.isPlatformProvided(), variable.envName());
      assertFalse(variable.isPlatformProvided() && variable.isSecret());
    }
  }

  @Test
  void sharedLimitsAreReadByBothFunctions() {
    Set<Variable.Function> both = EnumSet.allOf(Variable.Function.class);
    for (Variable variable : EnumSet.of(Variable.ALLOWED_USERS, Variable.ECS_INSTANCES, Variable.ECS_MAX_INSTANCES,
        Variable.SLACK_RESPONSE_HOSTS)) {
      assertEquals(both, variable.readBy(), variable.envName());
    }
    assertEquals(Set.of(Variable.Function.EXECUTION), Variable.ECS_REGION.readBy());
    assertTrue(Variable.allReadBy(Variable.Function.FRONT).contains(Variable.INVOKE_FC));
  }

  @Test
  void exceptionNamesTheVariable() {
    SettingsException e = new SettingsException(Variable.ECS_REGION, "is required");
    assertEquals("ECS_REGION is required", e.getMessage());
    assertEquals(Variable.ECS_REGION, e.variable());
    assertEquals(null, e.getCause());
  }
}
