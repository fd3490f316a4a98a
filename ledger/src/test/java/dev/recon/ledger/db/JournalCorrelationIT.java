package dev.recon.ledger.db;

import static dev.recon.ledger.posting.MatchFixtures.bankLine;
import static dev.recon.ledger.posting.MatchFixtures.expected;
import static dev.recon.ledger.posting.MatchFixtures.match;
import static dev.recon.ledger.posting.MatchFixtures.payout;
import static dev.recon.ledger.posting.MatchFixtures.pspTxn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ledger.posting.CorrelationIds;
import dev.recon.ledger.posting.MatchFixtures;
import dev.recon.ledger.posting.PostingRules;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The deliveries behind each entry are stored with it (V12) and read back; replays add nothing. */
@Timeout(120)
class JournalCorrelationIT {

  private static final Instant AT = Instant.parse("2024-08-14T10:00:00Z");

  @TempDir static Path dir;
  static EmbeddedLedger db;
  static LedgerWriter writer;
  static LedgerQueries queries;

  @BeforeAll
  static void start() throws Exception {
    db = EmbeddedLedger.start(dir.resolve("pg"));
    writer = new LedgerWriter(db.app());
    queries = new LedgerQueries(db.app());
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  private static MatchMember from(MatchMember member, String correlationId) {
    return MatchMember.newBuilder(member).setCorrelationId(correlationId).build();
  }

  private static Match capture(String tenant, String id, String erp, String webhook) {
    return match(
        tenant,
        "L1:" + id,
        MatchLevel.L1,
        AT,
        from(expected("o-" + id, 10_000, "EUR"), erp),
        from(pspTxn(id, "CAPTURE", 10_000, 250, "EUR", "adyen"), webhook));
  }

  private static List<JournalEntry> book(Match... matches) {
    List<JournalEntry> entries = new ArrayList<>();
    for (Match m : matches) {
      entries.addAll(PostingRules.entriesFor(m));
    }
    return entries;
  }

  /** Column value per entry id, read as the owner (past row-level security). */
  private static Map<String, String> storedColumn(String tenant) throws SQLException {
    Map<String, String> stored = new TreeMap<>();
    try (Connection c = db.owner().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select entry_id, correlation_ids from ledger.journal_entries where tenant_id = '"
                    + tenant
                    + "'")) {
      while (rs.next()) {
        stored.put(rs.getString(1), rs.getString(2));
      }
    }
    return stored;
  }

  private static Map<String, List<String>> readBack(String tenant, List<JournalEntry> entries) {
    Map<String, List<String>> read = new TreeMap<>();
    for (EntryCorrelation e :
        queries.entryCorrelations(
            tenant, entries.stream().map(JournalEntry::getSourceId).toList())) {
      read.put(e.entryId(), e.correlationIds());
    }
    return read;
  }

  @Test
  void theCorrelationIdsAreStoredWithTheEntryAndReadBack() throws SQLException {
    String tenant = "cor-store";
    List<JournalEntry> entries =
        book(
            capture(tenant, "c1", "erp-export-1", "webhook-2"),
            capture(tenant, "c2", null, null),
            match(
                tenant,
                "L4:b1",
                MatchLevel.L4,
                AT.plusSeconds(60),
                from(payout("b1", 9_750, "EUR", "adyen"), "webhook-3"),
                from(bankLine("l1", 9_750, "EUR", "a1"), "mail-4")));
    assertThat(entries).hasSize(3);

    assertThat(writer.write(entries).entriesInserted()).isEqualTo(3);

    Map<String, List<String>> read = readBack(tenant, entries);
    Map<String, List<String>> written = new TreeMap<>();
    entries.forEach(e -> written.put(e.getEntryId(), e.getCorrelationIds()));
    assertThat(read).isEqualTo(written);
    assertThat(read.values())
        .containsExactlyInAnyOrder(
            List.of("erp-export-1", "webhook-2"), List.of(), List.of("mail-4", "webhook-3"));
    Map<String, String> column = storedColumn(tenant);
    assertThat(column.values())
        .containsExactlyInAnyOrder("erp-export-1 webhook-2", null, "mail-4 webhook-3");
    assertThat(queries.entryCorrelations("cor-other-tenant", List.of("L1:c1"))).isEmpty();
    assertThat(queries.entryCorrelations(tenant, List.of())).isEmpty();
  }

  @Test
  void theMostIdsOfTheLongestLengthFitTheColumn() {
    String tenant = "cor-full";
    List<MatchMember> members = new ArrayList<>();
    for (int i = 0; i < CorrelationIds.MAX_PER_ENTRY; i++) {
      String id = String.format("%02d", i) + "x".repeat(CorrelationIds.MAX_LENGTH - 2);
      members.add(from(pspTxn("c" + i, "CAPTURE", 100, 0, "EUR", "adyen"), id));
    }
    members.add(
        from(payout("b", 100L * CorrelationIds.MAX_PER_ENTRY, "EUR", "adyen"), "zz-payout"));
    List<JournalEntry> entries =
        book(match(tenant, "L3:b", MatchLevel.L3, AT, members.toArray(MatchMember[]::new)));

    writer.write(entries);

    List<List<String>> read = new ArrayList<>(readBack(tenant, entries).values());
    assertThat(read).containsExactly(entries.get(0).getCorrelationIds());
    assertThat(read.get(0)).hasSize(CorrelationIds.MAX_PER_ENTRY);
  }

  @Test
  void aReplayIsANoOpEvenThroughOtherDeliveries() throws SQLException {
    String tenant = "cor-replay";
    List<JournalEntry> first = book(capture(tenant, "c1", "erp-export-1", "webhook-2"));
    writer.write(first);
    Map<String, String> before = storedColumn(tenant);

    assertThat(writer.write(first)).isEqualTo(new WriteResult(0, 1, 0));
    // The same booking reached through other deliveries (the capture's webhook retried): same entry
    // id, so nothing is written and the stored ids stay those of the first write.
    List<JournalEntry> redelivered = book(capture(tenant, "c1", "erp-export-1", "webhook-9"));
    assertThat(redelivered.get(0).getEntryId()).isEqualTo(first.get(0).getEntryId());
    assertThat(writer.write(redelivered)).isEqualTo(new WriteResult(0, 1, 0));
    // Both in one batch: a repeat, not a conflicting twin.
    List<JournalEntry> both = new ArrayList<>(first);
    both.addAll(redelivered);
    assertThat(writer.write(both)).isEqualTo(new WriteResult(0, 2, 0));

    assertThat(storedColumn(tenant)).isEqualTo(before);
    assertThat(queries.entryCount(tenant)).isEqualTo(1);
    assertThat(readBack(tenant, first).values())
        .containsExactly(List.of("erp-export-1", "webhook-2"));
  }

  @Test
  void aReversalStoresWhatItCarries() {
    String tenant = "cor-reversal";
    List<JournalEntry> booked = book(capture(tenant, "c1", "erp-export-1", "webhook-2"));
    writer.write(booked);
    JournalEntry marker =
        PostingRules.entriesFor(MatchFixtures.unmatch(tenant, "m-d1", AT.plusSeconds(5), "L1:c1"))
            .get(0);
    // Manual decisions have no delivery; the write path still stores whatever an entry carries.
    JournalEntry carrying =
        JournalEntry.newBuilder(marker).setCorrelationIds(List.of("ops-ticket-7")).build();

    assertThat(writer.write(List.of(carrying)).reversed()).isEqualTo(1);

    assertThat(readBack(tenant, List.of(marker)))
        .containsEntry(marker.getEntryId(), List.of("ops-ticket-7"));
  }
}
