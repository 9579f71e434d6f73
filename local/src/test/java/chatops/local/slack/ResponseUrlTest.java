package chatops.local.slack;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The response URLs the emulator hands out behave like Slack's: JSON in, 5 posts, 30 minutes. */
class ResponseUrlTest {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http = new OkHttpClient();
  private final SettableClock clock = new SettableClock(Instant.parse("2024-05-01T10:00:00Z"));
  private SlackEmulator slack;
  private String responseUrl;

  @BeforeEach
  void issueACommand() {
    slack = SlackEmulator.builder().clock(clock).start();
    responseUrl = slack.command("/ecs", "start i-abc").build().responseUrl();
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  private Response post(String url, String json) throws IOException {
    return http.newCall(new Request.Builder().url(url).post(RequestBody.create(json, JSON)).build()).execute();
  }

  private void assertAnswer(String url, String json, int status, String answer) throws IOException {
    try (Response response = post(url, json)) {
      assertEquals(status, response.code());
      assertEquals(answer, response.body().string());
    }
  }

  private static String message(String text) {
    return "{\"response_type\":\"in_channel\",\"text\":\"" + text + "\"}";
  }

  @Test
  void anIssuedUrlLooksLikeSlacksOnLoopback() {
    assertTrue(responseUrl.matches("http://127\\.0\\.0\\.1:\\d+/commands/T0001/\\d{12}/[A-Za-z0-9]{24}"), responseUrl);
    assertTrue(responseUrl.startsWith(slack.responseUrlBase()));
  }

  @Test
  void aPostedMessageIsAcceptedAndRecordedAsJson() throws IOException {
    assertAnswer(responseUrl, "{\"response_type\":\"in_channel\",\"text\":\"i-abc: Stopped → Running\","
        + "\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*i-abc*\"}}]}", 200, "ok");

    List<JsonNode> messages = slack.messages(responseUrl);
    assertEquals(1, messages.size());
    assertEquals("in_channel", messages.get(0).get("response_type").asText());
    assertEquals("i-abc: Stopped → Running", messages.get(0).get("text").asText());
    assertEquals("section", messages.get(0).get("blocks").get(0).get("type").asText());
  }

  @Test
  void awaitReturnsAsSoonAsTheMessagesArrive() throws Exception {
    CompletableFuture<Void> poster = CompletableFuture.runAsync(() -> {
      try {
        Thread.sleep(100);
        post(responseUrl, message("one")).close();
        post(responseUrl, message("two")).close();
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });

    List<JsonNode> messages = slack.awaitMessages(responseUrl, 2, Duration.ofSeconds(10));
    poster.join();

    assertEquals(List.of("one", "two"), List.of(messages.get(0).get("text").asText(), messages.get(1).get("text").asText()));
  }

  @Test
  void awaitGivesBackWhatArrivedWhenTimeIsUp() throws Exception {
    post(responseUrl, message("only one")).close();

    assertEquals(1, slack.awaitMessages(responseUrl, 2, Duration.ofMillis(50)).size());
  }

  @Test
  void theSixthPostIsRefused() throws IOException {
    for (int i = 1; i <= 5; i++) {
      assertAnswer(responseUrl, message("post " + i), 200, "ok");
    }

    assertAnswer(responseUrl, message("post 6"), 404, "used_url");
    assertEquals(5, slack.messages(responseUrl).size());
  }

  @Test
  void theUrlExpiresThirtyMinutesAfterTheCommand() throws IOException {
    clock.advance(Duration.ofMinutes(30));
    assertAnswer(responseUrl, message("just in time"), 200, "ok");

    clock.advance(Duration.ofSeconds(1));
    assertAnswer(responseUrl, message("too late"), 404, "expired_url");
    assertEquals(1, slack.messages(responseUrl).size());
  }

  @Test
  void aUrlSlackNeverIssuedIsNotFound() throws IOException {
    assertAnswer(slack.responseUrlBase() + "/commands/T0001/123456789012/forgedforgedforgedforged",
        message("hello"), 404, "no_service");
  }

  @Test
  void malformedOrEmptyMessagesAreRefusedWithoutSpendingAUse() throws IOException {
    assertAnswer(responseUrl, "{\"text\":", 400, "invalid_payload");
    assertAnswer(responseUrl, "[\"text\"]", 400, "invalid_payload");
    assertAnswer(responseUrl, "{\"response_type\":\"in_channel\"}", 400, "no_text");
    for (int i = 1; i <= 5; i++) {
      assertAnswer(responseUrl, message("post " + i), 200, "ok");
    }

    assertEquals(8, slack.posts().size());
    assertFalse(slack.posts().get(0).accepted());
  }

  @Test
  void injectedFailuresAreAnswered500AndNotRecordedAsMessages() throws IOException {
    slack.failNextPosts(2);

    assertAnswer(responseUrl, message("a"), 500, "internal_error");
    assertAnswer(responseUrl, message("b"), 500, "internal_error");
    assertAnswer(responseUrl, message("c"), 200, "ok");

    assertEquals(1, slack.messages(responseUrl).size());
    assertEquals(3, slack.posts().size());
  }

  @Test
  void aStalledPostIsAnsweredWhenTheHoldIsOver() throws IOException {
    slack.stallNextPosts(1, Duration.ofMillis(200));

    assertAnswer(responseUrl, message("slow"), 200, "ok");
    assertAnswer(responseUrl, message("fast"), 200, "ok");
  }

  @Test
  void aPosterThatGivesUpOnAStallLeavesNoMessageBehind() {
    slack.stallNextPosts(1, Duration.ofMinutes(5));
    OkHttpClient impatient = http.newBuilder().callTimeout(Duration.ofMillis(200)).build();

    assertThrows(InterruptedIOException.class, () -> impatient.newCall(new Request.Builder().url(responseUrl)
        .post(RequestBody.create(message("lost"), JSON)).build()).execute());
    slack.resetFaults();

    assertTrue(slack.messages(responseUrl).isEmpty());
  }
}
