package chatops.front;

import static chatops.front.SlashRequest.command;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.slack.Headers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What happens before a request is known to come from Slack: each refusal is a bare status that
 * tells the caller nothing, and nothing is invoked.
 */
class CommandReceiverTest {
  private final Front front = new Front();

  @Test
  void onlyPostIsAccepted() {
    HttpReply reply = front.send(command("start i-abc").method("GET"));

    assertBare(405, reply);
    assertEquals(Map.of("Allow", "POST"), reply.headers());
    assertEquals(0, front.invoker.calls());
    assertTrue(front.logLine().contains("outcome=method-not-allowed"), front.logLine());
  }

  @Test
  void aBodyOverTheCapIsRefusedUnread() {
    HttpCall call = HttpCall.builder().method("POST").bodyTooLarge(true).requestId("fc-req-1").build();

    assertBare(413, front.receiver.handle(call));
    assertEquals(0, front.invoker.calls());
    assertTrue(front.logLine().contains("outcome=too-large"));
  }

  @Test
  void sslCheckIsAcknowledgedWithAnEmptyBodyAndNothingElse() {
    // Slack's probe carries a token, not a signature; it must not get further than this.
    HttpReply reply = front.send(command("start i-abc").unsigned().with("ssl_check", "1"));

    assertBare(200, reply);
    assertEquals(0, front.invoker.calls());
    assertTrue(front.logLine().contains("outcome=ssl-check"));
  }

  @Test
  void sslCheckOtherThanOneIsAnOrdinaryRequestAndMustBeSigned() {
    assertBare(401, front.send(command("start i-abc").unsigned().with("ssl_check", "0")));
    assertEquals(0, front.invoker.calls());
  }

  @Test
  void anUnsignedRequestIsRefusedWithAnEmptyBody() {
    assertUnverified(front.send(command("start i-abc").unsigned()));
  }

  @Test
  void aRequestSignedWithAnotherSecretIsRefused() {
    assertUnverified(front.send(command("start i-abc").signedWith("not-the-signing-secret")));
  }

  @Test
  void aTamperedBodyIsRefused() {
    SlashRequest original = command("status i-abc");
    Map<String, java.util.List<String>> signedHeaders = original.headerMap();
    byte[] tampered = command("start i-abc").body();
    HttpCall call = HttpCall.builder().method("POST").headers(Headers.of(signedHeaders)).body(tampered)
        .credentials(SlashRequest.STS).build();

    assertUnverified(front.receiver.handle(call));
  }

  @Test
  void aStaleRequestIsRefused() {
    assertUnverified(front.send(command("start i-abc").signedAt(SlashRequest.NOW.minusSeconds(301))));
  }

  @Test
  void aRequestFromTheFutureIsRefused() {
    assertUnverified(front.send(command("start i-abc").signedAt(SlashRequest.NOW.plusSeconds(301))));
  }

  @Test
  void theReplayWindowIsFiveMinutesEitherWay() {
    assertEquals(200, front.send(command("status i-abc").signedAt(SlashRequest.NOW.minusSeconds(300))).status());
    assertEquals(200, front.send(command("status i-abc").signedAt(SlashRequest.NOW.plusSeconds(300))).status());
    assertEquals(2, front.invoker.calls());
  }

  @Test
  void aSecondSignatureHeaderIsRefusedRatherThanPickedFrom() {
    SlashRequest request = command("start i-abc").header("X-Slack-Signature", "v0=" + "0".repeat(64));
    assertUnverified(front.send(request));
  }

  @Test
  void anUnsignedMalformedFormLearnsNothing() {
    assertUnverified(front.send(command("ignored").unsigned().rawBody("text=%zz")));
  }

  @Test
  void aSignedMalformedFormIsToldWhyInPrivate() {
    HttpReply reply = front.send(command("ignored").rawBody("team_id=T0OPS&text=%zz"));

    JsonNode json = Front.json(reply);
    assertEquals(200, reply.status());
    assertEquals("ephemeral", json.get("response_type").asText());
    assertTrue(json.get("text").asText().contains("could not be read"), json.toString());
    assertEquals(0, front.invoker.calls());
    assertTrue(front.logLine().contains("outcome=malformed-form"));
  }

  @Test
  void aRepeatedFieldIsAMalformedFormNotAChoice() {
    HttpReply reply = front.send(command("ignored").rawBody("text=status+i-abc&text=start+i-abc"));

    assertEquals("ephemeral", Front.json(reply).get("response_type").asText());
    assertEquals(0, front.invoker.calls());
  }

  @Test
  void theLegacyTokenIsAcceptedOnlyWhenNoSigningSecretIsSet() {
    Map<String, String> env = Front.env();
    env.remove("SLACK_SIGNING_SECRET");
    env.put("SLACK_TOKEN", "legacy-token-value");
    Front legacy = new Front(env, new RecordingInvoker());

    assertEquals(200, legacy.send(command("status i-abc").unsigned()).status());
    assertBare(401, legacy.send(command("status i-abc").unsigned().with("token", "guessed")));
    assertEquals(1, legacy.invoker.calls());
    assertTrue(legacy.log.get(0).contains("auth=legacy-token"), legacy.log.get(0));
  }

  @Test
  void withNeitherSecretNorTokenEveryRequestIsRefused() {
    Map<String, String> env = Front.env();
    env.remove("SLACK_SIGNING_SECRET");
    Front unconfigured = new Front(env, new RecordingInvoker());

    assertBare(401, unconfigured.send(command("status i-abc")));
    assertBare(401, unconfigured.send(command("status i-abc").unsigned()));
    assertEquals(0, unconfigured.invoker.calls());
  }

  @Test
  void aRefusalLogLineNamesTheReasonButNotTheSignatureOrBody() {
    SlashRequest request = command("start i-abc").signedWith("not-the-signing-secret");
    String sent = request.headerMap().get("x-slack-signature").get(0);

    front.send(request);

    String line = front.logLine();
    assertTrue(line.startsWith("front requestId=fc-req-1 outcome=unverified reason="), line);
    assertFalse(line.contains(sent.substring(3)), line);
    assertFalse(line.contains(SlashRequest.SECRET), line);
    assertFalse(line.contains("hooks.slack.com"), line);
    assertFalse(line.contains("legacy-token-value"), line);
  }

  @Test
  void warmingUpRunsEveryStepButInvokesAndLogsNothing() {
    assertTrue(front.receiver.warmUp());
    assertEquals(0, front.invoker.calls());
    assertTrue(front.log.isEmpty(), front.log.toString());
  }

  private void assertUnverified(HttpReply reply) {
    assertBare(401, reply);
    assertEquals(0, front.invoker.calls());
    assertTrue(front.logLine().contains("outcome=unverified"), front.logLine());
  }

  private static void assertBare(int status, HttpReply reply) {
    assertEquals(status, reply.status(), reply.toString());
    assertArrayEquals(new byte[0], reply.body());
    assertNull(reply.contentType());
  }
}
