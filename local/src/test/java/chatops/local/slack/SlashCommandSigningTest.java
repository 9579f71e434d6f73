package chatops.local.slack;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slash commands leave the emulator signed exactly as Slack signs them. The expected signatures
 * were computed outside Java with
 * {@code printf '%s' "v0:$TS:$BODY" | openssl dgst -sha256 -hmac "$SECRET"}.
 */
class SlashCommandSigningTest {
  /** Slack's own worked example ("Verifying requests from Slack"). */
  private static final String SLACK_DOC_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final long SLACK_DOC_TIMESTAMP = 1531420618L;
  private static final String SLACK_DOC_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J"
      + "&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA"
      + "&user_name=roadrunner&command=%2Fwebhook-collect&text="
      + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
      + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  private static final String SLACK_DOC_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  /** Our own case: spaces as '+', a non-ASCII letter, a loopback response URL, api_app_id last. */
  private static final String SECRET = "local-signing-secret";
  private static final long TIMESTAMP = 1700000000L;
  private static final String BODY = "token=legacy-token&team_id=T0001&team_domain=acme&channel_id=C0001"
      + "&channel_name=ops&user_id=U0001&user_name=alice&command=%2Fecs&text=start+i-abc+%C3%A9"
      + "&response_url=http%3A%2F%2F127.0.0.1%3A8080%2Fcommands%2FT0001%2F1%2Fabc&trigger_id=1.2.3&api_app_id=A0001";
  private static final String SIGNATURE = "v0=c72d747c666423456af3dcf9a188095a25a9816cc57b4ee011a8da74cbaf949f";

  private final MockWebServer app = new MockWebServer();
  private SlackEmulator slack;

  @BeforeEach
  void start() throws IOException {
    app.start();
    slack = SlackEmulator.builder().signingSecret(SECRET).verificationToken("legacy-token")
        .clock(new SettableClock(Instant.ofEpochSecond(TIMESTAMP))).start();
  }

  @AfterEach
  void stop() throws IOException {
    slack.close();
    app.shutdown();
  }

  private RecordedRequest deliver(SlashCommandRequest command) throws InterruptedException {
    app.enqueue(new MockResponse().setBody("{\"response_type\":\"ephemeral\",\"text\":\"ok\"}"));
    slack.send(command, app.url("/slack/ecs").toString());
    return app.takeRequest(5, TimeUnit.SECONDS);
  }

  private SlashCommandRequest ourCase() {
    return slack.command("/ecs", "start i-abc é").build()
        .withField("response_url", "http://127.0.0.1:8080/commands/T0001/1/abc")
        .withField("trigger_id", "1.2.3");
  }

