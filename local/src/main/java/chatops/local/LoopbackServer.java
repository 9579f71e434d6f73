package chatops.local;

import java.io.IOException;
import java.net.InetAddress;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockWebServer;

/**
 * A MockWebServer the way every emulator runs one: on 127.0.0.1 only, with {@link NoDelaySockets},
 * and with MockWebServer's own logging held at WARNING, because it logs every request line at FINE
 * and a request line can carry a signature, an STS token or a response URL.
 */
public final class LoopbackServer {
  /** Held in a field because JUL forgets the level of a logger nobody references. */
  private static final Logger SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

  private final MockWebServer server = new MockWebServer();
  /**
   * Read once at start: MockWebServer.getPort() takes the server's monitor, which shutdown() holds
   * while it waits for connection threads, so a dispatcher asking for the port then would stall it.
   */
  private volatile int port;

  public LoopbackServer(Dispatcher dispatcher) {
    server.setDispatcher(dispatcher);
  }

  /** Listens on 127.0.0.1 at {@code requestedPort}; 0 picks a free one. */
  public void start(int requestedPort) throws IOException {
    SERVER_LOG.setLevel(Level.WARNING);
    server.setServerSocketFactory(NoDelaySockets.factory());
    server.start(InetAddress.getByName("127.0.0.1"), requestedPort);
    port = server.getPort();
  }

  /** The port it listens on; 0 before {@link #start}. */
  public int port() {
    return port;
  }

  public void shutdown() throws IOException {
    server.shutdown();
  }
}
