package dev.recon.ledger.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ledger.chart.AccountType;
import dev.recon.ledger.posting.AdyenLikeCycle;
import dev.recon.ledger.posting.MatchFixtures;
import dev.recon.ledger.posting.PostingRules;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.Posting;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class LedgerWriterIT {

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

  private static int postingCount(List<JournalEntry> entries) {
    return entries.stream().mapToInt(e -> e.getPostings().size()).sum();
  }

  @Test
  void writesEveryTenantAndAReplayWritesNothing() {
    // Captured at the end of a month: the settlement and cash entries fall into the next one.
    Instant captured = Instant.parse("2024-05-31T22:00:00Z");
    List<JournalEntry> batch = new ArrayList<>();
    batch.addAll(AdyenLikeCycle.entries("w-acme", "B1", captured));
    batch.addAll(AdyenLikeCycle.entries("w-globex", "B1", captured));
    Collections.shuffle(batch, new java.util.Random(7));

    WriteResult first = writer.write(batch);
    assertThat(first).isEqualTo(new WriteResult(batch.size(), 0, postingCount(batch)));

    WriteResult replay = writer.write(batch);
    assertThat(replay).isEqualTo(new WriteResult(0, batch.size(), 0));
    // A fresh writer (a restarted job) has no memory of what it wrote: the database does.
    assertThat(new LedgerWriter(db.app()).write(batch))
        .isEqualTo(new WriteResult(0, batch.size(), 0));

    for (String tenant : List.of("w-acme", "w-globex")) {
      assertThat(queries.entryCount(tenant)).isEqualTo(5);
      assertThat(queries.unbalancedEntries(tenant)).isEmpty();
    }
  }

  @Test
  void repeatsWithinOneBatchAreSkippedAndConflictingTwinsAreABug() {
    List<JournalEntry> cycle =
        AdyenLikeCycle.entries("w-twins", "B2", Instant.parse("2024-06-10T08:00:00Z"));
    List<JournalEntry> twice = new ArrayList<>(cycle);
    twice.addAll(cycle);
    assertThat(writer.write(twice))
        .isEqualTo(new WriteResult(cycle.size(), cycle.size(), postingCount(cycle)));

    JournalEntry changed = JournalEntry.newBuilder(cycle.get(0)).setDescription("other").build();
    assertThatThrownBy(() -> writer.write(List.of(cycle.get(0), changed)))
        .isInstanceOf(IllegalStateException.class);
    JournalEntry movedInTime =
        JournalEntry.newBuilder(cycle.get(0))
            .setBookedAt(cycle.get(0).getBookedAt().plus(1, ChronoUnit.DAYS))
            .build();
    assertThatThrownBy(() -> writer.write(List.of(cycle.get(0), movedInTime)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void journalLinesTrialBalanceAndCountsReadBackWhatWasBooked() {
    String tenant = "w-read";
    Instant captured = Instant.parse("2024-07-01T00:00:00Z");
    List<JournalEntry> entries = AdyenLikeCycle.entries(tenant, "B3", captured);
    writer.write(entries);

    List<String> sourceIds = entries.stream().map(JournalEntry::getSourceId).toList();
    List<JournalLine> lines = queries.journalLines(tenant, sourceIds);

    List<JournalLine> expected = new ArrayList<>();
    entries.stream()
        .sorted(
            java.util.Comparator.comparing(JournalEntry::getBookedAt)
                .thenComparing(JournalEntry::getEntryId))
        .forEach(
            e -> {
              for (Posting p : e.getPostings()) {
                expected.add(
                    new JournalLine(
                        e.getEntryId(),
                        e.getBookedAt(),
                        p.getAccount(),
                        p.getDebitMinor(),
                        p.getCreditMinor(),
                        p.getCurrency(),
                        e.getSourceKind(),
                        e.getSourceId()));
              }
            });
    assertThat(lines).containsExactlyElementsOf(expected);
    assertThat(queries.journalLines(tenant, List.of("L4:B3")))
        .extracting(JournalLine::account)
        .containsExactly("bank:" + AdyenLikeCycle.BANK_ACCOUNT, "bank_in_transit");
    assertThat(queries.journalLines("w-other-tenant", sourceIds)).isEmpty();
    assertThat(queries.journalLines(tenant, List.of())).isEmpty();

    Map<String, Long> balances = new TreeMap<>();
    for (TrialBalanceLine line : queries.trialBalance(tenant)) {
      balances.put(line.account() + " " + line.currency(), line.balanceMinor());
      if (line.account().startsWith("psp_fees")) {
        assertThat(line.accountType()).isEqualTo(AccountType.EXPENSE);
      }
    }
    assertThat(balances)
        .containsEntry("psp_receivable:adyen USD", 0L)
        .containsEntry("psp_receivable:adyen JPY", 0L)
        .containsEntry("bank_in_transit USD", 0L)
        .containsEntry("bank:" + AdyenLikeCycle.BANK_ACCOUNT + " USD", AdyenLikeCycle.PAYOUT_USD)
        .containsEntry("psp_fees USD", 3_710L);
    assertThat(queries.trialBalance(tenant)).extracting(TrialBalanceLine::account).isSorted();
    assertThat(queries.entryCount(tenant)).isEqualTo(entries.size());
    assertThat(queries.unbalancedEntries(tenant)).isEmpty();
  }

  @Test
  void largeBatchesAreSplitIntoBoundedStatements() {
    String tenant = "w-bulk";
    Instant at = Instant.parse("2024-08-01T00:00:00Z");
    List<JournalEntry> entries = new ArrayList<>();
    int count = LedgerWriter.MAX_ROWS_PER_STATEMENT * 2 + 17;
    for (int i = 0; i < count; i++) {
      entries.addAll(
          PostingRules.entriesFor(
              MatchFixtures.match(
                  tenant,
                  "L1:bulk-" + i,
                  MatchLevel.L1,
                  at.plus(i, ChronoUnit.MINUTES),
                  MatchFixtures.expected("o" + i, 100 + i, "EUR"),
                  MatchFixtures.pspTxn("c" + i, "CAPTURE", 100 + i, 0, "EUR", "psp" + (i % 3)))));
    }
    assertThat(writer.write(entries)).isEqualTo(new WriteResult(count, 0, 2 * count));
    assertThat(writer.write(entries)).isEqualTo(new WriteResult(0, count, 0));
    assertThat(queries.entryCount(tenant)).isEqualTo(count);
    assertThat(queries.unbalancedEntries(tenant)).isEmpty();
    long receivable =
        queries.trialBalance(tenant).stream()
            .filter(l -> l.account().startsWith("psp_receivable:"))
            .mapToLong(TrialBalanceLine::balanceMinor)
            .sum();
    assertThat(receivable).isEqualTo(100L * count + (long) count * (count - 1) / 2);
  }

  private static List<JournalEntry> bulkEntries(String tenant, int count, Instant at) {
    List<JournalEntry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      entries.addAll(
          PostingRules.entriesFor(
              MatchFixtures.match(
                  tenant,
                  "L1:side-" + i,
                  MatchLevel.L1,
                  at.plus(i, ChronoUnit.MINUTES),
                  MatchFixtures.expected("o" + i, 100 + i, "EUR"),
                  MatchFixtures.pspTxn("c" + i, "CAPTURE", 100 + i, 0, "EUR", "psp1"))));
    }
    return entries;
  }

  /**
   * A large batch writes its tenants side by side; a tenant the database rejects fails the call
   * while the other tenant stays written, and the retry writes only what is missing.
   */
  @Test
  void tenantsOfALargeBatchAreWrittenSideBySideAndAFailureIsRethrown() throws Exception {
    Instant at = Instant.parse("2024-09-01T00:00:00Z");
    int perTenant = LedgerWriter.PARALLEL_MIN_ENTRIES;
    List<JournalEntry> batch = new ArrayList<>(bulkEntries("w-side-a", perTenant, at));
    batch.addAll(bulkEntries("w-side-b", perTenant, at));
    Collections.shuffle(batch, new java.util.Random(11));
    // The owner makes the database refuse one tenant's chart for the length of the first write.
    try (var c = db.owner().getConnection();
        var s = c.createStatement()) {
      s.execute(
          "create function ledger.it_refuse_side_b() returns trigger language plpgsql as $$"
              + " begin raise exception 'it refuses %', new.tenant_id; end $$");
      s.execute(
          "create trigger it_refuse_side_b before insert on ledger.accounts for each row"
              + " when (new.tenant_id = 'w-side-b') execute function ledger.it_refuse_side_b()");
    }
    try {
      assertThatThrownBy(() -> writer.write(batch))
          .isInstanceOf(org.jooq.exception.DataAccessException.class)
          .hasMessageContaining("it refuses w-side-b");
    } finally {
      try (var c = db.owner().getConnection();
          var s = c.createStatement()) {
        s.execute("drop trigger it_refuse_side_b on ledger.accounts");
        s.execute("drop function ledger.it_refuse_side_b()");
      }
    }
    assertThat(queries.entryCount("w-side-a")).isEqualTo(perTenant);
    assertThat(queries.entryCount("w-side-b")).isZero();

    assertThat(writer.write(batch)).isEqualTo(new WriteResult(perTenant, perTenant, 2 * perTenant));
    for (String tenant : List.of("w-side-a", "w-side-b")) {
      assertThat(queries.entryCount(tenant)).isEqualTo(perTenant);
      assertThat(queries.unbalancedEntries(tenant)).isEmpty();
    }
  }

  @Test
  void copyCarriesTextThatLooksLikeItsOwnSeparatorsUnchanged() {
    String tenant = "w-text";
    String description = "tab\there, newline\nthere, cr\r, backslash \\N \\ and \\t, ünïcødé €";
    JournalEntry entry =
        JournalEntry.newBuilder()
            .setTenantId(tenant)
            .setEntryId("je-text-1")
            .setBookedAt(Instant.parse("2024-09-30T23:59:59.999Z"))
            .setSourceKind("MANUAL")
            .setSourceId("src\twith\\odd\nchars")
            .setDescription(description)
            .setPostings(
                List.of(
                    new Posting("psp_fees", 7L, 0L, "EUR"),
                    new Posting("psp_receivable:adyen", 0L, 7L, "EUR")))
            .build();
    JournalEntry noDescription =
        JournalEntry.newBuilder(entry).setEntryId("je-text-2").setDescription(null).build();
    assertThat(writer.write(List.of(entry, noDescription))).isEqualTo(new WriteResult(2, 0, 4));
    List<JournalLine> lines = queries.journalLines(tenant, List.of(entry.getSourceId()));
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).bookedAt()).isEqualTo(entry.getBookedAt());
    assertThat(lines.get(0).sourceId()).isEqualTo(entry.getSourceId());
    assertThat(descriptions(tenant)).containsExactly(description, null);
  }

  private static List<String> descriptions(String tenant) {
    try (java.sql.Connection c = db.app().getConnection()) {
      c.setAutoCommit(false);
      try (java.sql.Statement s = c.createStatement()) {
        s.execute("select set_config('app.tenant_id', '" + tenant + "', true)");
        List<String> result = new ArrayList<>();
        try (java.sql.ResultSet rs =
            s.executeQuery("select description from ledger.journal_entries order by entry_id")) {
          while (rs.next()) {
            result.add(rs.getString(1));
          }
        }
        c.commit();
        return result;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aBatchMixingWrittenAndNewEntriesWritesOnlyTheNewOnesWithTheirPostings() {
    String tenant = "w-mixed";
    List<JournalEntry> all = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      all.addAll(
          PostingRules.entriesFor(
              MatchFixtures.match(
                  tenant,
                  "L1:mixed-" + i,
                  MatchLevel.L1,
                  Instant.parse("2024-10-01T00:00:00Z").plus(i, ChronoUnit.HOURS),
                  MatchFixtures.expected("m" + i, 1_000 + i, "GBP"),
                  MatchFixtures.pspTxn("c" + i, "CAPTURE", 1_000 + i, 0, "GBP", "psp1"))));
    }
    List<JournalEntry> firstHalf = all.subList(0, all.size() / 2);
    assertThat(writer.write(firstHalf))
        .isEqualTo(new WriteResult(firstHalf.size(), 0, postingCount(firstHalf)));
    List<JournalEntry> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new java.util.Random(11));
    List<JournalEntry> secondHalf = all.subList(all.size() / 2, all.size());
    assertThat(writer.write(shuffled))
        .isEqualTo(new WriteResult(secondHalf.size(), firstHalf.size(), postingCount(secondHalf)));
    assertThat(queries.entryCount(tenant)).isEqualTo(all.size());
    assertThat(queries.unbalancedEntries(tenant)).isEmpty();
    List<String> sourceIds = all.stream().map(JournalEntry::getSourceId).toList();
    assertThat(queries.journalLines(tenant, sourceIds)).hasSize(postingCount(all));
  }

  @Test
  void anUnbalancedEntryThatSlipsPastTheCodeIsRejectedByTheDatabaseWithItsBatch() {
    // JournalEntryInvariants stops unbalanced entries in the writer; this proves that the bulk
    // path still leaves the final word to the database, by writing straight through the stage.
    String tenant = "w-unbalanced";
    JournalEntry good =
        JournalEntry.newBuilder()
            .setTenantId(tenant)
            .setEntryId("je-u-1")
            .setBookedAt(Instant.parse("2024-11-02T10:00:00Z"))
            .setSourceKind("MANUAL")
            .setSourceId("u1")
            .setDescription(null)
            .setPostings(
                List.of(
                    new Posting("psp_fees", 5L, 0L, "EUR"),
                    new Posting("psp_receivable:adyen", 0L, 5L, "EUR")))
            .build();
    JournalEntry bad =
        JournalEntry.newBuilder(good)
            .setEntryId("je-u-2")
            .setSourceId("u2")
            .setPostings(
                List.of(
                    new Posting("psp_fees", 5L, 0L, "EUR"),
                    new Posting("psp_receivable:adyen", 0L, 4L, "EUR")))
            .build();
    writer.write(List.of(good)); // creates the month partition and the accounts
    assertThatThrownBy(() -> StagedAppendProbe.append(db.app(), tenant, List.of(bad)))
        .hasMessageContaining("does not balance");
    assertThat(queries.entryCount(tenant)).isEqualTo(1);
  }

  @Test
  void limitsOnWhatComesFromOutside() {
    List<String> tooMany = Collections.nCopies(LedgerQueries.MAX_SOURCE_IDS + 1, "x");
    assertThatThrownBy(() -> queries.journalLines("w-acme", tooMany))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queries.entryCount("acme' or '1'='1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queries.trialBalance("")).isInstanceOf(IllegalArgumentException.class);
  }
}
