package chatops.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose connections send every write at once (TCP_NODELAY). MockWebServer writes
 * an answer's head and body separately; with Nagle's algorithm the body waits for the client's
 * delayed ACK, 40 ms on Linux, which made every emulated answer 40 ms late and every latency the
 * local stack reports wrong by as much. {@link LoopbackServer} hands this to
 * {@code MockWebServer.setServerSocketFactory}.
 */
final class NoDelaySockets extends ServerSocketFactory {
  private static final NoDelaySockets INSTANCE = new NoDelaySockets();

  private NoDelaySockets() {}

  static ServerSocketFactory factory() {
    return INSTANCE;
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new ServerSocket() {
      @Override
      public Socket accept() throws IOException {
        Socket socket = super.accept();
        socket.setTcpNoDelay(true);
        return socket;
      }
    };
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    return bound(new InetSocketAddress(port), 50);
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    return bound(new InetSocketAddress(port), backlog);
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
    return bound(new InetSocketAddress(address, port), backlog);
  }

  private ServerSocket bound(InetSocketAddress address, int backlog) throws IOException {
    ServerSocket socket = createServerSocket();
    socket.bind(address, backlog);
    return socket;
  }
}
