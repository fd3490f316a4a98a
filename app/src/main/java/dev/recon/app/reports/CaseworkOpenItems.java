package dev.recon.app.reports;

import dev.recon.ledger.db.RowLevelSecurity;
import dev.recon.reporting.monthend.OpenItem;
import dev.recon.reporting.monthend.OpenItems;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The month-end pack's open items from the casework store: exceptions raised by the cut-off and not
 * resolved by then (a break resolved after month end was still open at it), read as the application
 * role with the tenant set, so row-level security applies.
 */
public final class CaseworkOpenItems implements OpenItems {
  private static final String SQL =
      "select exception_id, reason, record_kind, record_id, amount_minor, currency, record_time,"
          + " assignee from casework.exceptions"
          + " where detected_at <= ? and (resolved_at is null or resolved_at > ?)"
          + " order by record_time, exception_id limit ?";

  private final DataSource app;

  public CaseworkOpenItems(DataSource appDataSource) {
    this.app = appDataSource;
  }

  @Override
  public List<OpenItem> openAt(String tenant, Instant at, int limit) {
    try (Connection c = app.getConnection()) {
      c.setAutoCommit(false);
      RowLevelSecurity.enterTenant(c, tenant);
      List<OpenItem> items = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement(SQL)) {
        q.setTimestamp(1, Timestamp.from(at));
        q.setTimestamp(2, Timestamp.from(at));
        q.setInt(3, limit);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            items.add(
                new OpenItem(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getLong(5),
                    rs.getString(6),
                    rs.getTimestamp(7).toInstant(),
                    rs.getString(8)));
          }
        }
      }
      c.commit();
      return items;
    } catch (SQLException e) {
      throw new IllegalStateException("open items of " + tenant + " could not be read", e);
    }
  }
}
