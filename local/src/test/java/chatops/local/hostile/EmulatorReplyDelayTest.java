package chatops.local.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.local.ecs.EcsEmulator;
import chatops.local.fc.FcEmulator;
import chatops.local.slack.SlackEmulator;
import java.io.IOException;
import java.util.Arrays;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * An emulator's answer with a body must not wait for the client's delayed ACK. MockWebServer
 * writes the head and the body separately, and with Nagle's algorithm on, the body then sits
 * until the client acknowledges the head: 40 ms on Linux, on every answer. That is no fault of
 * the code under test, yet it showed up as 40 ms in every acknowledgement the load test
 * measured. The bound is generous: a stall is at least 40 ms, an answer without one about 1 ms.
 */
class EmulatorReplyDelayTest {
  private static final OkHttpClient HTTP = new OkHttpClient();
  private static final int REQUESTS = 15;

  @Test
  void fcAnswersWithoutStalling() {
    try (FcEmulator fc = FcEmulator.builder().start()) {
      assertNoStall("FC", fc.endpoint() + "/2016-08-15/proxy/none/none/");
    }
  }

  @Test
  void slackAnswersWithoutStalling() {
    try (SlackEmulator slack = SlackEmulator.builder().start()) {
      assertNoStall("Slack", slack.responseUrlBase() + "/commands/T0001/1/unknown");
    }
  }

  @Test
  void ecsAnswersWithoutStalling() throws IOException {
    try (EcsEmulator ecs = EcsEmulator.start()) {
      assertNoStall("ECS", ecs.url() + "?Action=DescribeInstances");
    }
  }

  private static void assertNoStall(String emulator, String url) {
    long[] millis = new long[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      Request request = new Request.Builder().url(url).post(RequestBody.create("{}", MediaType.get("application/json"))).build();
      long started = System.nanoTime();
      try (Response response = HTTP.newCall(request).execute()) {
        assertTrue(response.body() != null && response.body().bytes().length > 0, emulator + " answered with a body");
      } catch (IOException e) {
        throw new AssertionError(emulator + " did not answer", e);
      }
      millis[i] = (System.nanoTime() - started) / 1_000_000;
    }
    Arrays.sort(millis);
    long median = millis[REQUESTS / 2];
    assertTrue(median < 30, emulator + " answers took " + Arrays.toString(millis) + " ms; the median should be far under 40");
  }
}
