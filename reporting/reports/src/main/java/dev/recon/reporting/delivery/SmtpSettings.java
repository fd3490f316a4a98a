package dev.recon.reporting.delivery;

import java.util.Objects;

/**
 * How to reach the mail server that sends reports.
 *
 * @param startTls require STARTTLS before anything is sent (true for every real server)
 * @param username empty for a server without authentication (a local relay)
 */
public record SmtpSettings(
    String host, int port, boolean startTls, String username, String password, String from) {

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be 1-65535: " + port);
    }
  }

  @Override
  public String toString() {
    return "SmtpSettings["
        + host
        + ":"
        + port
        + ", startTls="
        + startTls
        + ", user="
        + username
        + ", from="
        + from
        + "]";
  }
}
