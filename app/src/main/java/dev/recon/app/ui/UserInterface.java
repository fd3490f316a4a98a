package dev.recon.app.ui;

import com.zaxxer.hikari.HikariDataSource;
import dev.recon.app.connectors.AppRolePool;
import dev.recon.app.pipeline.DecisionPublisher;
import dev.recon.app.platform.DatabaseEndpoints;
import dev.recon.app.platform.Platform;
import dev.recon.reporting.access.DemoCredential;
import dev.recon.reporting.access.DemoUsers;
import dev.recon.reporting.access.PasswordPolicy;
import dev.recon.reporting.access.Users;
import dev.recon.reporting.web.WebServer;
import java.time.Clock;
import java.util.List;

/**
 * The web UI and its HTTP API as part of a running platform: served on 127.0.0.1, reading the
 * ledger, casework and access schemas through a pool of application-role connections (row-level
 * security applies to every page), and publishing the decisions users take to {@code
 * recon.decisions} for the matching job.
 */
public final class UserInterface implements AutoCloseable {
  public static final String HOST = "127.0.0.1";

  private final HikariDataSource pool;
  private final DecisionPublisher decisions;
  private final WebServer web;
  private final Clock clock;

  private UserInterface(
      HikariDataSource pool, DecisionPublisher decisions, WebServer web, Clock clock) {
    this.pool = pool;
    this.decisions = decisions;
    this.web = web;
    this.clock = clock;
  }

  public static UserInterface start(Platform p, int port, Clock clock) {
    DatabaseEndpoints db = p.database();
    HikariDataSource pool = AppRolePool.open(db.appUrl(), db.appUser(), db.appPassword());
    DecisionPublisher decisions = null;
    try {
      decisions = new DecisionPublisher(p.kafka());
      WebServer web = new WebServer(HOST, port, pool, clock, decisions).start();
      return new UserInterface(pool, decisions, web, clock);
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
    return new DemoUsers(new Users(pool, clock, PasswordPolicy.standard())).create(tenant);
  }

  @Override
  public void close() {
    web.close();
    decisions.close();
    pool.close();
  }
}