  @Test
  void slacksDocumentedExampleSignsToSlacksDocumentedSignature() throws Exception {
    SlashCommandRequest example = slack.command("/webhook-collect", "")
        .team("T1DC2JH3J", "testteamnow").channel("G8PSS9T3V", "foobar").user("U2CERLKJA", "roadrunner")
        .build()
        .withField("token", "xyzz0WbapA4vBCDEFasx0q6G")
        .withField("response_url", "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN")
        .withField("trigger_id", "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
        .withoutField("api_app_id")
        .signedWith(SLACK_DOC_SECRET).withTimestamp(SLACK_DOC_TIMESTAMP);

    RecordedRequest sent = deliver(example);

    assertEquals(SLACK_DOC_BODY, sent.getBody().readUtf8());
    assertEquals(Long.toString(SLACK_DOC_TIMESTAMP), sent.getHeader("X-Slack-Request-Timestamp"));
    assertEquals(SLACK_DOC_SIGNATURE, sent.getHeader("X-Slack-Signature"));
  }

  @Test
  void aCommandIsAFormInSlacksFieldOrderSignedWithTheSecretAtTheClocksTime() throws Exception {
    RecordedRequest sent = deliver(ourCase());

    assertEquals("POST", sent.getMethod());
    assertEquals("/slack/ecs", sent.getPath());
    assertEquals(BODY, sent.getBody().readUtf8());
    assertEquals("application/x-www-form-urlencoded", sent.getHeader("Content-Type"));
    assertEquals(Long.toString(TIMESTAMP), sent.getHeader("X-Slack-Request-Timestamp"));
    assertEquals(SIGNATURE, sent.getHeader("X-Slack-Signature"));
    assertTrue(sent.getHeader("User-Agent").startsWith("Slackbot 1.0"));
  }

  @Test
  void theIssuedResponseUrlAndAnEnterpriseIdGoIntoTheForm() throws Exception {
    SlashCommandRequest command = slack.command("/ecs", "status i-abc").enterprise("E0001").build();

    String body = deliver(command).getBody().readUtf8();

    assertTrue(body.contains("&team_domain=acme&enterprise_id=E0001&channel_id=C0001&"), body);
    assertTrue(command.responseUrl().startsWith(slack.responseUrlBase() + "/commands/T0001/"));
    assertTrue(body.contains("&response_url=" + java.net.URLEncoder.encode(command.responseUrl(),
        StandardCharsets.UTF_8) + "&"), body);
  }

  @Test
  void anImpostorsSecretYieldsADifferentSignatureOverTheSameBody() throws Exception {
    RecordedRequest sent = deliver(ourCase().signedWith("guessed-secret"));

    assertEquals(BODY, sent.getBody().readUtf8());
    assertNotEquals(SIGNATURE, sent.getHeader("X-Slack-Signature"));
    assertEquals(SlackSigner.signature("guessed-secret", TIMESTAMP, BODY.getBytes(StandardCharsets.US_ASCII)),
        sent.getHeader("X-Slack-Signature"));
  }

  @Test
  void aReplayKeepsItsOldTimestampAndItsValidSignature() throws Exception {
    RecordedRequest sent = deliver(ourCase().withTimestamp(TIMESTAMP - 600));

    assertEquals(Long.toString(TIMESTAMP - 600), sent.getHeader("X-Slack-Request-Timestamp"));
    assertEquals(SlackSigner.signature(SECRET, TIMESTAMP - 600, BODY.getBytes(StandardCharsets.US_ASCII)),
        sent.getHeader("X-Slack-Signature"));
  }

  @Test
  void aRawBodyIsSentAndSignedAsIs() throws Exception {
    byte[] raw = "text=a&text=b&%ZZ".getBytes(StandardCharsets.US_ASCII);

    RecordedRequest sent = deliver(ourCase().withRawBody(raw));

    assertEquals("text=a&text=b&%ZZ", sent.getBody().readUtf8());
    assertEquals(SlackSigner.signature(SECRET, TIMESTAMP, raw), sent.getHeader("X-Slack-Signature"));
  }

  @Test
  void headersCanBeForgedReplacedOrLeftOut() throws Exception {
    RecordedRequest forged = deliver(ourCase().withSignature("v0=00"));
    RecordedRequest unsigned = deliver(ourCase().withoutHeader("x-slack-signature"));
    RecordedRequest relabelled = deliver(ourCase().withHeader("Content-Type", "application/json"));

    assertEquals("v0=00", forged.getHeader("X-Slack-Signature"));
    assertNull(unsigned.getHeader("X-Slack-Signature"));
    assertEquals(List.of("application/json"), relabelled.getHeaders().values("Content-Type"));
  }

  @Test
  void theReplyComesBackWithStatusBodyAndLatency() {
    app.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
        .setBody("{\"response_type\":\"in_channel\",\"text\":\"Starting i-abc\"}"));

    CommandReply reply = slack.send(ourCase(), app.url("/slack/ecs").toString());

    assertEquals(200, reply.status());
    assertEquals("in_channel", reply.json().get("response_type").asText());
    assertEquals("application/json", reply.header("content-type").orElseThrow());
    assertTrue(!reply.latency().isNegative());
  }
}
