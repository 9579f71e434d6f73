package chatops.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of text the grammar refuses, with the exact sentence the user reads (the reply then
 * shows the usage). Quoted words are escaped for Slack and cut short.
 */
class EcsGrammarRefusesTest {
  private final EcsGrammar grammar = new EcsGrammar(3);

  static Stream<Arguments> refusals() {
    return Stream.of(
        arguments("", "No sub-command given."),
        arguments(" \t\n ", "No sub-command given."),
        arguments(null, "No sub-command given."),
        arguments("launch i-abc", "Unknown sub-command `launch`."),
        arguments("--dry-run start i-abc", "Start with a sub-command; options such as `--dry-run` go after it."),
        arguments("<!channel>", "Unknown sub-command `&lt;!channel&gt;`."),
        arguments("start <!channel>", "`&lt;!channel&gt;` is neither an instance ID (like `i-bp1abc2def`)"
            + " nor a region (like `cn-hangzhou`)."),
        arguments("start i-abc;rm -rf /", "`i-abc;rm` is not a valid instance ID: it should be `i-` followed by"
            + " lowercase letters and digits."),
        arguments("start I-ABC", "`I-ABC` is not a valid instance ID: it should be `i-` followed by"
            + " lowercase letters and digits."),
        arguments("start i-", "`i-` is not a valid instance ID: it should be `i-` followed by"
            + " lowercase letters and digits."),
        arguments("start i-" + "a".repeat(65), "`i-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…` is not a valid instance ID: it should"
            + " be `i-` followed by lowercase letters and digits."),
        arguments("start i-a i-b i-c i-d", "Too many instances: 4 given, at most 3 per command."),
        arguments("start", "`start` needs at least one instance ID, like `/ecs start i-bp1abc2def`."),
        arguments("status cn-hangzhou", "`status` needs at least one instance ID, like `/ecs status i-bp1abc2def`."),
        arguments("start i-abc CN-HANGZHOU", "`CN-HANGZHOU` is not a valid region: regions look like `cn-hangzhou`"
            + " (lowercase letters, digits and hyphens)."),
        arguments("start i-abc cn_hangzhou", "`cn_hangzhou` is not a valid region: regions look like `cn-hangzhou`"
            + " (lowercase letters, digits and hyphens)."),
        arguments("start i-abc --region hangzhou", "`hangzhou` is not a valid region: regions look like"
            + " `cn-hangzhou` (lowercase letters, digits and hyphens)."),
        arguments("start i-abc hangzhou", "`hangzhou` is neither an instance ID (like `i-bp1abc2def`)"
            + " nor a region (like `cn-hangzhou`)."),
        arguments("start i-abc cn-hangzhou cn-beijing", "Two regions given (`cn-hangzhou` and `cn-beijing`);"
            + " name at most one."),
        arguments("start i-abc --region=cn-beijing cn-hangzhou", "Two regions given (`cn-beijing` and"
            + " `cn-hangzhou`); name at most one."),
        arguments("start i-abc --region", "`--region` needs a region, like `--region cn-hangzhou`."),
        arguments("start i-abc --region=", "`--region` needs a region, like `--region cn-hangzhou`."),
        arguments("start i-abc --region --dry-run", "`--region` needs a region, like `--region cn-hangzhou`."),
        arguments("start i-abc --now", "Unknown option `--now`. Options are `--region`, `--force` and `--dry-run`."),
        arguments("stop i-abc -f", "Unknown option `-f`. Options are `--region`, `--force` and `--dry-run`."),
        arguments("stop i-abc --force=yes", "`--force` takes no value."),
        arguments("start i-abc --force", "`--force` does not apply to `start`; it works with `stop` and `reboot`."),
        arguments("status i-abc --force", "`--force` does not apply to `status`; it works with `stop` and `reboot`."),
        arguments("status i-abc --dry-run", "`--dry-run` does not apply to `status`; it works with `start`, `stop`"
            + " and `reboot`."),
        arguments("list --dry-run", "`--dry-run` does not apply to `list`; it works with `start`, `stop` and `reboot`."),
        arguments("list i-abc", "`list` takes no instance IDs; use `/ecs status INSTANCE-ID...` for particular ones."),
        arguments("list everything", "`everything` is not a region (like `cn-hangzhou`), the only thing `list` takes."),
        arguments("stop i-abc \u2014force", "`\u2014force` contains a character that is not plain ASCII (U+2014)."
            + " Options start with two plain hyphens, like `--force`."),
        arguments("start i-ab\u00e7", "`i-ab\u00e7` contains a character that is not plain ASCII (U+00E7)."),
        arguments("start i-abc\u200b", "`i-abc?` contains a character that is not plain ASCII (U+200B)."),
        arguments("st\u202eart i-abc", "`st?art` contains a character that is not plain ASCII (U+202E)."),
        arguments("start \ud83d\ude80", "`\ud83d\ude80` contains a character that is not plain ASCII (U+1F680)."),
        arguments("start i-abc\u0000", "`i-abc?` contains a control character."),
        arguments("start `i-abc`", "`'i-abc'` is neither an instance ID"
            + " (like `i-bp1abc2def`) nor a region (like `cn-hangzhou`)."),
        arguments("start a&b", "`a&amp;b` is neither an instance ID (like `i-bp1abc2def`) nor a region (like"
            + " `cn-hangzhou`)."));
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("refusals")
  void refusesWithAMessageSayingWhatWasWrong(String text, String message) {
    Parse parse = grammar.parse(text);
    assertEquals(message, parse.error().orElseThrow(() -> new AssertionError("accepted: " + parse)));
    assertFalse(parse.isHelp());
    assertTrue(parse.command().isEmpty());
  }

  @Test
  void refusesTenKilobytesUpFront() {
    String text = "start " + "i-abc ".repeat(10 * 1024 / 6);
    assertEquals("The command is too long (10242 characters; at most 2000).", grammar.parse(text).error().orElseThrow());
  }

  @Test
  void countsTooManyAfterRepeatsCollapse() {
    String ids = IntStream.range(0, 30).mapToObj(i -> "i-" + (i % 5)).collect(Collectors.joining(" "));
    assertEquals("Too many instances: 5 given, at most 3 per command.", grammar.parse("stop " + ids).error().orElseThrow());
  }

  @Test
  void firstProblemIsTheOneReported() {
    assertEquals("Unknown option `--now`. Options are `--region`, `--force` and `--dry-run`.",
        grammar.parse("start --now I-ABC").error().orElseThrow());
  }

  @Test
  void quotedWordsCanNeverMentionOrLink() {
    String[] hostile = {"<!here>", "<@U123>", "<https://evil.example|click>", "&lt;!channel&gt;", "a>b<c"};
    for (String word : hostile) {
      String error = grammar.parse("start " + word).error().orElseThrow();
      assertFalse(error.contains("<"), error);
      assertFalse(error.contains(">"), error);
    }
  }
}
