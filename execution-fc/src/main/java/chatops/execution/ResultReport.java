package chatops.execution;

import chatops.ecs.EcsAction;
import chatops.job.Job;
import chatops.slack.Block;
import chatops.slack.Mrkdwn;
import chatops.slack.SlackMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The channel's answer to a job: who asked for what, where, and one line per instance. Every
 * word that came from ECS or the job (instance names, ECS messages) is escaped, since an instance
 * name like {@code <!channel>} would otherwise ping everyone.
 *
 * <p>Slack caps a section's text at 3000 characters and a message at 50 blocks, and rejects the
 * whole message when either is broken, so lines are packed into sections under both limits and
 * the plain {@code text} carries them all for clients that show no blocks.
 */
public final class ResultReport {
  /** Slack cuts {@code text} at 40,000 characters; we cut first and say so. */
  static final int MAX_TEXT = 39_000;
  private static final int MAX_LINE = Block.MAX_TEXT - 100;

  private final String summary;
  private final List<String> lines;
  private final String footer;

  private ResultReport(String summary, List<String> lines, String footer) {
    this.summary = summary;
    this.lines = List.copyOf(lines);
    this.footer = footer;
  }

  /** @param redelivered true when the platform ran this job again; said in the footer */
  public static ResultReport of(Job job, JobResult result, boolean redelivered) {
    Objects.requireNonNull(job, "job");
    List<String> lines = new ArrayList<>();
    for (InstanceOutcome outcome : result.outcomes()) lines.add(cap(line(job.action(), result.region(), outcome)));
    if (result.notShown() > 0) {
      lines.add("… and " + (result.notShownIsAtLeast() ? "at least " : "") + result.notShown()
          + " more not shown");
    }
    String footer = "Job `" + job.jobId() + "`"
        + (redelivered ? " · delivered again by Function Compute; nothing already done was repeated" : "");
    return new ResultReport(summary(job, result), lines, footer);
  }

  /** Block Kit with the plain text as fallback: what is posted first. */
  public SlackMessage message() {
    List<Block> blocks = new ArrayList<>();
    blocks.add(Block.section(summary));
    int room = SlackMessage.MAX_BLOCKS - 2;
    StringBuilder section = new StringBuilder();
    int packed = 0;
    for (String line : lines) {
      if (section.length() > 0 && section.length() + 1 + line.length() > Block.MAX_TEXT) {
        if (blocks.size() - 1 == room - 1) break;
        blocks.add(Block.section(section.toString()));
        section.setLength(0);
      }
      if (section.length() > 0) section.append('\n');
      section.append(line);
      packed++;
    }
    if (packed < lines.size()) {
      String more = "\n… " + (lines.size() - packed) + " more lines in the message text";
      if (section.length() + more.length() > Block.MAX_TEXT) section.setLength(Block.MAX_TEXT - more.length());
      section.append(more);
    }
    if (section.length() > 0) blocks.add(Block.section(section.toString()));
    blocks.add(Block.context(footer));
    return SlackMessage.inChannel(text()).withBlocks(blocks);
  }

  /** The same words without blocks: posted only when Slack refuses the blocks. */
  public SlackMessage plainMessage() {
    return SlackMessage.inChannel(text());
  }

  /** The plain mrkdwn text: summary, lines, footer. */
  public String text() {
    StringBuilder text = new StringBuilder(summary);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (text.length() + line.length() + footer.length() + 64 > MAX_TEXT) {
        text.append("\n… ").append(lines.size() - i).append(" more lines not shown");
        break;
      }
      text.append('\n').append(line);
    }
    return text.append('\n').append(footer).toString();
  }

  private static String summary(Job job, JobResult result) {
    String what = "*" + job.action().word() + (job.force() ? " --force" : "") + (result.dryRun() ? " --dry-run" : "")
        + "* in `" + result.region() + "` for " + Mrkdwn.user(job.userId()) + ": ";
    if (result.problem().isPresent()) return what + Mrkdwn.escape(result.problem().get());
    List<InstanceOutcome> outcomes = result.outcomes();
    switch (job.action()) {
      case STATUS:
        return what + count(outcomes.size(), "instance");
      case LIST:
        return what + (outcomes.isEmpty() && result.notShown() == 0 ? "no instances"
            : count(outcomes.size(), "instance") + " shown");
      default:
        if (result.dryRun()) {
          return what + count(outcomes, InstanceOutcome.Kind.WOULD_SUCCEED) + " of " + outcomes.size()
              + " would succeed; nothing was changed";
        }
        long there = outcomes.stream().filter(o -> o.kind() == InstanceOutcome.Kind.CHANGED
            || o.kind() == InstanceOutcome.Kind.REACHED || o.kind() == InstanceOutcome.Kind.ALREADY
            || o.kind() == InstanceOutcome.Kind.NOT_REPEATED).count();
        return what + there + " of " + outcomes.size() + " " + job.action().targetState().apiName();
    }
  }

  /** One instance: {@code • *name* `i-…`: what happened}. */
  static String line(EcsAction action, String region, InstanceOutcome o) {
    String label = o.name().isEmpty() ? "`" + o.instanceId() + "`"
        : "*" + Mrkdwn.escape(o.name()) + "* `" + o.instanceId() + "`";
    return "• " + label + ": " + what(action, region, o);
  }

  private static String what(EcsAction action, String region, InstanceOutcome o) {
    String before = o.before().map(Mrkdwn::escape).orElse("");
    String after = o.after().map(Mrkdwn::escape).orElse("");
    String detail = o.detail().map(Mrkdwn::escape).orElse("");
    String verb = action.changesState() ? ChangePlan.pastTense(action) : "changed";
    String status = "try `/ecs status " + o.instanceId() + "`";
    switch (o.kind()) {
      case CHANGED:
        return before + " → " + after + " in " + o.seconds() + " s";
      case REACHED:
        return before + " → " + after + " in " + o.seconds() + " s (it was on its way; not " + verb + " again)";
      case ALREADY:
        return "already " + before + " — not touched";
      case NOT_FOUND:
        return "not found in `" + region + "`" + (detail.isEmpty() ? "" : " (" + detail + ")");
      case REFUSED:
        return "not " + verb + ": " + detail;
      case NOT_REPEATED:
        return before + " — " + (detail.isEmpty() ? "not " + verb + " again" : detail);
      case STILL_MOVING:
        return (before.isEmpty() ? "" : before + " → ") + "still " + after + " after " + o.seconds() + " s — "
            + status + (detail.isEmpty() ? "" : " (" + detail + ")");
      case ENDED_ELSEWHERE:
        return (before.equals(after) ? "moved, then fell back to " : before + " → ") + after + " after " + o.seconds()
            + " s instead of reaching " + action.targetState().apiName() + " — " + status;
      case WOULD_SUCCEED:
        return before + (before.isEmpty() ? "" : ": ") + "a " + action.word() + " would succeed";
      case WOULD_FAIL:
        return before + (before.isEmpty() ? "" : ": ") + "a " + action.word() + " would fail — " + detail;
      case SHOWN:
        return "*" + after + "*" + (detail.isEmpty() ? "" : " · " + detail);
      default:
        return "not " + verb + (detail.isEmpty() ? "" : ": " + detail);
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static long count(List<InstanceOutcome> outcomes, InstanceOutcome.Kind kind) {
    return outcomes.stream().filter(o -> o.kind() == kind).count();
  }

  private static String cap(String line) {
    return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "…";
  }
}
