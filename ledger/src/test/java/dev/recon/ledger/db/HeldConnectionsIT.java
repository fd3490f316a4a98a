package dev.recon.ledger.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ledger.posting.AdyenLikeCycle;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Posting;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class HeldConnectionsIT {

  @TempDir static Path dir;
  static EmbeddedLedger db;

  @BeforeAll
  static void start() throws Exception {
    db = EmbeddedLedger.start(dir.resolve("pg"));
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  private static int backendPid(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static long appBackends() throws SQLException {
    try (Connection c = db.owner().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from pg_stat_activity where usename = '"
                    + EmbeddedLedger.APP_LOGIN
                    + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aConnectionGivenBackCleanIsHandedOutAgainAndClosingClosesTheIdleOnes() throws SQLException {
    HeldConnections held = new HeldConnections(db.app(), 1);
    int first;
    try (Connection c = held.getConnection()) {
      first = backendPid(c);
    }
    try (Connection c = held.getConnection()) {
      assertThat(backendPid(c)).isEqualTo(first);
    }
    held.close();
    assertThat(appBackends()).isZero();
    assertThatThrownBy(held::getConnection).isInstanceOf(SQLException.class);
  }

  @Test
  void aConnectionGivenBackInsideATransactionIsClosedAndItsWorkRolledBack() throws SQLException {
    try (HeldConnections held = new HeldConnections(db.app(), 2)) {
      Connection c = held.getConnection();
      int pid = backendPid(c);
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("select set_config('app.tenant_id', 'held-open', true)");
        s.execute(
            "insert into ledger.accounts (tenant_id, account, account_type, normal_balance)"
                + " values ('held-open', 'suspense', 'LIABILITY', 'CREDIT')");
      }
      c.close();
      assertThat(c.isClosed()).isTrue();
      assertThatThrownBy(c::createStatement)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("given back");
      try (Connection next = held.getConnection()) {
        assertThat(backendPid(next)).isNotEqualTo(pid);
      }
    }
    try (Connection c = db.owner().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select count(*) from ledger.accounts where tenant_id = 'held-open'")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  @Test
  void keepsNoMoreThanItsLimit() throws SQLException {
    try (HeldConnections held = new HeldConnections(db.app(), 1)) {
      Connection a = held.getConnection();
      Connection b = held.getConnection();
      assertThat(backendPid(a)).isNotEqualTo(backendPid(b));
      a.close();
      b.close();
      assertThat(appBackends()).isEqualTo(1);
    }
    assertThat(appBackends()).isZero();
    assertThatThrownBy(() -> new HeldConnections(db.app(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aWriterOverHeldConnectionsWritesReplaysAndSurvivesARejectedBatch() throws SQLException {
    Instant captured = Instant.parse("2024-07-10T09:00:00Z");
    List<JournalEntry> batch = new ArrayList<>();
    for (String tenant : List.of("held-a", "held-b", "held-c")) {
      batch.addAll(AdyenLikeCycle.entries(tenant, "H1", captured));
    }
    try (HeldConnections held = new HeldConnections(db.app(), LedgerWriter.TENANT_PARALLELISM)) {
      LedgerWriter writer = new LedgerWriter(held);
      assertThat(writer.write(batch).entriesInserted()).isEqualTo(batch.size());
      // The replay fails its plain insert and is redone skipping present entries, on a kept
      // connection.
      assertThat(writer.write(batch).entriesInserted()).isZero();

      JournalEntry good = AdyenLikeCycle.entries("held-a", "H2", captured).get(0);
      JournalEntry unbalanced =
          JournalEntry.newBuilder(good)
              .setEntryId(good.getEntryId() + "-unbalanced")
              .setPostings(
                  List.of(
                      new Posting("psp_fees", 100L, 0L, "EUR"),
                      new Posting("psp_receivable:adyen", 0L, 99L, "EUR")))
              .build();
      // Past the writer's own check, straight into the stage: the database rejects it, and the
      // connection it used, given back inside its (rolled back) transaction, is not kept.
      assertThatThrownBy(() -> StagedAppendProbe.append(held, "held-a", List.of(unbalanced)))
          .hasMessageContaining("does not balance");
      assertThat(writer.write(List.of(good)).entriesInserted()).isEqualTo(1);
      assertThat(appBackends()).isBetween(1L, (long) LedgerWriter.TENANT_PARALLELISM);
    }
    assertThat(appBackends()).isZero();
    LedgerQueries queries = new LedgerQueries(db.app());
    assertThat(queries.entryCount("held-a")).isEqualTo(6);
    assertThat(queries.unbalancedEntries("held-a")).isEmpty();
  }
}
