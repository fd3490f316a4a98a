package dev.recon.reporting.casework;

import dev.recon.ledger.db.EmbeddedLedger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One embedded PostgreSQL per test class, migrated, with the app login; the clock is fixed. */
public abstract class WithDatabase {

  @TempDir static Path dataDirectory;

  protected static EmbeddedLedger db;
  protected static final Clock CLOCK = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);

  @BeforeAll
  static void startDatabase() throws Exception {
    db = EmbeddedLedger.start(dataDirectory, "recon_casework_it", CaseworkDatabase::migrate);
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  protected static DataSource app() {
    return db.app();
  }

  /** Runs one query as the owner (superuser, bypassing row-level security) and returns a long. */
  protected static long ownerLong(String sql) throws SQLException {
    try (Connection c = db.owner().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  protected static void ownerExecute(String sql) throws SQLException {
    try (Connection c = db.owner().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
