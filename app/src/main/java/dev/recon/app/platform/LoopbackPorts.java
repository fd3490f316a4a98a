package dev.recon.app.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports on 127.0.0.1, for servers that must know their port before they bind it. */
final class LoopbackPorts {
  /** The only address embedded servers bind: never reachable from another machine. */
  static final String HOST = "127.0.0.1";

  private static final int BACKLOG = 1;

  private LoopbackPorts() {}

  /** {@value #HOST} as an address, without a name lookup. */
  static InetAddress address() throws IOException {
    return InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1});
  }

  /** Whether nothing listens on {@code port} at {@value #HOST} right now. */
  static boolean canBind(int port) {
    try (ServerSocket socket = new ServerSocket(port, BACKLOG, address())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Returns {@code count} distinct ports that were free a moment ago. All sockets are held open
   * together so the ports differ; they are released on return, so callers retry on a bind failure.
   */
  static List<Integer> free(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>(count);
    try {
      List<Integer> ports = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, BACKLOG, address());
        sockets.add(socket);
        ports.add(socket.getLocalPort());
      }
      return List.copyOf(ports);
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }
}
