package chatops.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retries happen on a clock that only moves when the retrier sleeps: no test waits for real. */
class RetrierTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final List<Duration> sleeps = new ArrayList<>();
  private Instant now = START;
  private double randomValue = 0.5;
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };
  private final Sleeper sleeper = d -> {
    sleeps.add(d);
    now = now.plus(d);
  };
  private final Retrier retrier = new Retrier(clock, sleeper, () -> randomValue,
      Duration.ofMillis(200), Duration.ofSeconds(3), 6);

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void throttlingIsRetriedUntilTheCallSucceeds() throws Exception {
    List<EcsException> failures = List.of(failure("Throttling.User"), failure(EcsException.TIMEOUT));
    int[] calls = {0};

    String answer = retrier.call(START.plusSeconds(60), () -> {
      if (calls[0] < failures.size()) throw failures.get(calls[0]++);
      calls[0]++;
      return "REQ-OK";
    });

    assertEquals("REQ-OK", answer);
    assertEquals(3, calls[0]);
    assertEquals(List.of(Duration.ofMillis(150), Duration.ofMillis(300)), sleeps, "half fixed + half of 0.5 random");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Throttling", "Throttling.User", "Throttling.Api", "ServiceUnavailable", "InternalError",
      EcsException.TIMEOUT, EcsException.CONNECTION_FAILED})
  void retryableFailuresAreRetried(String code) throws Exception {
    int[] calls = {0};
    retrier.call(START.plusSeconds(60), () -> {
      if (calls[0]++ == 0) throw failure(code);
      return "ok";
    });
    assertEquals(2, calls[0]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"IncorrectInstanceStatus", "InvalidInstanceId.NotFound", "Forbidden.RAM",
      "SignatureDoesNotMatch", "InvalidRegionId", "DryRunOperation", EcsException.UNREADABLE_RESPONSE})
  void everythingElseFailsAtTheFirstCall(String code) {
    EcsException refusal = failure(code);
    int[] calls = {0};

    EcsException thrown = assertThrows(EcsException.class, () -> retrier.call(START.plusSeconds(60), () -> {
      calls[0]++;
      throw refusal;
    }));

    assertSame(refusal, thrown);
    assertEquals(1, calls[0]);
    assertEquals(List.of(), sleeps);
  }

  @Test
  void givesUpRatherThanWaitPastTheDeadline() {
    randomValue = 0.999;
    Instant deadline = START.plusMillis(1000);
    int[] calls = {0};

    EcsException thrown = assertThrows(EcsException.class, () -> retrier.call(deadline, () -> {
      calls[0]++;
      throw failure("Throttling");
    }));

    assertTrue(!now.isAfter(deadline), "never slept past the deadline: " + now);
    assertEquals(3, calls[0], "waits ~200 ms and ~400 ms fit in 1 s, the next ~800 ms does not");
    assertEquals(2, thrown.getSuppressed().length, "the earlier failures travel with the last one");
  }

  @Test
  void stopsAfterTheLastAllowedAttemptEvenWithTimeLeft() {
    int[] calls = {0};
    assertThrows(EcsException.class, () -> retrier.call(START.plusSeconds(3600), () -> {
      calls[0]++;
      throw failure(EcsException.SERVICE_UNAVAILABLE);
    }));
    assertEquals(6, calls[0]);
    assertEquals(5, sleeps.size());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 10, 40})
  void jitterStaysWithinHalfToAllOfTheCappedStep(int failures) {
    long step = Math.min(200L << Math.min(failures - 1, 20), 3000L);
    for (double r : new double[] {0.0, 0.25, 0.5, 0.999999, 1.0}) {
      randomValue = r;
      long wait = retrier.delayAfter(failures).toMillis();
      assertTrue(wait >= step / 2 && wait <= step, failures + " failures, r=" + r + ": " + wait + " ms");
    }
  }

  @Test
  void anInterruptedWaitEndsTheRetriesAndKeepsTheInterrupt() {
    Retrier interrupted = new Retrier(clock, d -> {
      throw new InterruptedException();
    }, () -> 0.5, Duration.ofMillis(200), Duration.ofSeconds(3), 6);
    int[] calls = {0};

    assertThrows(EcsException.class, () -> interrupted.call(START.plusSeconds(60), () -> {
      calls[0]++;
      throw failure("Throttling");
    }));

    assertEquals(1, calls[0]);
    assertTrue(Thread.currentThread().isInterrupted());
  }

  private static EcsException failure(String code) {
    return new EcsException("StartInstances", code, "test", "REQ-" + code, 400);
  }
}
