package dev.recon.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ledger.db.EmbeddedLedger;
import dev.recon.ledger.db.LedgerQueries;
import dev.recon.ledger.db.TrialBalanceLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

@Timeout(1800)
class LedgerBenchmarkIT {

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

  @Test
  void writesEveryPostingBothWaysAndDropsItsTable() throws SQLException {
    StringWriter text = new StringWriter();
    BenchResult result = LedgerBenchmark.run(db.owner(), db.app(), 20_000, new PrintWriter(text));

    assertThat(result.ledgerPostingsWritten()).isEqualTo(20_000);
    assertThat(result.ledgerPostingsCounted()).isEqualTo(20_000);
    assertThat(result.rawRowsCopied()).isEqualTo(20_000);
    assertThat(result.tenants()).hasSize(2).allMatch(t -> t.startsWith("bench-"));
    assertThat(text.toString()).contains("postings/s").contains("ratio");

    LedgerQueries queries = new LedgerQueries(db.app());
    for (String tenant : result.tenants()) {
      assertThat(queries.entryCount(tenant)).isEqualTo(5_000);
      assertThat(queries.unbalancedEntries(tenant)).isEmpty();
      assertThat(queries.trialBalance(tenant))
          .hasSize(2)
          .extracting(TrialBalanceLine::balanceMinor)
          .doesNotContain(0L)
          .satisfies(b -> assertThat(b.stream().mapToLong(Long::longValue).sum()).isZero());
    }
    try (Connection c = db.owner().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from pg_namespace where nspname = '"
                    + LedgerBenchmark.RAW_SCHEMA
                    + "'")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
    try (Connection c = db.owner().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(distinct date_trunc('month', booked_at at time zone 'UTC'))"
                    + " from ledger.journal_entries where tenant_id like 'bench-%'")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(LedgerBenchmark.MONTHS);
    }
  }

  @Test
  void refusesSizesOutsideItsLimits() {
    PrintWriter out = new PrintWriter(new StringWriter());
    assertThatThrownBy(() -> LedgerBenchmark.run(db.owner(), db.app(), 3, out))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LedgerBenchmark.run(db.owner(), db.app(), 0, out))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> LedgerBenchmark.run(db.owner(), db.app(), LedgerBenchmark.MAX_POSTINGS + 2, out))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The full-size run: {@code -Dledger.bench.postings=1000000}. Prints figures, asserts counts. */
  @Test
  @EnabledIfSystemProperty(named = "ledger.bench.postings", matches = "\\d+")
  void fullSizeRun() {
    int postings = Integer.parseInt(System.getProperty("ledger.bench.postings"));
    PrintWriter out = new PrintWriter(System.out, true);
    BenchResult result = LedgerBenchmark.run(db.owner(), db.app(), postings, out);
    assertThat(result.ledgerPostingsCounted()).isEqualTo(postings);
    assertThat(result.rawRowsCopied()).isEqualTo(postings);
  }
}
