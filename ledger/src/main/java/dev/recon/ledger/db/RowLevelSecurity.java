package dev.recon.ledger.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How tenant-scoped work enters its tenant: the guard every reader and writer runs first (a
 * superuser or BYPASSRLS role would read and write across tenants, so work through one is refused
 * instead of trusted), and the tenant every row-level-security policy compares with.
 */
public final class RowLevelSecurity {

  /** The setting every policy reads; unset, a connection sees no tenant's rows. */
  public static final String TENANT_SETTING = "app.tenant_id";

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

  /**
   * Sets the tenant for the rest of the current transaction only, so a pooled connection never
   * carries it into the next one. Call with auto-commit off.
   */
  public static void enterTenant(Connection c, String tenant) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select set_config(?, ?, true)")) {
      s.setString(1, TENANT_SETTING);
      s.setString(2, tenant);
      s.execute();
    }
  }
}
