package chatops.local.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.exceptions.ClientException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator's own controls: where it listens, what it accepts as seeds, what it keeps quiet. */
class EcsEmulatorTest {
  private Fixture fx;

  @BeforeEach
  void start() throws IOException {
    fx = new Fixture();
  }

  @AfterEach
  void stop() throws IOException {
    fx.emulator.close();
  }

  @Test
  void listensOnLoopbackOnAnEphemeralPort() {
    assertEquals("127.0.0.1:" + fx.emulator.port(), fx.emulator.endpoint());
    assertEquals("http://127.0.0.1:" + fx.emulator.port() + "/", fx.emulator.url());
    assertTrue(fx.emulator.port() > 0);
  }

  @Test
  void seedsMustLookLikeRealIdentifiers() {
    assertThrows(IllegalArgumentException.class, () -> EcsInstance.builder("web1", "cn-hangzhou"));
    assertThrows(IllegalArgumentException.class, () -> EcsInstance.builder("i-WEB1", "cn-hangzhou"));
    assertThrows(IllegalArgumentException.class, () -> EcsInstance.builder("i-web1", "hangzhou"));
    assertThrows(
        IllegalArgumentException.class,
        () -> EcsInstance.builder("i-web1", "cn-hangzhou").zoneId("cn-shanghai-a"));
  }

  @Test
  void anInstanceCanBeSeededOnce() {
    fx.seed("i-web1", InstanceStatus.RUNNING);

    assertThrows(IllegalArgumentException.class, () -> fx.seed("i-web1", InstanceStatus.STOPPED));
  }

  @Test
  void seedingInAPrivateRegionMakesTheRegionKnown() throws ClientException {
    fx.emulator.seed(EcsInstance.builder("i-lab1", "xx-lab-1").build());
    var request = Requests.describeInstances();
    request.setSysRegionId("xx-lab-1");

    assertEquals(1, fx.sts.call(request).getTotalCount());
  }

  @Test
  void instancesAreSnapshotsInSeedingOrder() throws ClientException {
    fx.seed("i-b", InstanceStatus.STOPPED);
    fx.seed("i-a", InstanceStatus.STOPPED);
    List<EcsInstance> before = fx.emulator.instances();

    fx.sts.call(Requests.startInstance("i-b"));

    assertEquals(List.of("i-b", "i-a"), List.of(before.get(0).instanceId(), before.get(1).instanceId()));
    assertEquals(InstanceStatus.STOPPED, before.get(0).status());
    assertEquals(InstanceStatus.STARTING, fx.statusOf("i-b"));
    assertTrue(fx.emulator.instance("i-nosuch").isEmpty());
  }

  @Test
  void keysCannotBeAddedTwiceOrEmpty() {
    assertThrows(
        IllegalArgumentException.class, () -> fx.emulator.addAccessKey(Fixture.PLAIN_KEY, "other"));
    assertThrows(IllegalArgumentException.class, () -> fx.emulator.addAccessKey("LTAIempty", ""));
  }

  /** MockWebServer logs each request line at FINE; a verbose logging setup must not reveal them. */
  @Test
  void theServerNeverLogsRequestLinesWithSignaturesOrTokens() throws ClientException {
    List<String> messages = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            messages.add(String.valueOf(record.getMessage()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    Level rootLevel = root.getLevel();
    Logger serverLog = Logger.getLogger(MockWebServer.class.getName());
    root.setLevel(Level.ALL);
    serverLog.addHandler(capture);
    try {
      fx.sts.call(Requests.describeInstances());
    } finally {
      serverLog.removeHandler(capture);
      root.setLevel(rootLevel);
    }

    for (String message : messages) {
      assertFalse(message.contains(Fixture.STS_TOKEN));
      assertFalse(message.contains("Signature="));
    }
  }

  @Test
  void concurrentStartsOfOneInstanceLetExactlyOneThrough() throws Exception {
    fx.seed("i-contested", InstanceStatus.STOPPED);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<String>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        outcomes.add(
            pool.submit(
                () -> {
                  try {
                    fx.sts.call(Requests.startInstance("i-contested"));
                    return "started";
                  } catch (ClientException e) {
                    return e.getErrCode();
                  }
                }));
      }
      Map<String, Integer> counts = new TreeMap<>();
      for (Future<String> outcome : outcomes) {
        counts.merge(outcome.get(), 1, Integer::sum);
      }
      assertEquals(Map.of("IncorrectInstanceStatus", 7, "started", 1), counts);
    } finally {
      pool.shutdownNow();
    }
  }
}
