package chatops.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The words of the ECS domain: actions, states, instance IDs and regions. */
class EcsVocabularyTest {

  @Test
  void actionsAreTheirLowercaseWords() {
    for (EcsAction action : EcsAction.values()) {
      assertEquals(action.name().toLowerCase(), action.word());
      assertEquals(Optional.of(action), EcsAction.fromWord(action.word()));
      assertEquals(Optional.of(action), EcsAction.fromWord(action.word().toUpperCase()));
    }
    assertEquals(Optional.empty(), EcsAction.fromWord("help"));
    assertEquals(Optional.empty(), EcsAction.fromWord(null));
    assertEquals(Optional.empty(), EcsAction.fromWord("starts"));
  }

  @Test
  void onlyStartStopAndRebootChangeStateAndTheyWaitForATarget() {
    assertEquals(EnumSet.of(EcsAction.START, EcsAction.STOP, EcsAction.REBOOT),
        EnumSet.copyOf(Arrays.stream(EcsAction.values()).filter(EcsAction::changesState)
            .collect(Collectors.toSet())));
    assertEquals(InstanceState.RUNNING, EcsAction.START.targetState());
    assertEquals(InstanceState.STOPPED, EcsAction.STOP.targetState());
    assertEquals(InstanceState.RUNNING, EcsAction.REBOOT.targetState());
    assertNull(EcsAction.STATUS.targetState());
    assertNull(EcsAction.LIST.targetState());
  }

  @Test
  void statesReadTheApiSpelling() {
    assertEquals(InstanceState.RUNNING, InstanceState.fromApi("Running"));
    assertEquals(InstanceState.STOPPED, InstanceState.fromApi("Stopped"));
    assertEquals(InstanceState.PENDING, InstanceState.fromApi("Pending"));
    assertEquals("Stopping", InstanceState.STOPPING.apiName());
    assertEquals(InstanceState.UNKNOWN, InstanceState.fromApi("running"));
    assertEquals(InstanceState.UNKNOWN, InstanceState.fromApi("Unknown"));
    assertEquals(InstanceState.UNKNOWN, InstanceState.fromApi("Deleted"));
    assertEquals(InstanceState.UNKNOWN, InstanceState.fromApi(null));
  }

  @Test
  void onlyPendingStartingAndStoppingAreTransitional() {
    for (InstanceState state : InstanceState.values()) {
      boolean moving = state == InstanceState.PENDING || state == InstanceState.STARTING
          || state == InstanceState.STOPPING;
      assertEquals(moving, state.isTransitional(), state.name());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"i-a", "i-bp1g6zv0ce8oghu7k", "i-0123456789"})
  void validInstanceIds(String id) {
    assertTrue(InstanceIds.isValid(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "i-", "I-ABC", "i-ABC", "i_abc", "x-abc", "i-abc;rm", "i-abc ", " i-abc", "i-ab-c",
      "i-abc\n", "i-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
  void invalidInstanceIds(String id) {
    assertFalse(InstanceIds.isValid(id));
    assertFalse(InstanceIds.isValid(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cn-hangzhou", "ap-northeast-1", "us-west-1", "cn-hangzhou-finance", "eu-central-1"})
  void validRegions(String region) {
    assertTrue(Regions.isValid(region));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "hangzhou", "CN-HANGZHOU", "cn_hangzhou", "c-hangzhou", "cn-", "-cn-hangzhou",
      "cn-hangzhou.evil.com", "cn--hangzhou", "cn-hangzhou/x"})
  void invalidRegions(String region) {
    assertFalse(Regions.isValid(region));
    assertFalse(Regions.isValid(null));
    assertFalse(Regions.isValid("cn-" + "a".repeat(62)));
  }
}
