package dev.recon.reporting.export;

import static dev.recon.reporting.export.Bookings.capture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ledger.db.EmbeddedLedger;
import dev.recon.ledger.db.LedgerWriter;
import dev.recon.reporting.export.LedgerExport.Dataset;
import dev.recon.reporting.export.destination.FolderTarget;
import dev.recon.schemas.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class LedgerExportIT {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-01T00:00:00Z"), ZoneOffset.UTC);
  static final ExportLimits SMALL_FILES = new ExportLimits(2, 1_000_000, 1L << 30, Duration.ZERO);

  @TempDir static Path dir;
  static EmbeddedLedger db;
  static LedgerWriter writer;

  @BeforeAll
  static void start() throws Exception {
    db = EmbeddedLedger.start(dir.resolve("pg"), "recon_export_it", owner -> {});
    writer = new LedgerWriter(db.app());
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @Test
  void exportsParquetAndCsvThatDuckDbReadsWithTheLedgersTotals(@TempDir Path out) throws Exception {
    String tenant = "x-acme";
    Instant day1 = Instant.parse("2024-05-01T10:00:00Z");
    Instant day2 = Instant.parse("2024-05-02T23:59:59Z");
    writer.write(
        List.of(
            capture(tenant, "e1", day1, 1_000, "EUR"),
            capture(tenant, "e2", day1, 250, "USD"),
            capture(tenant, "e3", day1, 70, "EUR"),
            capture(tenant, "e4", day2, 5_000, "JPY")));
    writer.write(List.of(capture("x-other", "o1", day1, 999_999, "EUR")));

    FolderTarget target = new FolderTarget(out);
    ExportRun run =
        new LedgerExport(db.app(), CLOCK, SMALL_FILES)
            .run(tenant, EnumSet.allOf(Dataset.class), EnumSet.allOf(ExportFormat.class), target);

    assertThat(run.unchanged()).isEmpty();
    ExportManifest postings = manifest(run, "postings");
    assertThat(postings.rows()).isEqualTo(8);
    assertThat(postings.rows(ExportFormat.PARQUET)).isEqualTo(8);
    assertThat(postings.rows(ExportFormat.CSV)).isEqualTo(8);
    assertThat(postings.run()).isEqualTo(1);
    assertThat(postings.complete()).isTrue();
    assertThat(postings.exportedAt()).isEqualTo(CLOCK.instant());
    assertThat(postings.after()).isEqualTo(Watermark.ORIGIN);
    // The four entries were written in one transaction: one insertion time, ties broken by id.
    assertThat(postings.watermark().id()).isEqualTo("e4");
    // 6 postings on day 1 at 2 rows per file: 3 parts; 2 on day 2: 1 part; per format.
    assertThat(postings.files()).hasSize(8);
    assertThat(postings.files())
        .extracting(ManifestFile::path)
        .contains(
            "postings/tenant=x-acme/date=2024-05-01/part-00000001-00000.parquet",
            "postings/tenant=x-acme/date=2024-05-01/part-00000001-00002.csv",
            "postings/tenant=x-acme/date=2024-05-02/part-00000001-00000.parquet");
    for (ManifestFile f : postings.files()) {
      Path file = out.resolve(f.path());
      assertThat(Files.size(file)).isEqualTo(f.bytes());
      assertThat(Sha256.of(file)).isEqualTo(f.sha256());
    }
    assertThat(manifest(run, "journal_entries").rows()).isEqualTo(4);
    assertThat(out.resolve("postings/_manifests/tenant=x-acme/run-00000001.json")).exists();
    assertThat(DatasetExporter.latest(target, "postings", tenant)).contains(postings);

    Map<String, long[]> fromLedger = ledgerTotals(tenant);
    Map<String, long[]> fromParquet =
        duckTotals("read_parquet('" + out + "/postings/*/*/*.parquet', hive_partitioning = true)");
    assertThat(fromParquet).usingRecursiveComparison().isEqualTo(fromLedger);
    assertThat(fromParquet.keySet()).containsExactly("EUR", "JPY", "USD");
    Map<String, long[]> fromCsv =
        duckTotals(
            "read_csv('" + out + "/postings/*/*/*.csv', hive_partitioning = true, header = true)");
    assertThat(fromCsv).usingRecursiveComparison().isEqualTo(fromLedger);

    // Partitions are columns for readers; nothing of the other tenant is there.
    assertThat(
            duckStrings(
                "select distinct tenant || '|' || cast(date as varchar) from read_parquet('"
                    + out
                    + "/postings/*/*/*.parquet', hive_partitioning = true) order by 1"))
        .containsExactly("x-acme|2024-05-01", "x-acme|2024-05-02");
    assertThat(
            duckStrings(
                "select distinct entry_id from read_parquet('"
                    + out
                    + "/journal_entries/*/*/*.parquet') order by 1"))
        .containsExactly("e1", "e2", "e3", "e4");
    assertThat(
            duckStrings(
                "select cast(booked_at as varchar) from read_parquet('"
                    + out
                    + "/journal_entries/*/*/*.parquet') where entry_id = 'e4'"))
        .singleElement()
        .asString()
        .startsWith("2024-05-02 23:59:59");
  }

  @Test
  void aSecondRunExportsOnlyNewRowsAndARunWithNothingNewWritesNothing(@TempDir Path out)
      throws Exception {
    String tenant = "x-incr";
    LedgerExport export = new LedgerExport(db.app(), CLOCK, SMALL_FILES);
    FolderTarget target = new FolderTarget(out);
    var postingsOnly = EnumSet.of(Dataset.POSTINGS);
    var parquet = EnumSet.of(ExportFormat.PARQUET);

    writer.write(List.of(capture(tenant, "a1", Instant.parse("2024-06-03T08:00:00Z"), 100, "EUR")));
    ExportManifest first = export.run(tenant, postingsOnly, parquet, target).written().get(0);
    assertThat(first.rows()).isEqualTo(2);

    List<Path> before = files(out);
    ExportRun nothing = export.run(tenant, postingsOnly, parquet, target);
    assertThat(nothing.written()).isEmpty();
    assertThat(nothing.unchanged()).containsExactly("postings");
    assertThat(files(out)).isEqualTo(before);

    // A late booking into an earlier day is new all the same: the keyset is insertion order.
    writer.write(
        List.of(
            capture(tenant, "a2", Instant.parse("2024-06-01T08:00:00Z"), 40, "EUR"),
            capture(tenant, "a3", Instant.parse("2024-06-03T09:00:00Z"), 7, "USD")));
    ExportManifest second = export.run(tenant, postingsOnly, parquet, target).written().get(0);
    assertThat(second.run()).isEqualTo(2);
    assertThat(second.after()).isEqualTo(first.watermark());
    assertThat(second.rows()).isEqualTo(4);
    assertThat(
            duckStrings(
                "select distinct entry_id from read_parquet('"
                    + out
                    + "/postings/*/*/part-00000002-*.parquet') order by 1"))
        .containsExactly("a2", "a3");
    assertThat(duckTotals("read_parquet('" + out + "/postings/*/*/*.parquet')"))
        .usingRecursiveComparison()
        .isEqualTo(ledgerTotals(tenant));
  }

  @Test
  void theRowLimitStopsBetweenEntriesAndTheNextRunContinues(@TempDir Path out) throws Exception {
    String tenant = "x-limit";
    Instant at = Instant.parse("2024-06-05T08:00:00Z");
    List<JournalEntry> entries = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      entries.add(capture(tenant, "l" + i, at, 10 + i, "EUR"));
    }
    writer.write(entries);
    LedgerExport export =
        new LedgerExport(db.app(), CLOCK, new ExportLimits(10, 3, 1L << 30, Duration.ZERO));
    FolderTarget target = new FolderTarget(out);
    var postings = EnumSet.of(Dataset.POSTINGS);
    var parquet = EnumSet.of(ExportFormat.PARQUET);

    ExportManifest first = export.run(tenant, postings, parquet, target).written().get(0);
    // 3 rows reached inside entry l1: its second posting still goes with it.
    assertThat(first.rows()).isEqualTo(4);
    assertThat(first.complete()).isFalse();
    assertThat(first.watermark().id()).isEqualTo("l1");
    ExportManifest second = export.run(tenant, postings, parquet, target).written().get(0);
    assertThat(second.rows()).isEqualTo(2);
    assertThat(second.complete()).isTrue();
    assertThat(export.run(tenant, postings, parquet, target).written()).isEmpty();
    assertThat(duckTotals("read_parquet('" + out + "/postings/*/*/*.parquet')"))
        .usingRecursiveComparison()
        .isEqualTo(ledgerTotals(tenant));
  }

  @Test
  void rowsWrittenWithinTheSettleMarginWaitForTheNextRun(@TempDir Path out) throws Exception {
    String tenant = "x-settle";
    writer.write(List.of(capture(tenant, "s1", Instant.parse("2024-06-06T08:00:00Z"), 5, "EUR")));
    ExportRun run =
        new LedgerExport(db.app(), CLOCK, new ExportLimits(10, 10, 1L << 30, Duration.ofHours(1)))
            .run(
                tenant,
                EnumSet.of(Dataset.POSTINGS),
                EnumSet.of(ExportFormat.PARQUET),
                new FolderTarget(out));
    assertThat(run.written()).isEmpty();
  }

  @Test
  void theSizeGuardStoresNothing(@TempDir Path out) throws Exception {
    String tenant = "x-size";
    writer.write(List.of(capture(tenant, "z1", Instant.parse("2024-06-07T08:00:00Z"), 5, "EUR")));
    LedgerExport export =
        new LedgerExport(db.app(), CLOCK, new ExportLimits(10, 10, 100, Duration.ZERO));
    assertThatThrownBy(
            () ->
                export.run(
                    tenant,
                    EnumSet.of(Dataset.POSTINGS),
                    EnumSet.of(ExportFormat.PARQUET),
                    new FolderTarget(out)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exceeds 100 bytes");
    assertThat(files(out)).isEmpty();
  }

  @Test
  void filesOfARunThatStoredNoManifestAreRemovedByTheNextRun(@TempDir Path out) throws Exception {
    String tenant = "x-orphan";
    writer.write(List.of(capture(tenant, "r1", Instant.parse("2024-06-08T08:00:00Z"), 5, "EUR")));
    LedgerExport export = new LedgerExport(db.app(), CLOCK, SMALL_FILES);
    FolderTarget target = new FolderTarget(out);
    var postings = EnumSet.of(Dataset.POSTINGS);
    var parquet = EnumSet.of(ExportFormat.PARQUET);
    export.run(tenant, postings, parquet, target);
    String kept = "postings/tenant=x-orphan/date=2024-06-08/part-00000001-00000.parquet";
    String orphan = "postings/tenant=x-orphan/date=2024-01-01/part-00000002-00000.parquet";
    target.put(orphan, new byte[] {1, 2, 3});

    writer.write(List.of(capture(tenant, "r2", Instant.parse("2024-06-09T08:00:00Z"), 5, "EUR")));
    export.run(tenant, postings, parquet, target);
    assertThat(target.list("postings/tenant=x-orphan/"))
        .containsExactly(
            kept, "postings/tenant=x-orphan/date=2024-06-09/part-00000002-00000.parquet");
  }

  @Test
  void aSecondExportOfTheSameTenantAndDatasetAtOnceIsRefused(@TempDir Path out) throws Exception {
    String tenant = "x-busy";
    writer.write(List.of(capture(tenant, "b1", Instant.parse("2024-06-08T08:00:00Z"), 5, "EUR")));
    try (TenantReads other = TenantReads.open(db.app(), tenant)) {
      assertThat(other.tryLock(tenant + "/postings")).isTrue();
      assertThatThrownBy(
              () ->
                  new LedgerExport(db.app(), CLOCK, SMALL_FILES)
                      .run(
                          tenant,
                          EnumSet.of(Dataset.POSTINGS),
                          EnumSet.of(ExportFormat.PARQUET),
                          new FolderTarget(out)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is running");
    }
    assertThat(
            new LedgerExport(db.app(), CLOCK, SMALL_FILES)
                .run(
                    tenant,
                    EnumSet.of(Dataset.POSTINGS),
                    EnumSet.of(ExportFormat.PARQUET),
                    new FolderTarget(out))
                .written())
        .hasSize(1);
  }

  @Test
  void aRoleThatBypassesRowLevelSecurityIsRefused(@TempDir Path out) {
    LedgerExport asOwner = new LedgerExport(db.owner(), CLOCK, SMALL_FILES);
    assertThatThrownBy(
            () ->
                asOwner.run(
                    "x-acme",
                    EnumSet.of(Dataset.POSTINGS),
                    EnumSet.of(ExportFormat.PARQUET),
                    new FolderTarget(out)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("row-level security");
  }

  static ExportManifest manifest(ExportRun run, String dataset) {
    return run.written().stream()
        .filter(m -> m.dataset().equals(dataset))
        .findFirst()
        .orElseThrow();
  }

  static List<Path> files(Path root) throws Exception {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (var s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** Debit and credit totals per currency, as the database's owner sees them. */
  static Map<String, long[]> ledgerTotals(String tenant) throws SQLException {
    return ledgerTotals(tenant, db);
  }

  static Map<String, long[]> ledgerTotals(String tenant, EmbeddedLedger db) throws SQLException {
    return totals(
        db.owner(),
        "select currency, sum(debit_minor)::bigint, sum(credit_minor)::bigint, count(*)"
            + " from ledger.postings where tenant_id = '"
            + tenant
            + "' group by currency");
  }

  static Map<String, long[]> duckTotals(String relation) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      return totals(
          c,
          "select currency, sum(debit_minor)::bigint, sum(credit_minor)::bigint, count(*) from "
              + relation
              + " group by currency");
    }
  }

  static List<String> duckStrings(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  private static Map<String, long[]> totals(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection()) {
      return totals(c, sql);
    }
  }

  private static Map<String, long[]> totals(Connection c, String sql) throws SQLException {
    Map<String, long[]> out = new TreeMap<>();
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1).trim(), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
      }
    }
    return out;
  }
}
