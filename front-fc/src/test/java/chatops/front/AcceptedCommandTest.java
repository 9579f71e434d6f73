package chatops.front;

import static chatops.front.SlashRequest.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.config.AccessKey;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A verified, allowed command: exactly one async invoke carrying the job, then the channel hears of it. */
class AcceptedCommandTest {
  private final Front front = new Front();

  @Test
  void theJobCarriesTheCommandAndWhoAskedForIt() {
    front.send(command("stop i-abc i-def i-abc cn-shanghai --force"));

    assertEquals(1, front.invoker.calls());
    JsonNode job = Front.parse(front.invoker.payloads.get(0));
    assertEquals(1, job.get("version").asInt());
    assertTrue(job.get("jobId").asText().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"), job.toString());
    assertEquals("stop", job.get("action").asText());
    assertEquals(List.of("i-abc", "i-def"), List.of(job.get("instanceIds").get(0).asText(), job.get("instanceIds").get(1).asText()));
    assertEquals(2, job.get("instanceIds").size());
    assertEquals("cn-shanghai", job.get("region").asText());
    assertTrue(job.get("force").asBoolean());
    assertFalse(job.get("dryRun").asBoolean());
    assertEquals("T0OPS", job.get("teamId").asText());
    assertEquals("C0OPS", job.get("channelId").asText());
    assertEquals("ops", job.get("channelName").asText());
    assertEquals("U0ADMIN", job.get("userId").asText());
    assertEquals("alice", job.get("userName").asText());
    assertEquals(SlashRequest.RESPONSE_URL, job.get("responseUrl").asText());
    assertEquals("2024-05-01T09:30:00Z", job.get("issuedAt").asText());
  }

  @Test
  void noRegionMeansExecutionsDefault() {
    front.send(command("start i-abc --dry-run"));

    JsonNode job = Front.parse(front.invoker.payloads.get(0));
    assertTrue(job.path("region").isMissingNode() || job.get("region").isNull(), job.toString());
    assertTrue(job.get("dryRun").asBoolean());
  }

  @Test
  void theInvocationIsSignedWithThisRequestsCredentials() {
    AccessKey rotated = AccessKey.of("STS.next-key", "next-secret", "next-token");

    front.send(command("status i-abc"));
    front.send(command("status i-abc").credentials(rotated));

    assertEquals(List.of(SlashRequest.STS, rotated), front.invoker.credentials);
  }

  @Test
  void theChannelIsToldWhoAskedForWhatAndThatTheResultFollows() {
    HttpReply reply = front.send(command("stop i-abc i-def --force"));

    assertEquals(200, reply.status());
    assertEquals(HttpReply.JSON, reply.contentType());
    JsonNode json = Front.json(reply);
    assertEquals("in_channel", json.get("response_type").asText());
    String text = json.get("text").asText();
    assertTrue(text.startsWith("<@U0ADMIN> asked to *stop* `i-abc`, `i-def` in the default region (forced)."), text);
    assertTrue(text.endsWith("The result will follow in this channel."), text);
    JsonNode blocks = json.get("blocks");
    assertEquals("section", blocks.get(0).get("type").asText());
    assertTrue(blocks.get(0).get("text").get("text").asText().contains("`i-abc`, `i-def`"), blocks.toString());
    assertEquals("context", blocks.get(1).get("type").asText());
  }

  @Test
  void theReplyNamesTheRegionAndADryRun() {
    String text = Front.json(front.send(command("start i-abc --region cn-shanghai --dry-run"))).get("text").asText();

    assertTrue(text.contains("*start* `i-abc` in `cn-shanghai` (dry run: nothing will change)."), text);
  }

  @Test
  void listNamesNoInstances() {
    String text = Front.json(front.send(command("list ap-northeast-1"))).get("text").asText();

    assertTrue(text.startsWith("<@U0ADMIN> asked to *list* instances in `ap-northeast-1`."), text);
  }

  @Test
  void aLongListIsCutShortInTheReplyButNotInTheJob() {
    Map<String, String> env = Front.env();
    env.remove("ECS_INSTANCES");
    env.put("ECS_MAX_INSTANCES", "100");
    Front wide = new Front(env, new RecordingInvoker());
    StringBuilder text = new StringBuilder("start");
    for (int i = 0; i < 100; i++) text.append(" i-bp1abcdefghi").append(String.format("%04d", i));

    JsonNode json = Front.json(wide.send(command(text.toString())));

    assertEquals("in_channel", json.get("response_type").asText(), json.toString());
    assertTrue(json.get("text").asText().contains("0024` and 75 more in the default region."), json.toString());
    assertEquals(100, Front.parse(wide.invoker.payloads.get(0)).get("instanceIds").size());
  }

  @Test
  void anOddUserIdIsShownAsTextNotAsAMention() {
    String text = Front.json(front.send(command("status i-abc").with("user_id", "U1><!channel"))).toString();

    assertFalse(text.contains("<!channel"), text);
  }

  @Test
  void whenFcRefusesTheInvokeTheUserIsToldNothingWasChanged() {
    Front failing = new Front(new RecordingInvoker().failingWith("FC invoke failed: status=403 code=AccessDenied"));

    JsonNode json = Front.json(failing.send(command("start i-abc")));

    assertEquals("ephemeral", json.get("response_type").asText());
    assertTrue(json.get("text").asText().startsWith("Could not start the job \u2014 nothing was changed."), json.toString());
    assertEquals(1, failing.invoker.calls());
    String line = failing.logLine();
    assertTrue(line.contains("outcome=invoke-failed reason=\"FC invoke failed: status=403 code=AccessDenied\""), line);
  }

  @Test
  void whenFcNeverAnswersTheUserIsNotPromisedThatNothingChanged() {
    Front stalled = new Front(new RecordingInvoker().unansweredWith("FC invoke gave no answer within 1500 ms"));

    JsonNode json = Front.json(stalled.send(command("start i-abc")));

    assertEquals("ephemeral", json.get("response_type").asText());
    String text = json.get("text").asText();
    assertTrue(text.startsWith("Could not confirm that the job started"), text);
    assertTrue(text.contains("It may still run"), text);
    assertFalse(text.contains("nothing was changed"), text);
    String line = stalled.logLine();
    assertTrue(line.contains("outcome=invoke-unconfirmed reason=\"FC invoke gave no answer within 1500 ms\""), line);
  }

  @Test
  void anInvokerBugIsReportedAsNotStartedNeverAsStarted() {
    Front crashing = new Front(new RecordingInvoker().crashingWith(new IllegalStateException("boom")));

    JsonNode json = Front.json(crashing.send(command("start i-abc")));

    assertEquals("ephemeral", json.get("response_type").asText());
    assertTrue(crashing.logLine().contains("reason=java.lang.IllegalStateException"), crashing.logLine());
  }

  @Test
  void withoutCredentialsNothingIsInvoked() {
    JsonNode json = Front.json(front.send(command("start i-abc").credentials(null)));

    assertEquals("ephemeral", json.get("response_type").asText());
    assertEquals(0, front.invoker.calls());
    assertTrue(front.logLine().contains("outcome=invoke-failed"), front.logLine());
  }

  @Test
  void theLogLineTiesTheRequestToTheJobAndLeavesSecretsOut() {
    front.send(command("start i-abc"));

    String line = front.logLine();
    String jobId = Front.parse(front.invoker.payloads.get(0)).get("jobId").asText();
    assertTrue(line.startsWith("front requestId=fc-req-1 outcome=accepted auth=signature team=T0OPS channel=C0OPS"
        + " user=U0ADMIN action=start instances=i-abc region=default jobId=" + jobId + " invokeId=fc-async-1 ms="), line);
    for (String secret : List.of(SlashRequest.SECRET, "s3cr3tPath", "sts-secret-value", "sts-token-value",
        "legacy-token-value", "hooks.slack.com")) {
      assertFalse(line.contains(secret), secret + " leaked into " + line);
    }
  }

  @Test
  void eachCommandIsItsOwnJob() {
    front.send(command("start i-abc"));
    front.send(command("start i-abc"));

    Map<Integer, String> ids = Map.of(0, Front.parse(front.invoker.payloads.get(0)).get("jobId").asText(),
        1, Front.parse(front.invoker.payloads.get(1)).get("jobId").asText());
    assertFalse(ids.get(0).equals(ids.get(1)));
  }
}
