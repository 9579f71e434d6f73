package chatops.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON Slack receives, read back with jackson as Slack would read it. */
class SlackMessageTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(SlackMessage message) throws Exception {
    return MAPPER.readTree(message.toJson());
  }

  @Test
  void anEphemeralReplyIsResponseTypeAndTextOnly() throws Exception {
    JsonNode json = json(SlackMessage.ephemeral("Unknown sub-command."));

    assertEquals(MAPPER.readTree("{\"response_type\":\"ephemeral\",\"text\":\"Unknown sub-command.\"}"), json);
  }

  @Test
  void anInChannelReplySaysSoExplicitly() throws Exception {
    assertEquals("in_channel", json(SlackMessage.inChannel("ok")).get("response_type").asText());
  }

  @Test
  void blocksFollowTheTextFallbackInBlockKitShape() throws Exception {
    SlackMessage message = SlackMessage.inChannel("i-bp1abc: Stopped -> Running")
        .withBlocks(List.of(Block.header("ECS start"), Block.section("*i-bp1abc* Stopped → Running"),
            Block.divider(), Block.context("asked by <@U1> in <#C1>, 42 s")));

    String expected = "{\"response_type\":\"in_channel\",\"text\":\"i-bp1abc: Stopped -> Running\",\"blocks\":["
        + "{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"ECS start\"}},"
        + "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*i-bp1abc* Stopped → Running\"}},"
        + "{\"type\":\"divider\"},"
        + "{\"type\":\"context\",\"elements\":[{\"type\":\"mrkdwn\",\"text\":\"asked by <@U1> in <#C1>, 42 s\"}]}"
        + "]}";
    assertEquals(MAPPER.readTree(expected), json(message));
  }

  @Test
  void userTextIsJsonEscapedAndSurvivesTheRoundTrip() throws Exception {
    String nasty = "quote \" backslash \\ newline \n tab \t nul \u0000 bell \u0007 japanese 起動 emoji 🚀";
    SlackMessage message = SlackMessage.ephemeral(nasty).withBlocks(List.of(Block.section(nasty)));

    JsonNode json = json(message);

    assertEquals(nasty, json.get("text").asText());
    assertEquals(nasty, json.get("blocks").get(0).get("text").get("text").asText());
    assertFalse(new String(message.toJson(), StandardCharsets.UTF_8).contains("\n"));
  }

  @Test
  void theJsonIsUtf8() {
    byte[] json = SlackMessage.ephemeral("起動").toJson();

    assertTrue(new String(json, StandardCharsets.UTF_8).contains("\"起動\""));
  }

  @Test
  void aLoneSurrogateBecomesAQuestionMarkRatherThanBrokenJson() throws Exception {
    assertEquals("broken ? end", json(SlackMessage.ephemeral("broken \ud800 end")).get("text").asText());
  }

  @Test
  void escapedUserTextAndMentionsReachSlackAsMeant() throws Exception {
    String line = Mrkdwn.user("U1") + " ran `" + Mrkdwn.escape("stop <!channel> & go") + "`";

    JsonNode json = json(SlackMessage.inChannel(line));

    assertEquals("<@U1> ran `stop &lt;!channel&gt; &amp; go`", json.get("text").asText());
  }

  @Test
  void aMessageAlwaysHasATextFallback() {
    assertThrows(IllegalArgumentException.class, () -> SlackMessage.ephemeral(""));
    assertThrows(IllegalArgumentException.class, () -> SlackMessage.inChannel("  \n"));
    assertThrows(NullPointerException.class, () -> SlackMessage.ephemeral(null));
  }

  @Test
  void withBlocksReturnsANewMessageAndCopiesTheList() {
    SlackMessage plain = SlackMessage.ephemeral("text");
    List<Block> blocks = new ArrayList<>(List.of(Block.divider()));

    SlackMessage withBlocks = plain.withBlocks(blocks);
    blocks.add(Block.divider());

    assertEquals(List.of(), plain.blocks());
    assertEquals(List.of(Block.divider()), withBlocks.blocks());
    assertEquals("ephemeral", withBlocks.responseType());
    assertEquals("text", withBlocks.text());
  }

  @Test
  void slacksBlockLimitsAreEnforcedWhenTheMessageIsBuilt() {
    List<Block> fifty = Collections.nCopies(50, Block.divider());
    List<Block> fiftyOne = Collections.nCopies(51, Block.divider());

    assertEquals(50, SlackMessage.ephemeral("x").withBlocks(fifty).blocks().size());
    assertThrows(IllegalArgumentException.class, () -> SlackMessage.ephemeral("x").withBlocks(fiftyOne));
    assertEquals(3000, Block.section("a".repeat(3000)).text().length());
    assertThrows(IllegalArgumentException.class, () -> Block.section("a".repeat(3001)));
    assertThrows(IllegalArgumentException.class, () -> Block.context("a".repeat(3001)));
    assertThrows(IllegalArgumentException.class, () -> Block.header("a".repeat(151)));
    assertThrows(IllegalArgumentException.class, () -> Block.section(""));
  }

  @Test
  void blocksAreValuesThatSayWhatTheyAre() {
    assertEquals("section", Block.section("hi").type());
    assertEquals("hi", Block.context("hi").text());
    assertEquals(Block.header("Title"), Block.header("Title"));
    assertNull(Block.divider().text());
  }

  @Test
  void equalMessagesAreEqual() {
    SlackMessage one = SlackMessage.inChannel("a").withBlocks(List.of(Block.section("b")));
    SlackMessage two = SlackMessage.inChannel("a").withBlocks(List.of(Block.section("b")));

    assertEquals(one, two);
    assertEquals(one.hashCode(), two.hashCode());
    assertFalse(one.equals(SlackMessage.ephemeral("a").withBlocks(List.of(Block.section("b")))));
  }
}
