package chatops.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form of {@code /ecs} text the grammar accepts, each shown with the command it means. */
class EcsGrammarAcceptsTest {
  private final EcsGrammar grammar = new EcsGrammar(EcsGrammar.DEFAULT_MAX_INSTANCES);

  @ParameterizedTest(name = "[{0}] means [{1}]")
  @CsvSource(delimiter = '|', value = {
      "start i-abc                              | start i-abc",
      "stop i-abc                               | stop i-abc",
      "reboot i-abc                             | reboot i-abc",
      "status i-abc                             | status i-abc",
      "list                                     | list",
      // the original sample's third word
      "start i-abc cn-hangzhou                  | start i-abc cn-hangzhou",
      "list ap-northeast-1                      | list ap-northeast-1",
      "status i-abc --region cn-shanghai        | status i-abc cn-shanghai",
      "status i-abc --region=cn-shanghai        | status i-abc cn-shanghai",
      "list --region us-west-1                  | list us-west-1",
      // several instances, repeats collapse keeping order
      "start i-b i-a i-c                        | start i-b i-a i-c",
      "stop i-b i-a i-b i-c i-a                 | stop i-b i-a i-c",
      // options for changes
      "start i-abc --dry-run                    | start i-abc --dry-run",
      "stop i-abc --force                       | stop i-abc --force",
      "reboot i-abc --force --dry-run           | reboot i-abc --force --dry-run",
      "stop i-abc --force --force               | stop i-abc --force",
      // options anywhere after the verb
      "stop --force i-abc                       | stop i-abc --force",
      "stop --dry-run cn-beijing i-a --force i-b | stop i-a i-b cn-beijing --force --dry-run",
      "start --region cn-hangzhou i-abc         | start i-abc cn-hangzhou",
      // the same region twice is not a contradiction
      "start i-abc cn-hangzhou --region cn-hangzhou | start i-abc cn-hangzhou",
      // sub-commands and options ignore case
      "Start i-abc                              | start i-abc",
      "STOP i-abc --FORCE --Dry-Run             | stop i-abc --force --dry-run",
      "status i-abc --REGION=cn-hangzhou        | status i-abc cn-hangzhou",
  })
  void acceptsCommand(String text, String meaning) {
    Parse parse = grammar.parse(text);
    assertEquals(Optional.empty(), parse.error());
    assertFalse(parse.isHelp());
    assertEquals(meaning, parse.command().orElseThrow().toString());
  }

  @Test
  void anyWhitespaceSeparatesWords() {
    String text = " \tstop\ni-a\r\n i-b\u00a0cn-hangzhou\u3000--force\u2003 ";
    assertEquals("stop i-a i-b cn-hangzhou --force", grammar.parse(text).command().orElseThrow().toString());
  }

  @Test
  void commandExposesItsParts() {
    EcsCommand command = grammar.parse("reboot i-a i-b cn-hangzhou --force --dry-run").command().orElseThrow();
    assertEquals(EcsAction.REBOOT, command.action());
    assertEquals(List.of("i-a", "i-b"), command.instanceIds());
    assertEquals(Optional.of("cn-hangzhou"), command.region());
    assertTrue(command.force());
    assertTrue(command.dryRun());
  }

  @Test
  void withoutRegionTheDefaultApplies() {
    assertEquals(Optional.empty(), grammar.parse("start i-abc").command().orElseThrow().region());
  }

  @ParameterizedTest
  @ValueSource(strings = {"help", "HELP", "  help  ", "Help start", "help me please"})
  void helpIsHelpWhateverFollows(String text) {
    Parse parse = grammar.parse(text);
    assertTrue(parse.isHelp());
    assertEquals(Optional.empty(), parse.command());
    assertEquals(Optional.empty(), parse.error());
  }

  @Test
  void acceptsExactlyTheConfiguredNumberOfInstances() {
    EcsGrammar three = new EcsGrammar(3);
    assertEquals(3, three.parse("start i-a i-b i-c").command().orElseThrow().instanceIds().size());
    assertEquals(3, three.parse("start i-a i-b i-c i-a i-b").command().orElseThrow().instanceIds().size());
  }

  @Test
  void acceptsOneHundredInstancesWhenConfiguredSo() {
    String ids = IntStream.range(0, 100).mapToObj(i -> "i-" + i).collect(Collectors.joining(" "));
    assertEquals(100, new EcsGrammar(100).parse("status " + ids).command().orElseThrow().instanceIds().size());
  }

  @Test
  void acceptsTextOfExactlyTheMaximumLength() {
    String text = "status i-abc" + " ".repeat(EcsGrammar.MAX_TEXT_LENGTH - "status i-abc".length());
    assertTrue(grammar.parse(text).command().isPresent());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 101})
  void capMustBeOneToOneHundred(int cap) {
    assertThrows(IllegalArgumentException.class, () -> new EcsGrammar(cap));
  }

  @Test
  void usageNamesEverySubCommandAndOption() {
    String usage = EcsGrammar.usage();
    for (EcsAction action : EcsAction.values()) assertTrue(usage.contains("/ecs " + action.word()), action.word());
    for (String option : List.of("--region", "--force", "--dry-run", "/ecs help")) assertTrue(usage.contains(option));
    assertFalse(usage.contains("<"), "usage must not hold Slack control sequences");
  }
}
