package dev.recon.reporting.export;

import dev.recon.ledger.db.RowLevelSecurity;
import dev.recon.ledger.posting.JournalEntryInvariants;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A read-only, repeatable-read transaction of the application role with the tenant set on it
 * ({@code app.tenant_id}, local to the transaction): row-level security confines every query to
 * that tenant, and every dataset of a run sees the same snapshot. A role that bypasses row-level
 * security (superuser, BYPASSRLS, the owner under a NO FORCE table) is refused.
 */
public final class TenantReads implements AutoCloseable {

  /** Rows the driver fetches per round trip, so a large export streams instead of buffering. */
  public static final int FETCH_SIZE = 10_000;

  private final Connection connection;
  private final String tenant;

  private TenantReads(Connection connection, String tenant) {
    this.connection = connection;
    this.tenant = tenant;
  }

  public static TenantReads open(DataSource app, String tenant) throws SQLException {
    Objects.requireNonNull(app, "app");
    requireTenant(tenant);
    Connection c = app.getConnection();
    try {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      RowLevelSecurity.requireApplies(c, "exports");
      RowLevelSecurity.enterTenant(c, tenant);
      return new TenantReads(c, tenant);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  public static String requireTenant(String tenant) {
    if (!JournalEntryInvariants.isTenantId(tenant)) {
      throw new IllegalArgumentException(
          "tenant id must match " + JournalEntryInvariants.TENANT_ID.pattern());
    }
    return tenant;
  }

  public String tenant() {
    return tenant;
  }

  /**
   * Takes a lock named by the key for the rest of the transaction, if no other transaction holds it
   * (PostgreSQL advisory lock: exporters on any machine sharing the database exclude each other).
   *
   * @return false if another transaction holds it
   */
  public boolean tryLock(String key) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "select pg_try_advisory_xact_lock(hashtext('recon-export'), hashtext(?))")) {
      s.setString(1, key);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** A statement whose result streams in pages of {@value #FETCH_SIZE} rows. */
  public PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement s = connection.prepareStatement(sql);
    s.setFetchSize(FETCH_SIZE);
    return s;
  }

  @Override
  public void close() throws SQLException {
    try {
      connection.rollback();
    } finally {
      connection.close();
    }
  }
}
