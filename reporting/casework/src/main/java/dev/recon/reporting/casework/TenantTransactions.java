package dev.recon.reporting.casework;

import dev.recon.ledger.db.RowLevelSecurity;
import dev.recon.ledger.posting.JournalEntryInvariants;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs work in one transaction whose tenant is set on the connection ({@code app.tenant_id}, local
 * to the transaction, so a pooled connection never carries it on). Row-level security filters and
 * checks every row by it. Refuses to work through a role that bypasses row-level security.
 */
public final class TenantTransactions {

  /** Work done on the transaction's connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource appDataSource;
  private volatile boolean roleChecked;

  /**
   * @param appDataSource connects as a login of the application role {@code recon_app}
   */
  public TenantTransactions(DataSource appDataSource) {
    this.appDataSource = Objects.requireNonNull(appDataSource, "appDataSource");
  }

  public static String requireTenantId(String tenantId) {
    if (!JournalEntryInvariants.isTenantId(tenantId)) {
      throw new IllegalArgumentException(
          "tenant id must match " + JournalEntryInvariants.TENANT_ID.pattern());
    }
    return tenantId;
  }

  public <T> T inTenant(String tenantId, Work<T> work) {
    requireTenantId(tenantId);
    try (Connection c = appDataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        requireRowLevelSecurityApplies(c);
        RowLevelSecurity.enterTenant(c, tenantId);
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new CaseworkStorageException("casework transaction of tenant " + tenantId, e);
    }
  }

  private void requireRowLevelSecurityApplies(Connection c) throws SQLException {
    if (roleChecked) {
      return;
    }
    RowLevelSecurity.requireApplies(c, "casework");
    roleChecked = true;
  }
}
