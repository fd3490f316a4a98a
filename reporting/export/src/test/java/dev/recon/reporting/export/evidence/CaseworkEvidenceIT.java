package dev.recon.reporting.export.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ledger.db.EmbeddedLedger;
import dev.recon.reporting.export.AnalystDatasets;
import dev.recon.reporting.export.CaseworkFixture;
import dev.recon.reporting.export.DatasetExporter;
import dev.recon.reporting.export.ExportFormat;
import dev.recon.reporting.export.ExportLimits;
import dev.recon.reporting.export.ExportManifest;
import dev.recon.reporting.export.ExportRun;
import dev.recon.reporting.export.destination.FolderTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class CaseworkEvidenceIT {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-01T08:30:00Z"), ZoneOffset.UTC);
  static final EvidenceKey KEY = new EvidenceKey("evidence/2024", new byte[32]);
  static final String SECRET_B = "SECRET-OF-B";

  @TempDir static Path dir;
  static EmbeddedLedger db;

  @BeforeAll
  static void start() throws Exception {
    db = EmbeddedLedger.start(dir.resolve("pg"), "recon_export_it", owner -> {});
    CaseworkFixture.migrate(db.owner());
    CaseworkFixture.book(db.owner(), db.app(), "cw-a", "nothing to hide");
    CaseworkFixture.book(db.owner(), db.app(), "cw-b", SECRET_B);
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  static Map<String, byte[]> pack(EvidenceSubject subject, Path out) throws Exception {
    StoredPack stored =
        EvidencePacks.standard(db.app(), CLOCK).build("cw-a", subject, KEY, new FolderTarget(out));
    PackReading reading =
        EvidencePackReader.open(Files.readAllBytes(out.resolve(stored.key())), KEY);
    assertThat(reading).isInstanceOf(PackReading.Opened.class);
    Map<String, byte[]> entries = ((PackReading.Opened) reading).entries();
    for (byte[] content : entries.values()) {
      assertThat(new String(content, StandardCharsets.UTF_8)).doesNotContain(SECRET_B);
    }
    return entries;
  }

  static String text(Map<String, byte[]> entries, String path) {
    assertThat(entries).containsKey(path);
    return new String(entries.get(path), StandardCharsets.UTF_8);
  }

  @Test
  void anExceptionPackHoldsTheBreakItsResolutionAuditTrailRecordDocumentAndWriteOff(
      @TempDir Path out) throws Exception {
    Map<String, byte[]> pack = pack(new EvidenceSubject.ExceptionCase("ex-1"), out);
    assertThat(text(pack, "casework/exceptions.jsonl").lines())
        .singleElement()
        .asString()
        .contains("\"exception_id\":\"ex-1\"", "\"reason\":\"MISSING_EXPECTED\"");
    assertThat(text(pack, "casework/resolutions.jsonl")).contains("\"resolution_id\":\"res-1\"");
    assertThat(text(pack, "casework/comments.jsonl")).contains("customer never ordered");
    assertThat(text(pack, "audit/audit_log.jsonl").lines())
        .singleElement()
        .asString()
        .contains("\"subject\":\"exception:ex-1\"", "\"hash\":\"" + "a".repeat(64) + "\"");
    assertThat(text(pack, "casework/canonical_records.jsonl").lines())
        .singleElement()
        .asString()
        .contains("\"record_id\":\"psp-2\"", "\"source_line\":3");
    assertThat(pack.get("documents/" + CaseworkFixture.DOCUMENT_SHA))
        .isEqualTo(CaseworkFixture.DOCUMENT.getBytes(StandardCharsets.UTF_8));
    assertThat(text(pack, "ledger/journal.csv").lines())
        .hasSize(3)
        .allMatch(l -> l.startsWith("entry_id") || l.startsWith("je-wo,"));
  }

  @Test
  void aPspReferencePackFollowsItsMatchesToTheOtherRecordsAndTheirEntries(@TempDir Path out)
      throws Exception {
    Map<String, byte[]> pack = pack(new EvidenceSubject.PspReference("psp-1"), out);
    String records = text(pack, "casework/canonical_records.jsonl");
    assertThat(records.lines()).hasSize(3);
    assertThat(records).contains("\"ord-1\"", "\"psp-1\"", "\"po_1\"").doesNotContain("psp-2");
    assertThat(text(pack, "casework/matches.jsonl").lines()).hasSize(2);
    assertThat(text(pack, "casework/match_members.jsonl").lines()).hasSize(4);
    assertThat(text(pack, "casework/exceptions.jsonl")).isEmpty();
    assertThat(text(pack, "ledger/journal.csv"))
        .contains("je-l1,", "je-l3,")
        .doesNotContain("je-wo");
    assertThat(text(pack, "documents/index.jsonl")).contains("adyen-settlement.csv");
  }

  @Test
  void aPayoutPackFindsTheTransactionsOfItsBatch(@TempDir Path out) throws Exception {
    Map<String, byte[]> pack = pack(new EvidenceSubject.Payout("po_1"), out);
    assertThat(text(pack, "casework/canonical_records.jsonl"))
        .contains("\"po_1\"", "\"psp-1\"", "\"ord-1\"");
    assertThat(text(pack, "ledger/journal.csv")).contains("je-l3,", "je-l1,");
  }

  @Test
  void aPeriodPackHoldsWhatHappenedInIt(@TempDir Path out) throws Exception {
    Map<String, byte[]> pack =
        pack(
            new EvidenceSubject.Period(
                LocalDate.parse("2024-05-03"), LocalDate.parse("2024-05-04")),
            out);
    assertThat(text(pack, "casework/matches.jsonl").lines())
        .singleElement()
        .asString()
        .contains("L3:po_1");
    assertThat(text(pack, "casework/canonical_records.jsonl")).contains("po_1");
    assertThat(text(pack, "audit/audit_log.jsonl").lines()).hasSize(2);
    assertThat(text(pack, "ledger/journal.csv"))
        .contains("je-l3,", "je-wo,")
        .doesNotContain("je-l1");
  }

  @Test
  void matchesExceptionsAndResolutionsExportForTheTenantOnly(@TempDir Path out) throws Exception {
    ExportRun run =
        new DatasetExporter(db.app(), CLOCK, new ExportLimits(100, 1000, 1L << 30, Duration.ZERO))
            .run(
                "cw-a",
                AnalystDatasets.byNames(AnalystDatasets.names()),
                EnumSet.of(ExportFormat.PARQUET),
                new FolderTarget(out));
    assertThat(run.written())
        .extracting(ExportManifest::dataset)
        .containsExactly("journal_entries", "postings", "matches", "exceptions", "resolutions");
    assertThat(run.written()).extracting(ExportManifest::rows).containsExactly(3L, 6L, 4L, 1L, 1L);
    List<String> exceptions = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select tenant, exception_id, amount_minor, currency, detail from read_parquet('"
                    + out
                    + "/exceptions/*/*/*.parquet', hive_partitioning = true)")) {
      while (rs.next()) {
        exceptions.add(
            rs.getString(1)
                + "|"
                + rs.getString(2)
                + "|"
                + rs.getLong(3)
                + "|"
                + rs.getString(4)
                + "|"
                + rs.getString(5));
      }
    }
    assertThat(exceptions).containsExactly("cw-a|ex-1|500|EUR|nothing to hide");
  }
}
