package chatops.local.fc;

import com.aliyuncs.fc.exceptions.ClientException;
import com.aliyuncs.fc.exceptions.ServerException;
import com.aliyuncs.fc.request.InvokeFunctionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FC failing or hanging, as the real SDK experiences it; the Front must stay within its budget then. */
class FcInvokeFaultTest {
  private static final byte[] JOB = "{}".getBytes(StandardCharsets.UTF_8);

  private final RecordingEventHandler execution = new RecordingEventHandler();
  private FcEmulator fc;

  @BeforeEach
  void deployExecution() {
    fc = FcEmulator.builder().start();
    fc.deploy(FcFunction.event("chatops", "execution", execution).build());
  }

  @AfterEach
  void stop() {
    fc.close();
  }

  private int invokeAsync(int readTimeoutMillis) {
    return SdkClients.client(fc, fc.roleKey(), readTimeoutMillis).invokeFunction(
        new InvokeFunctionRequest("chatops", "execution").setInvocationType("Async").setPayload(JOB))
        .getStatus();
  }

  @Test
  void aHungFcMakesTheClientTimeOutAndQueuesNothing() {
    fc.stallInvokesUntilReset();

    long started = System.nanoTime();
    ClientException timeout = assertThrows(ClientException.class, () -> invokeAsync(300));
    Duration waited = Duration.ofNanos(System.nanoTime() - started);
    fc.resetFaults();

    assertEquals("SDK.ServerUnreachable", timeout.getErrorCode());
    assertTrue(waited.compareTo(Duration.ofSeconds(5)) < 0, "the client's read timeout ends the wait: " + waited);
    assertEquals(0, fc.invocationCount("chatops", "execution"));
  }

  @Test
  void aSlowFcAnswersOnceTheHoldIsOver() {
    fc.stallInvokes(Duration.ofMillis(200));

    assertEquals(202, invokeAsync(5_000));
    assertEquals(1, fc.invocationCount("chatops", "execution"));
  }

  @Test
  void aSlowFcStillTimesOutAClientWithAShorterBudget() {
    fc.stallInvokes(Duration.ofSeconds(3));

    assertThrows(ClientException.class, () -> invokeAsync(200));
  }

  @Test
  void afterResetFcAnswersPromptlyAgain() {
    fc.stallInvokesUntilReset();
    fc.resetFaults();

    assertEquals(202, invokeAsync(2_000));
  }

  @Test
  void fiveHundredsOutlastingTheSdksThreeTriesSurfaceAsServerException() {
    fc.failNextInvokes(3);

    ServerException failure = assertThrows(ServerException.class, () -> invokeAsync(2_000));

    assertEquals("InternalServerError", failure.getErrorCode());
    assertEquals(500, failure.getStatusCode());
    assertEquals(0, fc.invocationCount("chatops", "execution"));
  }

  @Test
  void aSingleFiveHundredIsHiddenByTheSdksOwnRetry() {
    fc.failNextInvokes(1);

    assertEquals(202, invokeAsync(2_000));
    assertEquals(1, fc.invocationCount("chatops", "execution"));
  }

  @Test
  void closingDoesNotWaitForAHandlerThatIgnoresInterrupts() {
    fc.deploy(FcFunction.event("chatops", "stubborn", (input, output, context) -> {
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
    }).build());
    Thread caller = new Thread(() -> {
      try {
        SdkClients.client(fc, fc.roleKey(), 30_000).invokeFunction(
            new InvokeFunctionRequest("chatops", "stubborn").setPayload(JOB));
      } catch (RuntimeException expected) {
        // The connection goes away with the emulator.
      }
    });
    caller.start();
    while (fc.invocationCount("chatops", "stubborn") == 0) {
      Thread.onSpinWait();
    }

    long started = System.nanoTime();
    fc.close();

    assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(4)) < 0,
        "close releases the server thread instead of waiting out the 60 s time limit");
  }
}
