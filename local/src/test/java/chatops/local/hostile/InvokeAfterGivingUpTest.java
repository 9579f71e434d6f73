package chatops.local.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chatops.config.AccessKey;
import chatops.front.FcExecutionInvoker;
import chatops.front.InvokeFailedException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Once the Front has given up on an invoke ("Could not confirm that the job started"), no invoke
 * may reach FC any more. The FC SDK retries a 5xx on its own, at once and up to three times, and
 * its worker thread outlives the caller's budget; so FC recovering just after the Front gave up
 * (answering the hung call 500) used to bring a retry that FC queued: a job started behind a
 * reply saying nothing was.
 */
class InvokeAfterGivingUpTest {
  @Test
  void noAttemptIsSentAfterTheCallerGaveUp() throws Exception {
    CountDownLatch gaveUp = new CountDownLatch(1);
    try (MockWebServer fc = new MockWebServer()) {
      fc.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
          if (fc.getRequestCount() == 1) {
            gaveUp.await(5, TimeUnit.SECONDS);
            return new MockResponse().setResponseCode(500).setBody("{\"ErrorCode\":\"InternalServerError\"}");
          }
          return new MockResponse().setResponseCode(202).setHeader("X-Fc-Request-Id", "queued-after-all");
        }
      });
      fc.start();
      FcExecutionInvoker invoker = new FcExecutionInvoker("http://127.0.0.1:" + fc.getPort(), "1234567890",
          "cn-hangzhou", "chatops", "execution", Duration.ofMillis(800));

      assertThrows(InvokeFailedException.class,
          () -> invoker.invokeAsync("{}".getBytes(), AccessKey.of("STS.key", "secret", "token")));
      gaveUp.countDown();
      Thread.sleep(500);

      assertEquals(1, fc.getRequestCount(), "invoke requests FC received");
    }
  }
}
