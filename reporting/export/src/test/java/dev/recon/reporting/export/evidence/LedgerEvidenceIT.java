package dev.recon.reporting.export.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ledger.db.EmbeddedLedger;
import dev.recon.ledger.db.LedgerWriter;
import dev.recon.reporting.export.Bookings;
import dev.recon.reporting.export.destination.FolderTarget;
import dev.recon.schemas.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class LedgerEvidenceIT {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-01T08:30:00Z"), ZoneOffset.UTC);

  @TempDir static Path dir;
  static EmbeddedLedger db;

  @BeforeAll
  static void start() throws Exception {
    db = EmbeddedLedger.start(dir.resolve("pg"), "recon_export_it", owner -> {});
    LedgerWriter writer = new LedgerWriter(db.app());
    writer.write(
        List.of(
            entry("ev-a", "e1", "L1:pay-1", "2024-05-01T10:00:00Z", 1_000, "EUR"),
            entry("ev-a", "e2", "L1:pay-2", "2024-05-01T11:00:00Z", 2_000, "EUR"),
            entry("ev-a", "e3", "L1:pay-3", "2024-05-20T11:00:00Z", 3_000, "USD")));
    // The other tenant books under the same source id.
    writer.write(List.of(entry("ev-b", "b1", "L1:pay-1", "2024-05-01T10:00:00Z", 99, "EUR")));
  }

  static JournalEntry entry(
      String tenant, String id, String source, String bookedAt, long minor, String ccy) {
    return Bookings.entry(tenant, id, source, Instant.parse(bookedAt), minor, ccy);
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  /** Stands in for the casework source: it found match L1:pay-1. */
  static final EvidenceSource FOUND_MATCH =
      (reads, subject, ids) ->
          new EvidenceFindings(
              List.of(
                  new EvidenceItem("casework/note.txt", "found".getBytes(StandardCharsets.UTF_8))),
              Set.of("L1:pay-1"));

  @Test
  void aPackHoldsTheEntriesOfWhatTheEarlierSourcesFoundAndOnlyTheTenants(@TempDir Path out)
      throws Exception {
    EvidencePacks packs =
        new EvidencePacks(db.app(), List.of(FOUND_MATCH, new LedgerEvidence()), CLOCK);
    EvidenceKey key = new EvidenceKey("evidence-key/3", new byte[32]);
    StoredPack stored =
        packs.build("ev-a", new EvidenceSubject.ExceptionCase("ex-1"), key, new FolderTarget(out));

    assertThat(stored.key())
        .startsWith("evidence/tenant=ev-a/exception/20240701T083000Z-")
        .endsWith(".evp");
    byte[] bytes = Files.readAllBytes(out.resolve(stored.key()));
    assertThat(bytes).hasSize((int) stored.bytes());
    assertThat(dev.recon.reporting.export.Sha256.of(bytes)).isEqualTo(stored.sha256());
    // Encrypted: no plain text of the archive shows.
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
        .doesNotContain("journal", "L1:pay-1");

    PackReading.Opened opened = (PackReading.Opened) EvidencePackReader.open(bytes, key);
    assertThat(opened.manifest()).isEqualTo(stored.manifest());
    String journal = new String(opened.entries().get("ledger/journal.csv"), StandardCharsets.UTF_8);
    assertThat(journal.lines())
        .containsExactly(
            "entry_id,booked_at,account,debit_minor,credit_minor,currency,source_kind,source_id",
            "e1,2024-05-01T10:00:00Z,psp_receivable:adyen,1000,0,EUR,MATCH_L1,L1:pay-1",
            "e1,2024-05-01T10:00:00Z,payments_clearing,0,1000,EUR,MATCH_L1,L1:pay-1");
    assertThat(opened.entries()).containsKeys("casework/note.txt", "ledger/journal_entries.jsonl");
  }

  @Test
  void aPeriodPackHoldsEveryEntryBookedInIt(@TempDir Path out) throws Exception {
    EvidenceKey key = new EvidenceKey("k1", new byte[32]);
    StoredPack stored =
        new EvidencePacks(db.app(), List.of(new LedgerEvidence()), CLOCK)
            .build(
                "ev-a",
                new EvidenceSubject.Period(
                    LocalDate.parse("2024-05-01"), LocalDate.parse("2024-05-01")),
                key,
                new FolderTarget(out));
    PackReading.Opened opened =
        (PackReading.Opened)
            EvidencePackReader.open(Files.readAllBytes(out.resolve(stored.key())), key);
    String entries =
        new String(opened.entries().get("ledger/journal_entries.jsonl"), StandardCharsets.UTF_8);
    assertThat(entries.lines()).hasSize(2).allMatch(l -> l.contains("\"entry_id\":\"e"));
    assertThat(entries).doesNotContain("b1", "e3");
  }
}
