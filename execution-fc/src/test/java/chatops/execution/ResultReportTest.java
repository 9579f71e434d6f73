package chatops.execution;

import static chatops.execution.InstanceOutcome.Kind.ALREADY;
import static chatops.execution.InstanceOutcome.Kind.CHANGED;
import static chatops.execution.InstanceOutcome.Kind.NOT_FOUND;
import static chatops.execution.InstanceOutcome.Kind.REFUSED;
import static chatops.execution.InstanceOutcome.Kind.STILL_MOVING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.ecs.EcsAction;
import chatops.job.Job;
import chatops.slack.Block;
import chatops.slack.SlackMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the channel reads. */
class ResultReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aStartReportsEachInstanceWhoAskedTheActionAndTheRegion() throws Exception {
    Job job = Jobs.job(EcsAction.START, "i-web1", "i-db", "i-gone", "i-slow", "i-busy", "i-flaky");
    JobResult result = JobResult.of(EcsAction.START, "cn-hangzhou", false, List.of(
        InstanceOutcome.timed("i-web1", "web-1", CHANGED, "Stopped", "Running", 32, null),
        InstanceOutcome.of("i-db", "db", ALREADY, "Running", null),
        InstanceOutcome.of("i-gone", "", NOT_FOUND, null, null),
        InstanceOutcome.timed("i-slow", "slow", STILL_MOVING, "Stopped", "Starting", 90, null),
        InstanceOutcome.of("i-busy", "busy", REFUSED, "Stopping", "it is Stopping; try again when it is Stopped"),
        InstanceOutcome.timed("i-flaky", "flaky", InstanceOutcome.Kind.ENDED_ELSEWHERE, "Stopped", "Stopped", 40,
            null)),
        List.of("REQ-1"));

    SlackMessage message = ResultReport.of(job, result, false).message();

