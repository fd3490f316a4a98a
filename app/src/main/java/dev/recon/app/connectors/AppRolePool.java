package dev.recon.app.connectors;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/**
 * A small pool of application-login connections for the connectors: each webhook and each poll step
 * is a short transaction, and opening a SCRAM-authenticated connection for each costs more than the
 * work itself.
 */
public final class AppRolePool {

  public static final int MAX_CONNECTIONS = 8;
  public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);

  private AppRolePool() {}

  public static HikariDataSource open(String jdbcUrl, String user, String password) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(jdbcUrl);
    c.setUsername(user);
    c.setPassword(password);
    c.setMaximumPoolSize(MAX_CONNECTIONS);
    c.setMinimumIdle(1);
    c.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    c.setPoolName("recon-connectors");
    return new HikariDataSource(c);
  }
}
