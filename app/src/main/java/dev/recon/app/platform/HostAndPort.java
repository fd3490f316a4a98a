package dev.recon.app.platform;

import java.util.Optional;

/** A server address as {@code host:port}. */
public record HostAndPort(String host, int port) {
  static final int MAX_PORT = 65_535;
  private static final int MAX_HOST_LENGTH = 253;

  public HostAndPort {
    if (!validHost(host) || port < 1 || port > MAX_PORT) {
      throw new IllegalArgumentException("Not a host and port: " + host + ":" + port);
    }
  }

  /** Parses {@code host:port}; IPv6 literals go in brackets, {@code [::1]:9092}. */
  public static Optional<HostAndPort> parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      return Optional.empty();
    }
    String host = text.substring(0, colon);
    String port = text.substring(colon + 1);
    if (!port.chars().allMatch(c -> c >= '0' && c <= '9') || port.length() > 5) {
      return Optional.empty();
    }
    int number = Integer.parseInt(port);
    if (!validHost(host) || number < 1 || number > MAX_PORT) {
      return Optional.empty();
    }
    return Optional.of(new HostAndPort(host, number));
  }

  private static boolean validHost(String host) {
    if (host == null || host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
      return false;
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      return host.length() > 2
          && host.substring(1, host.length() - 1)
              .chars()
              .allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
    }
    return host.chars()
        .allMatch(
            c ->
                (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_');
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
