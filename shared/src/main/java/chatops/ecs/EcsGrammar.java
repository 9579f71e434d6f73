package chatops.ecs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code /ecs} command language:
 *
 * <pre>
 * help
 * start  INSTANCE-ID... [REGION] [--dry-run]
 * stop   INSTANCE-ID... [REGION] [--force] [--dry-run]
 * reboot INSTANCE-ID... [REGION] [--force] [--dry-run]
 * status INSTANCE-ID... [REGION]
 * list   [REGION]
 * </pre>
 *
 * <p>Words are separated by any whitespace, including the no-break spaces some clients insert. The
 * sub-command comes first; instance IDs, the region and options follow in any order, so the
 * original sample's {@code start i-abc cn-hangzhou} still works. The region may also be given as
 * {@code --region R} or {@code --region=R}. Sub-commands and options ignore case (phones capitalise
 * the first word); instance IDs and regions are cloud identifiers and must be lowercase, as ECS
 * issues them. Repeated instance IDs collapse, keeping the order first given. {@code help} ignores
 * anything after it: the user asked for help and gets it.
 *
 * <p>Everything else is refused with one message saying what was wrong, quoting the offending word
 * safely. The text is refused before it is split when longer than {@value #MAX_TEXT_LENGTH}
 * characters, and any word holding a character outside printable ASCII is refused: no valid
 * command needs one, and it is usually a keyboard's "smart" dash in place of {@code --}.
 */
public final class EcsGrammar {
  /** {@code ECS_MAX_INSTANCES} when unset. */
  public static final int DEFAULT_MAX_INSTANCES = 20;
  /** Longer text is refused unread; the longest valid command is well under it. */
  public static final int MAX_TEXT_LENGTH = 2000;

  private static final String USAGE = String.join("\n",
      "*Usage*",
      "`/ecs start INSTANCE-ID... [REGION] [--dry-run]`",
      "`/ecs stop INSTANCE-ID... [REGION] [--force] [--dry-run]`",
      "`/ecs reboot INSTANCE-ID... [REGION] [--force] [--dry-run]`",
      "`/ecs status INSTANCE-ID... [REGION]`",
      "`/ecs list [REGION]`",
      "`/ecs help`",
      "An INSTANCE-ID looks like `i-bp1abc2def`, a REGION like `cn-hangzhou` (or `--region cn-hangzhou`);"
          + " without a region the default region is used.",
      "Example: `/ecs stop i-bp1abc2def i-bp3ghi4jkl --force`");

  private final int maxInstances;

  /**
   * @param maxInstances most distinct instances one command may name, 1 to
   *     {@link InstanceIds#MAX_PER_COMMAND}
   */
  public EcsGrammar(int maxInstances) {
    if (maxInstances < 1 || maxInstances > InstanceIds.MAX_PER_COMMAND) {
      throw new IllegalArgumentException(
          "maxInstances must be 1.." + InstanceIds.MAX_PER_COMMAND + ", was " + maxInstances);
    }
    this.maxInstances = maxInstances;
  }

  /** The usage shown for {@code help} and after every error; Slack mrkdwn. */
  public static String usage() {
    return USAGE;
  }

  /** @param text the slash command's {@code text} field, already form-decoded; null reads as empty */
  public Parse parse(String text) {
    if (text == null) text = "";
    if (text.length() > MAX_TEXT_LENGTH) {
      return Parse.error("The command is too long (" + text.length() + " characters; at most "
          + MAX_TEXT_LENGTH + ").");
    }
    List<String> words = words(text);
    if (words.isEmpty()) return Parse.error("No sub-command given.");
    for (String word : words) {
      Optional<String> problem = characterProblem(word);
      if (problem.isPresent()) return Parse.error(problem.get());
    }
    String verb = words.get(0);
    if (verb.equalsIgnoreCase("help")) return Parse.help();
    Optional<EcsAction> action = EcsAction.fromWord(verb);
    if (action.isEmpty()) {
      return Parse.error(verb.startsWith("-")
          ? "Start with a sub-command; options such as " + Quoted.word(verb) + " go after it."
          : "Unknown sub-command " + Quoted.word(verb) + ".");
    }
    return arguments(action.get(), words.subList(1, words.size()));
  }

  private Parse arguments(EcsAction action, List<String> words) {
    Set<String> ids = new LinkedHashSet<>();
    String region = null;
    boolean force = false;
    boolean dryRun = false;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String lower = word.toLowerCase(Locale.ROOT);
      if (word.startsWith("-")) {
        int equals = word.indexOf('=');
        String option = equals < 0 ? lower : lower.substring(0, equals);
        if (option.equals("--region")) {
          String value;
          if (equals >= 0) {
            value = word.substring(equals + 1);
          } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("-")) {
            value = words.get(++i);
          } else {
            value = "";
          }
          if (value.isEmpty()) return Parse.error("`--region` needs a region, like `--region cn-hangzhou`.");
          if (!Regions.isValid(value)) return Parse.error(badRegion(value));
          if (region != null && !region.equals(value)) return Parse.error(twoRegions(region, value));
          region = value;
        } else if (option.equals("--force") || option.equals("--dry-run")) {
          if (equals >= 0) return Parse.error("`" + option + "` takes no value.");
          boolean isForce = option.equals("--force");
          if (isForce ? !action.allowsForce() : !action.allowsDryRun()) {
            return Parse.error("`" + option + "` does not apply to `" + action.word() + "`; it works with "
                + (isForce ? "`stop` and `reboot`." : "`start`, `stop` and `reboot`."));
          }
          force |= isForce;
          dryRun |= !isForce;
        } else {
          return Parse.error("Unknown option " + Quoted.word(word)
              + ". Options are `--region`, `--force` and `--dry-run`.");
        }
      } else if (lower.startsWith("i-")) {
        if (!action.takesInstances()) {
          return Parse.error("`list` takes no instance IDs; use `/ecs status INSTANCE-ID...` for particular ones.");
        }
        if (!InstanceIds.isValid(word)) {
          return Parse.error(Quoted.word(word) + " is not a valid instance ID: it should be `i-` followed by"
              + " lowercase letters and digits.");
        }
        ids.add(word);
      } else if (Regions.isValid(word)) {
        if (region != null && !region.equals(word)) return Parse.error(twoRegions(region, word));
        region = word;
      } else if (looksLikeRegion(word)) {
        return Parse.error(badRegion(word));
      } else {
        return Parse.error(action.takesInstances()
            ? Quoted.word(word) + " is neither an instance ID (like `i-bp1abc2def`) nor a region (like `cn-hangzhou`)."
            : Quoted.word(word) + " is not a region (like `cn-hangzhou`), the only thing `list` takes.");
      }
    }
    if (action.takesInstances() && ids.isEmpty()) {
      return Parse.error("`" + action.word() + "` needs at least one instance ID, like `/ecs "
          + action.word() + " i-bp1abc2def`.");
    }
    if (ids.size() > maxInstances) {
      return Parse.error("Too many instances: " + ids.size() + " given, at most " + maxInstances
          + " per command.");
    }
    return Parse.of(EcsCommand.of(action, new ArrayList<>(ids), region, force, dryRun));
  }

  private static String badRegion(String word) {
    return Quoted.word(word) + " is not a valid region: regions look like `cn-hangzhou`"
        + " (lowercase letters, digits and hyphens).";
  }

  private static String twoRegions(String first, String second) {
    return "Two regions given (" + Quoted.word(first) + " and " + Quoted.word(second) + "); name at most one.";
  }

  /** A letter, then a hyphen or underscore later on: meant as a region, so say what a region is. */
  private static boolean looksLikeRegion(String word) {
    return Character.isLetter(word.charAt(0)) && (word.indexOf('-') > 0 || word.indexOf('_') > 0);
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean separator = i == text.length() || isSeparator(text.charAt(i));
      if (separator && start >= 0) {
        words.add(text.substring(start, i));
        start = -1;
      } else if (!separator && start < 0) {
        start = i;
      }
    }
    return words;
  }

  private static boolean isSeparator(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static Optional<String> characterProblem(String word) {
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x20 || cp == 0x7f) {
        return Optional.of(Quoted.word(word) + " contains a control character.");
      }
      if (cp > 0x7e) {
        String problem = Quoted.word(word) + " contains a character that is not plain ASCII ("
            + String.format(Locale.ROOT, "U+%04X", cp) + ").";
        return Optional.of(isDash(cp) ? problem + " Options start with two plain hyphens, like `--force`." : problem);
      }
    }
    return Optional.empty();
  }

  /** Dashes that keyboards substitute for a typed {@code --} or {@code -}. */
  private static boolean isDash(int cp) {
    return Character.getType(cp) == Character.DASH_PUNCTUATION || cp == 0x2212;
  }
}
