package chatops.local.slack;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slack gives an app 3 seconds and never retries; the emulator reports what the user would have seen. */
class CommandDeliveryTest {
  private final MockWebServer app = new MockWebServer();
  private SlackEmulator slack;

  @BeforeEach
  void start() throws IOException {
    app.start();
    slack = SlackEmulator.builder().replyTimeout(Duration.ofMillis(300)).start();
  }

  @AfterEach
  void stop() throws IOException {
    slack.close();
    app.shutdown();
  }

  @Test
  void anAppThatDoesNotAnswerInTimeIsAnOperationTimeout() {
    app.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    CommandReply reply = slack.send(slack.command("/ecs", "list").build(), app.url("/").toString());

    assertTrue(reply.timedOut());
    assertFalse(reply.answered());
    assertEquals("operation_timeout", reply.failure().orElseThrow());
    assertTrue(reply.latency().compareTo(Duration.ofSeconds(3)) < 0, "gave up at the reply timeout: " + reply);
    assertEquals(1, app.getRequestCount(), "Slack never retries a slash command");
  }

  @Test
  void anAppThatIsNotListeningIsUndelivered() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    CommandReply reply = slack.send(slack.command("/ecs", "list").build(), "http://127.0.0.1:" + closedPort + "/");

    assertFalse(reply.answered());
    assertFalse(reply.timedOut());
    assertTrue(reply.failure().isPresent());
  }

  @Test
  void anErrorStatusIsReportedAsAnswered() {
    app.enqueue(new MockResponse().setResponseCode(500).setBody(""));

    CommandReply reply = slack.send(slack.command("/ecs", "list").build(), app.url("/").toString());

    assertEquals(500, reply.status());
    assertTrue(reply.answered());
    assertEquals("", reply.bodyText());
  }
}
