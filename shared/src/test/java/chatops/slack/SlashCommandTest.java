package chatops.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SlashCommandTest {

  /** Field for field what Slack posts for "/ecs start i-bp1abc cn-hangzhou" from Enterprise Grid. */
  private static final String SLACK_POST = "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example"
      + "&enterprise_id=E0001&enterprise_name=Globular%20Construct%20Inc&channel_id=C2147483705"
      + "&channel_name=test&user_id=U2147483697&user_name=Steve&command=%2Fecs"
      + "&text=start+i-bp1abc+cn-hangzhou&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678"
      + "&trigger_id=13345224609.738474920.8088930838d88f008e0&api_app_id=A123456";

  private static SlashCommand command(String body) throws MalformedFormException {
    return SlashCommand.from(FormBody.decode(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsEveryFieldSlackSends() throws Exception {
    SlashCommand command = command(SLACK_POST);

    assertEquals("T0001", command.teamId());
    assertEquals("example", command.teamDomain());
    assertEquals("E0001", command.enterpriseId());
    assertEquals("C2147483705", command.channelId());
    assertEquals("test", command.channelName());
    assertEquals("U2147483697", command.userId());
    assertEquals("Steve", command.userName());
    assertEquals("/ecs", command.command());
    assertEquals("start i-bp1abc cn-hangzhou", command.text());
    assertEquals("https://hooks.slack.com/commands/1234/5678", command.responseUrl());
    assertEquals("13345224609.738474920.8088930838d88f008e0", command.triggerId());
    assertEquals("A123456", command.apiAppId());
  }

  @Test
  void fieldsSlackDidNotSendAreNullAndEmptyOnesStayEmpty() throws Exception {
    SlashCommand command = command("team_id=T0001&channel_id=C1&user_id=U1&command=%2Fecs&text=");

    assertEquals("", command.text());
    assertNull(command.enterpriseId());
    assertNull(command.responseUrl());
    assertNull(command.apiAppId());
    assertNull(command.userName());
  }

  @Test
  void anEmptyFormGivesACommandWithNothingInIt() throws Exception {
    SlashCommand command = SlashCommand.from(FormBody.decode(new byte[0]));

    assertNull(command.teamId());
    assertNull(command.text());
  }

  @Test
  void twoCommandsFromTheSameFormAreEqual() throws Exception {
    assertEquals(command(SLACK_POST), command(SLACK_POST));
    assertEquals(command(SLACK_POST).hashCode(), command(SLACK_POST).hashCode());
  }

  @Test
  void toStringLeavesOutTheResponseUrlAndTheToken() throws Exception {
    String shown = command(SLACK_POST).toString();

    assertFalse(shown.contains("hooks.slack.com"), shown);
    assertFalse(shown.contains("gIkuvaNzQIHg97ATvDxqgjtO"), shown);
    assertEquals("SlashCommand{team=T0001, channel=C2147483705, user=U2147483697, command=/ecs,"
        + " text=start i-bp1abc cn-hangzhou, app=A123456}", shown);
  }
}
