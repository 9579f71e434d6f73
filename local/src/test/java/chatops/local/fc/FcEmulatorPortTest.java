package chatops.local.fc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FcEmulatorPortTest {
  @Test
  void listensOnTheFixedPortItIsGiven() throws IOException {
    int free;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      free = probe.getLocalPort();
    }
    try (FcEmulator fc = FcEmulator.builder().port(free).start()) {
      assertEquals(free, fc.port());
      assertTrue(fc.endpoint().endsWith(":" + free), fc.endpoint());
    }
  }

  @Test
  void refusesImpossiblePortsAndWorkerCounts() {
    assertThrows(IllegalArgumentException.class, () -> FcEmulator.builder().port(70000));
    assertThrows(IllegalArgumentException.class, () -> FcEmulator.builder().asyncWorkers(0));
  }
}