    assertEquals(SlackMessage.IN_CHANNEL, message.responseType());
    String text = message.text();
    assertTrue(text.startsWith("*start* in `cn-hangzhou` for <@U0001>: 2 of 6 Running"), text);
    assertTrue(text.contains("• *web-1* `i-web1`: Stopped → Running in 32 s"), text);
    assertTrue(text.contains("• *db* `i-db`: already Running — not touched"), text);
    assertTrue(text.contains("• `i-gone`: not found in `cn-hangzhou`"), text);
    assertTrue(text.contains("• *slow* `i-slow`: Stopped → still Starting after 90 s — try `/ecs status i-slow`"),
        text);
    assertTrue(text.contains("• *busy* `i-busy`: not started: it is Stopping; try again when it is Stopped"), text);
    assertTrue(text.contains("• *flaky* `i-flaky`: moved, then fell back to Stopped after 40 s instead of reaching"
        + " Running — try `/ecs status i-flaky`"), text);
    JsonNode json = JSON.readTree(message.toJson());
    assertEquals("in_channel", json.get("response_type").asText());
    assertEquals("section", json.get("blocks").get(0).get("type").asText());
    assertEquals("context", json.get("blocks").get(json.get("blocks").size() - 1).get("type").asText());
    assertTrue(json.get("blocks").get(0).get("text").get("text").asText().contains("<@U0001>"));
    assertEquals("Job `job-1`", json.get("blocks").get(2).get("elements").get(0).get("text").asText());
  }

  @Test
  void namesAndEcsWordsAreEscapedSoTheyCannotPingOrLink() {
    Job job = Jobs.job(EcsAction.STOP, "i-a");
    JobResult result = JobResult.of(EcsAction.STOP, "cn-hangzhou", false, List.of(
        InstanceOutcome.of("i-a", "<!channel> & <https://evil|bill>", InstanceOutcome.Kind.FAILED, "Running",
            "ECS refused: X — <@U999>")), List.of());

    String text = ResultReport.of(job, result, false).text();

    assertTrue(text.contains("*&lt;!channel&gt; &amp; &lt;https://evil|bill&gt;*"), text);
    assertTrue(text.contains("ECS refused: X — &lt;@U999&gt;"), text);
    assertFalse(text.contains("<!channel>"));
  }

  @Test
  void aDryRunSaysNothingWasChanged() {
    Job job = Jobs.builder(EcsAction.REBOOT, "i-a").force(true).dryRun(true).build();
    JobResult result = JobResult.of(EcsAction.REBOOT, "cn-hangzhou", true, List.of(
        InstanceOutcome.of("i-a", "a", InstanceOutcome.Kind.WOULD_SUCCEED, "Running", null)), List.of());

    String text = ResultReport.of(job, result, false).text();

    assertTrue(text.startsWith("*reboot --force --dry-run* in `cn-hangzhou` for <@U0001>: 1 of 1 would succeed;"
        + " nothing was changed"), text);
    assertTrue(text.contains("`i-a`: Running: a reboot would succeed"), text);
  }

  @Test
  void aRedeliveredJobSaysSoInItsFooter() {
    Job job = Jobs.job(EcsAction.START, "i-a");
    JobResult result = JobResult.of(EcsAction.START, "cn-hangzhou", false,
        List.of(InstanceOutcome.of("i-a", "a", ALREADY, "Running", null)), List.of());

    assertTrue(ResultReport.of(job, result, true).text().contains("delivered again by Function Compute"));
  }

  @Test
  void aListSaysHowManyMoreThereAre() {
    Job job = Jobs.job(EcsAction.LIST);
    JobResult result = JobResult.listing("cn-hangzhou",
        List.of(InstanceOutcome.shown(new InstanceInfo("i-a", "a", "Running", "cn-hangzhou-h", "ecs.g7.large",
            null))), 70,
        false, List.of());

    String text = ResultReport.of(job, result, false).text();

    assertTrue(text.contains("• *a* `i-a`: *Running* · cn-hangzhou-h · ecs.g7.large"), text);
    assertTrue(text.contains("… and 70 more not shown"), text);
  }

  @Test
  void manyLongLinesAreSplitAcrossSectionsWithinSlacksLimits() throws Exception {
    List<InstanceOutcome> outcomes = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      String id = "i-" + i;
      ids.add(id);
      outcomes.add(InstanceOutcome.of(id, "n".repeat(128), InstanceOutcome.Kind.FAILED, "Running", "x".repeat(300)));
    }
    Job job = Jobs.job(EcsAction.STOP, ids.subList(0, 100).toArray(new String[0]));

    SlackMessage message = ResultReport.of(job, JobResult.of(EcsAction.STOP, "cn-hangzhou", false, outcomes,
        List.of()), false).message();

    assertTrue(message.blocks().size() <= SlackMessage.MAX_BLOCKS);
    for (Block block : message.blocks()) assertTrue(block.text().length() <= Block.MAX_TEXT);
    assertTrue(message.blocks().get(message.blocks().size() - 2).text().contains("more lines in the message text"));
    assertTrue(message.text().length() <= ResultReport.MAX_TEXT, "Slack cuts text at 40,000 characters");
    assertTrue(message.text().contains("more lines not shown"));
    JSON.readTree(message.toJson());
  }

  @Test
  void aHundredInstancesFitInAFewSections() {
    List<InstanceOutcome> outcomes = new ArrayList<>();
    String[] ids = new String[100];
    for (int i = 0; i < 100; i++) {
      ids[i] = "i-w" + i;
      outcomes.add(InstanceOutcome.timed(ids[i], "web-" + i, CHANGED, "Stopped", "Running", 32, null));
    }

    SlackMessage message = ResultReport.of(Jobs.job(EcsAction.START, ids),
        JobResult.of(EcsAction.START, "cn-hangzhou", false, outcomes, List.of()), false).message();

    assertTrue(message.blocks().size() >= 4 && message.blocks().size() <= 6, message.toString());
    for (int i = 0; i < 100; i++) assertTrue(message.text().contains("`i-w" + i + "`: Stopped → Running"));
  }
}
