package chatops.local.hostile;

import static chatops.local.hostile.FrontCase.told;

import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * Every way the {@code /ecs} grammar refuses a command, sent genuinely signed from an allowed
 * user in an allowed channel: the user reads what was wrong, quoted so it cannot ping anyone or
 * break the message, then the usage. The stack allows at most 5 instances per command.
 */
final class GrammarCases {
  private GrammarCases() {}

  static Stream<FrontCase> all() {
    return Stream.of(
        says("", "No sub-command given."),
        says(" \t\u00a0 ", "No sub-command given."),
        says("destroy i-a1", "Unknown sub-command `destroy`."),
        says("--force stop i-a1", "Start with a sub-command; options such as `--force` go after it."),
        says("start i-A1", "`i-A1` is not a valid instance ID: it should be `i-` followed by lowercase letters and digits."),
        says("start i-", "`i-` is not a valid instance ID: it should be `i-` followed by lowercase letters and digits."),
        says("start i-a1;reboot", "`i-a1;reboot` is not a valid instance ID: it should be `i-` followed by lowercase letters and digits."),
        says("start", "`start` needs at least one instance ID, like `/ecs start i-bp1abc2def`."),
        says("list i-a1", "`list` takes no instance IDs; use `/ecs status INSTANCE-ID...` for particular ones."),
        says("stop i-a1 --yes", "Unknown option `--yes`. Options are `--region`, `--force` and `--dry-run`."),
        says("status i-a1 --region", "`--region` needs a region, like `--region cn-hangzhou`."),
        says("status i-a1 --region=", "`--region` needs a region, like `--region cn-hangzhou`."),
        says("status i-a1 --region CN", "`CN` is not a valid region: regions look like `cn-hangzhou` (lowercase letters, digits and hyphens)."),
        says("status i-a1 cn_hangzhou", "`cn_hangzhou` is not a valid region: regions look like `cn-hangzhou` (lowercase letters, digits and hyphens)."),
        says("status i-a1 cn-hangzhou --region cn-beijing", "Two regions given (`cn-hangzhou` and `cn-beijing`); name at most one."),
        says("start i-a1 --force", "`--force` does not apply to `start`; it works with `stop` and `reboot`."),
        says("status i-a1 --dry-run", "`--dry-run` does not apply to `status`; it works with `start`, `stop` and `reboot`."),
        says("stop i-a1 --force=yes", "`--force` takes no value."),
        says("start i-a1 tomorrow", "`tomorrow` is neither an instance ID (like `i-bp1abc2def`) nor a region (like `cn-hangzhou`)."),
        says("list everything", "`everything` is not a region (like `cn-hangzhou`), the only thing `list` takes."),
        says("stop i-a1 \u2014force", "`\u2014force` contains a character that is not plain ASCII (U+2014)."
            + " Options start with two plain hyphens, like `--force`."),
        says("start i-a1\u0007", "`i-a1?` contains a control character."),
        says("start i-a1 \u202egnirts", "`?gnirts` contains a character that is not plain ASCII (U+202E)."),
        says("<!channel> start i-a1", "Unknown sub-command `&lt;!channel&gt;`."),
        says("start `i-a1`", "`'i-a1'` is neither an instance ID (like `i-bp1abc2def`) nor a region (like `cn-hangzhou`)."),
        says("destroy-" + "x".repeat(200), "Unknown sub-command `destroy-xxxxxxxxxxxxxxxxxxxxxxxx\u2026`."),
        says("start " + "x".repeat(2001), "The command is too long (2007 characters; at most 2000)."),
        says("start i-a1 i-a2 i-a3 i-a4 i-a5 i-a6", "Too many instances: 6 given, at most 5 per command."),
        says("stop " + ids(101), "Too many instances: 101 given, at most 5 per command."),
        says("status " + ids(250), "Too many instances: 250 given, at most 5 per command."));
  }

  private static FrontCase says(String text, String error) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return told("grammar: '" + shown + "'", Said.badCommand(error), c -> c.send(c.ecs(text)));
  }

  private static String ids(int count) {
    StringJoiner ids = new StringJoiner(" ");
    for (int i = 1; i <= count; i++) ids.add("i-x" + i);
    return ids.toString();
  }
}
