package chatops.front;

import static chatops.front.SlashRequest.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.ecs.EcsGrammar;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A verified request that must not start anything: the user gets HTTP 200 with an ephemeral reply
 * saying why and what to type, and the invoker never runs.
 */
class CommandRefusalsTest {
  private final Front front = new Front();

  @Test
  void helpIsAnsweredByTheFrontWithTheUsage() {
    JsonNode reply = refused(command("help"));

    assertEquals(EcsGrammar.usage(), reply.get("text").asText());
    assertEquals("section", reply.get("blocks").get(0).get("type").asText());
    assertTrue(front.logLine().contains("outcome=help"));
  }

  @Test
  void anotherWorkspaceIsRefused() {
    refused(command("status i-abc").with("team_id", "T0OTHER"));
    assertTrue(front.logLine().contains("outcome=refused-workspace"), front.logLine());
  }

  @Test
  void anotherChannelIsRefusedEvenForHelp() {
    refused(command("help").with("channel_id", "C0RANDOM").with("channel_name", "random"));
    assertTrue(front.logLine().contains("outcome=refused-channel"), front.logLine());
  }

  @Test
  void whereSlashEcsIsNotEnabledTheAdviceIsWhereToRunItNotHelp() {
    JsonNode reply = refused(command("status i-abc").with("channel_id", "C0RANDOM").with("channel_name", "random"));

    assertEquals("/ecs cannot be used in this channel. Run it from a channel where /ecs is enabled.",
        reply.get("text").asText());
  }

  @Test
  void aFieldNoJobMayCarryIsRefusedBeforeInvoking() {
    JsonNode reply = refused(command("status i-abc").with("user_name", "x".repeat(300)));

    assertTrue(reply.get("text").asText().startsWith("Slack's request could not be read. userName is longer"), reply.toString());
    assertTrue(front.logLine().contains("outcome=unusable-request"), front.logLine());
    assertFalse(front.logLine().contains("xxxx"), front.logLine());
  }

  @Test
  void aRequestWithoutAUserIsRefusedAsIncomplete() {
    JsonNode reply = refused(command("status i-abc").without("user_id"));

    assertTrue(reply.get("text").asText().contains("which user"), reply.toString());
    assertTrue(front.logLine().contains("outcome=incomplete"));
  }

  @Test
  void aCommandThatDoesNotParseGetsTheReasonAndTheUsage() {
    JsonNode reply = refused(command("restart i-abc"));

    String text = reply.get("text").asText();
    assertTrue(text.startsWith("Unknown sub-command"), text);
    assertTrue(text.endsWith(EcsGrammar.usage()), text);
    assertTrue(front.logLine().contains("outcome=refused-grammar"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "start", "start i-abc;rm -rf /", "start i-ABC", "start i-abc cn_hangzhou",
      "stop i-abc --now", "start <!channel>", "list i-abc"})
  void badInputIsRefusedWithoutInvoking(String text) {
    refused(command(text));
    assertTrue(front.logLine().contains("outcome=refused-grammar"), front.logLine());
  }

  @Test
  void markupInTheCommandIsNeverEchoedAsMarkup() {
    JsonNode reply = refused(command("start <!channel> <@U0BOSS> <https://evil.example|bill>"));

    assertFalse(reply.toString().contains("<!channel>"), reply.toString());
    assertFalse(reply.toString().contains("<https://evil"), reply.toString());
  }

  @Test
  void aSubCommandThatIsNotAllowedIsRefused() {
    refused(command("reboot i-abc"));
    assertTrue(front.logLine().contains("outcome=refused-sub-command"), front.logLine());
    assertTrue(front.logLine().contains("action=reboot"), front.logLine());
  }

  @Test
  void onlyAllowedUsersMayChangeState() {
    JsonNode reply = refused(command("stop i-abc").with("user_id", "U0GUEST"));

    assertEquals("You are not allowed to stop instances. Ask someone who may change instances to run it.",
        reply.get("text").asText());
    assertTrue(front.logLine().contains("outcome=refused-user"), front.logLine());
  }

  @Test
  void anyoneInTheChannelMayLook() {
    HttpReply reply = front.send(command("status i-abc").with("user_id", "U0GUEST"));

    assertEquals("in_channel", Front.json(reply).get("response_type").asText());
    assertEquals(1, front.invoker.calls());
  }

  @Test
  void anInstanceOutsideTheAllowedSetIsRefused() {
    refused(command("start i-abc i-zzz"));
    assertTrue(front.logLine().contains("outcome=refused-instance"), front.logLine());
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://evil.example/commands/T0OPS/1/x", "http://hooks.slack.com/commands/T0OPS/1/x",
      "https://hooks.slack.com:8443/commands/T0OPS/1/x", "https://user@hooks.slack.com/commands/x", "not a url"})
  void aResponseUrlOutsideSlackIsRefusedBeforeAnyJobExists(String url) {
    JsonNode reply = refused(command("start i-abc").with("response_url", url));

    assertTrue(reply.get("text").asText().contains("not a Slack address"), reply.toString());
    String line = front.logLine();
    assertTrue(line.contains("outcome=refused-response-url"), line);
    assertFalse(line.contains("/commands/"), line);
  }

  @Test
  void aMissingResponseUrlIsRefusedToo() {
    refused(command("start i-abc").without("response_url"));
    assertTrue(front.logLine().contains("outcome=refused-response-url"), front.logLine());
  }

  @Test
  void everyRefusalLogsWhoAskedForWhat() {
    refused(command("stop i-abc").with("user_id", "U0GUEST"));

    String line = front.logLine();
    assertTrue(line.startsWith("front requestId=fc-req-1 outcome=refused-user reason="), line);
    assertTrue(line.contains(" team=T0OPS channel=C0OPS user=U0GUEST action=stop instances=i-abc region=default "), line);
    assertTrue(line.matches(".* ms=\\d+$"), line);
  }

  private JsonNode refused(SlashRequest request) {
    HttpReply reply = front.send(request);
    assertEquals(200, reply.status(), reply.toString());
    assertEquals(HttpReply.JSON, reply.contentType());
    JsonNode json = Front.json(reply);
    assertEquals("ephemeral", json.get("response_type").asText(), json.toString());
    assertFalse(json.get("text").asText().isBlank());
    assertEquals(0, front.invoker.calls(), "the invoker must not run on a refusal");
    return json;
  }
}
