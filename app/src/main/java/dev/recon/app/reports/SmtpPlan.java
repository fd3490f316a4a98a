package dev.recon.app.reports;

import dev.recon.ingestion.secret.SecretReference;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.reporting.delivery.SmtpSettings;
import java.util.Objects;

/**
 * The mail server of {@code reports.smtp}, with the password as a reference: it is resolved for
 * every delivery, so a rotated password is picked up without a restart.
 *
 * @param password null for a server without authentication
 */
public record SmtpPlan(
    String host,
    int port,
    boolean startTls,
    String username,
    SecretReference password,
    String from) {

  public SmtpPlan {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    username = Objects.requireNonNullElse(username, "");
  }

  /** The settings with the password as it is now. */
  public SmtpSettings settings(SecretResolver secrets) {
    String secret = password == null ? "" : secrets.resolve(password).reveal();
    return new SmtpSettings(host, port, startTls, username, secret, from);
  }
}
