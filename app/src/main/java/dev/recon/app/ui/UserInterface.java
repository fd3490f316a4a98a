package dev.recon.app.ui;

import com.zaxxer.hikari.HikariDataSource;
import dev.recon.app.connectors.AppRolePool;
import dev.recon.app.pipeline.DecisionPublisher;
import dev.recon.app.platform.DatabaseEndpoints;
import dev.recon.app.platform.Platform;
import dev.recon.reporting.access.DemoCredential;
import dev.recon.reporting.access.DemoUsers;
import dev.recon.reporting.access.PasswordPolicy;
import dev.recon.reporting.access.TotpKeyring;
import dev.recon.reporting.access.Users;
import dev.recon.reporting.web.WebServer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web UI and its HTTP API as part of a running platform: served on 127.0.0.1, reading the
 * ledger, casework and access schemas through a pool of application-role connections (row-level
 * security applies to every page), and publishing the decisions users take to {@code
 * recon.decisions} for the matching job.
 */
public final class UserInterface implements AutoCloseable {
  public static final String HOST = "127.0.0.1";

  private static final Logger LOG = LoggerFactory.getLogger(UserInterface.class);

  private final HikariDataSource pool;
  private final DecisionPublisher decisions;
  private final WebServer web;
  private final Users users;

  private UserInterface(
      HikariDataSource pool, DecisionPublisher decisions, WebServer web, Users users) {
    this.pool = pool;
    this.decisions = decisions;
    this.web = web;
    this.users = users;
  }

  /** With the TOTP key generated into the data folder (development). */
  public static UserInterface start(Platform p, int port, Clock clock) {
    return start(p, port, clock, Optional.empty());
  }

  /**
   * @param totpKeys the configured keys that seal TOTP secrets ({@link
   *     dev.recon.app.platform.ConfigResolution#totpKeys()}); empty: a key kept in the data folder
   */
  public static UserInterface start(
      Platform p, int port, Clock clock, Optional<TotpKeyring> totpKeys) {
    TotpKeyring keyring = TotpKeys.of(totpKeys, p);
    DatabaseEndpoints db = p.database();
    HikariDataSource pool = AppRolePool.open(db.appUrl(), db.appUser(), db.appPassword());
    DecisionPublisher decisions = null;
    try {
      Users users = new Users(pool, clock, PasswordPolicy.standard(), keyring);
      Users.TotpRewrap rewrap = users.rewrapTotpSecrets();
      if (!rewrap.equals(new Users.TotpRewrap(0, 0, 0))) {
        LOG.info(
            "TOTP secrets: {} sealed from clear, {} re-sealed with the current key {}, {} that no"
                + " configured key opens",
            rewrap.sealedFromClear(),
            rewrap.resealed(),
            keyring.current().id(),
            rewrap.unopenable());
      }
      decisions = new DecisionPublisher(p.kafka());
      WebServer web = new WebServer(HOST, port, pool, clock, keyring, decisions).start();
      return new UserInterface(pool, decisions, web, users);
    } catch (RuntimeException e) {
      if (decisions != null) {
        decisions.close();
      }
      pool.close();
      throw e;
    }
  }

  public int port() {
    return web.port();
  }

  public String url() {
    return "http://localhost:" + port() + "/";
  }

  /**
   * One user per role (viewer, analyst, approver, admin) for {@code tenant}, with a fresh password
   * and TOTP secret each time: for the demo only, where they are printed.
   */
  public List<DemoCredential> demoUsers(String tenant) {
    return new DemoUsers(users).create(tenant);
  }

  @Override
  public void close() {
    web.close();
    decisions.close();
    pool.close();
  }
}
