package chatops.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.local.LocalMain;
import chatops.local.slack.CommandReply;
import chatops.local.slack.SlackEmulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code --serve}: the Front listens for requests from outside, verified with the operator's
 * SLACK_SIGNING_SECRET, and takes response URLs on Slack's own hosts only, since a real Slack app
 * is what it serves. Driven here by a Slack emulator that shares the secret.
 */
class ServeModeTest {
  private static final String SECRET = "serve-mode-test-secret";
  private static final Pattern URL = Pattern.compile("Serving the Front at (http://127\\.0\\.0\\.1:\\d+/\\S*)");

  @Test
  void servesSignedCommandsUntilStopped() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AtomicInteger status = new AtomicInteger(-1);
    Thread server = new Thread(() -> status.set(LocalMain.run(List.of("--serve", "--port", "8080"),
        new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        Map.of("SLACK_SIGNING_SECRET", SECRET))), "serve-mode");
    server.start();
    try (SlackEmulator slack = SlackEmulator.builder().signingSecret(SECRET).start()) {
      String frontUrl = awaitUrl(out);
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("--port 8080 cannot be honoured"));

      CommandReply help = slack.send(slack.command("/ecs", "help").build(), frontUrl);
      assertEquals(200, help.status());
      assertTrue(help.bodyText().contains("/ecs start INSTANCE-ID"), help.bodyText());

      CommandReply forged = slack.send(slack.command("/ecs", "help").build().signedWith("guess"), frontUrl);
      assertEquals(401, forged.status());

      CommandReply local = slack.send(slack.command("/ecs", "start i-bp1reports01").build(), frontUrl);
      assertTrue(local.bodyText().contains("not a Slack address"), "serve takes hooks.slack.com only: " + local);
    } finally {
      server.interrupt();
      server.join(10_000);
    }
    assertEquals(130, status.get(), "an interrupted serve ends like Ctrl-C");
  }

  private static String awaitUrl(ByteArrayOutputStream out) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Matcher url = URL.matcher(out.toString(StandardCharsets.UTF_8));
      if (url.find()) return url.group(1);
      Thread.sleep(50);
    }
    throw new AssertionError("serve never printed its URL: " + out.toString(StandardCharsets.UTF_8));
  }
}
