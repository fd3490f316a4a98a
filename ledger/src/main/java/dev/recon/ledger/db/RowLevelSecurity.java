package dev.recon.ledger.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The guard every tenant-scoped reader and writer runs first: a superuser or BYPASSRLS role would
 * read and write across tenants, so work through one is refused instead of trusted.
 */
public final class RowLevelSecurity {

  private static final String BYPASSES =
      "select rolsuper or rolbypassrls from pg_catalog.pg_roles where rolname = current_user";

  private RowLevelSecurity() {}

  /**
   * @param what what must go through the application role, for the message (e.g. "the ledger")
   * @throws IllegalStateException when the connection's role is not subject to row-level security
   */
  public static void requireApplies(Connection c, String what) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(BYPASSES);
        ResultSet r = s.executeQuery()) {
      if (!r.next() || r.getBoolean(1)) {
        throw new IllegalStateException(
            what
                + " must be accessed through a login of the application role, not a role that"
                + " bypasses row-level security");
      }
    }
  }
}
