package dev.recon.app.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.TreeSet;

/** What a stopped server must leave behind: free ports and no threads of its own. */
final class LoopbackChecks {
  private LoopbackChecks() {}

  /** Whether {@code port} on 127.0.0.1 can be bound again, i.e. nothing listens on it. */
  static boolean canBind(int port) {
    try (ServerSocket socket =
        new ServerSocket(port, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
      return socket.getLocalPort() == port;
    } catch (IOException e) {
      return false;
    }
  }

  /** Names (with ids) of the live threads that would keep the JVM from exiting. */
  static Set<String> nonDaemonThreads() {
    Set<String> names = new TreeSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.isAlive() && !thread.isDaemon()) {
        names.add(thread.getName() + "#" + thread.getId());
      }
    }
    return names;
  }

  /** Port of a {@code host:port} address. */
  static int port(String hostAndPort) {
    return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
  }
}
