package dev.recon.ledger.db;

import dev.recon.schemas.JournalEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Drives {@link StagedAppend} directly, bypassing the writer's own checks, in one transaction. */
final class StagedAppendProbe {

  private StagedAppendProbe() {}

  static StagedAppend.Appended append(DataSource app, String tenant, List<JournalEntry> entries)
      throws SQLException {
    try (Connection c = app.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement s =
            c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
          s.setString(1, tenant);
          s.execute();
        }
        StagedAppend.Appended appended = StagedAppend.append(c, tenant, entries, true);
        c.commit();
        return appended;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }
}
