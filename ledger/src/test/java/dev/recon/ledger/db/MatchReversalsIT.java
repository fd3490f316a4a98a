package dev.recon.ledger.db;

import static dev.recon.ledger.posting.MatchFixtures.expected;
import static dev.recon.ledger.posting.MatchFixtures.match;
import static dev.recon.ledger.posting.MatchFixtures.payout;
import static dev.recon.ledger.posting.MatchFixtures.pspTxn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ledger.chart.AccountType;
import dev.recon.ledger.posting.Ledgers;
import dev.recon.ledger.posting.MatchFixtures;
import dev.recon.ledger.posting.PostingRules;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.RecordKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approved decisions on the ledger: an unmatch books the mirror of what the undone match booked,
 * once, and only if the ledger holds it; a write-off moves a break to write_offs.
 */
@Timeout(120)
class MatchReversalsIT {

  private static final Instant CAPTURED = Instant.parse("2024-05-10T08:00:00Z");
  private static final Instant SETTLED = Instant.parse("2024-05-12T08:00:00Z");
  private static final Instant APPROVED = Instant.parse("2024-05-20T15:30:00Z");
  private static final String RECEIVABLE = "psp_receivable:adyen";

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

  private static List<JournalEntry> book(Match... matches) {
    List<JournalEntry> entries = new ArrayList<>();
    for (Match m : matches) {
      entries.addAll(PostingRules.entriesFor(m));
    }
    return entries;
  }

  private static Match captureL1(String tenant, String id, long amount) {
    return match(
        tenant,
        "L1:" + id,
        MatchLevel.L1,
        CAPTURED,
        expected("ord-" + id, amount, "EUR"),
        pspTxn(id, "CAPTURE", amount, 0, "EUR", "adyen"));
  }

  /** The capture settled with its fee; the payout is {@code shortBy} less than the net. */
  private static Match settlementL3(
      String tenant, String batch, String capture, long amount, long fee, long shortBy) {
    return match(
        tenant,
        "L3:" + batch,
        MatchLevel.L3,
        SETTLED,
        pspTxn(capture, "CAPTURE", amount, fee, "EUR", "adyen"),
        payout(batch, amount - fee - shortBy, "EUR", "adyen"));
  }

  private static Match unmatch(String tenant, String decision, String undone) {
    return MatchFixtures.unmatch(tenant, "m-" + decision, APPROVED, undone);
  }

  /** Non-zero balances per "account CUR", as the ledger reports them. */
  private static Map<String, Long> balances(String tenant) {
    Map<String, Long> balances = new TreeMap<>();
    for (TrialBalanceLine line : queries.trialBalance(tenant)) {
      if (line.balanceMinor() != 0) {
        balances.put(line.account() + " " + line.currency(), line.balanceMinor());
      }
    }
    return balances;
  }

  private static Map<String, Long> nonZero(Map<String, Long> balances) {
    Map<String, Long> result = new TreeMap<>(balances);
    result.values().removeIf(v -> v == 0);
    return result;
  }

  private static WriteResult reversed(int postings) {
    return new WriteResult(1, 0, postings, 1, 0, 0);
  }

  private static final WriteResult NOTHING_TO_REVERSE = new WriteResult(0, 1, 0, 0, 1, 0);
  private static final WriteResult ALREADY_REVERSED = new WriteResult(0, 1, 0, 0, 0, 1);

  private static int postingCount(Collection<JournalEntry> entries) {
    return entries.stream().mapToInt(e -> e.getPostings().size()).sum();
  }

  @Test
  void unmatchingAnL1ReturnsEveryBalanceToWhatItWasWithoutIt() {
    String tenant = "rv-l1";
    List<JournalEntry> l1 = book(captureL1(tenant, "c1", 10_000));
    List<JournalEntry> l3 = book(settlementL3(tenant, "B1", "c1", 10_000, 120, 0));
    assertThat(writer.write(l1)).isEqualTo(new WriteResult(1, 0, 2));
    assertThat(writer.write(l3)).isEqualTo(new WriteResult(1, 0, postingCount(l3)));
    assertThat(queries.balanceAsOf(tenant, RECEIVABLE, "EUR", SETTLED)).isZero();

    List<JournalEntry> undo = book(unmatch(tenant, "d1", "L1:c1"));
    assertThat(writer.write(undo)).isEqualTo(reversed(2));

    // As if the L1 had never been booked: only the settlement's effect is left.
    assertThat(balances(tenant)).isEqualTo(nonZero(Ledgers.balances(l3)));
    assertThat(queries.balanceAsOf(tenant, RECEIVABLE, "EUR", APPROVED)).isEqualTo(-10_000);
    assertThat(queries.balanceAsOf(tenant, RECEIVABLE, "EUR", SETTLED)).isZero();
    assertThat(queries.unbalancedEntries(tenant)).isEmpty();
    assertThat(queries.entryCount(tenant)).isEqualTo(3);

    JournalEntry marker = undo.get(0);
    List<JournalLine> lines = queries.journalLines(tenant, List.of(marker.getSourceId()));
    assertThat(lines)
        .containsExactly(
            // The L1's lines in their order (Dr receivable, Cr clearing), each side swapped.
            new JournalLine(
                marker.getEntryId(), APPROVED, RECEIVABLE, 0, 10_000, "EUR", "REVERSAL", "m-d1"),
            new JournalLine(
                marker.getEntryId(),
                APPROVED,
                "payments_clearing",
                10_000,
                0,
                "EUR",
                "REVERSAL",
                "m-d1"));
    assertThat(reversesSourceIds(tenant)).containsExactly("L1:c1");
  }

  @Test
  void replayingTheUnmatchWritesNothing() {
    String tenant = "rv-replay";
    writer.write(book(captureL1(tenant, "c1", 700)));
    List<JournalEntry> undo = book(unmatch(tenant, "d1", "L1:c1"));
    assertThat(writer.write(undo)).isEqualTo(reversed(2));
    Map<String, Long> after = balances(tenant);

    assertThat(writer.write(undo)).isEqualTo(ALREADY_REVERSED);
    // A restarted job: a fresh writer, and the marker in a batch with its already booked match.
    List<JournalEntry> again = new ArrayList<>(book(captureL1(tenant, "c1", 700)));
    again.addAll(undo);
    assertThat(new LedgerWriter(db.app()).write(again))
        .isEqualTo(new WriteResult(0, 2, 0, 0, 0, 1));
    assertThat(balances(tenant)).isEqualTo(after).isEmpty();
    assertThat(queries.entryCount(tenant)).isEqualTo(2);
  }

  @Test
  void anUnmatchOfAMatchTheLedgerNeverBookedWritesNothing() {
    String tenant = "rv-unknown";
    writer.write(book(captureL1(tenant, "c1", 700)));
    Map<String, Long> before = balances(tenant);
    assertThat(writer.write(book(unmatch(tenant, "d1", "L1:never-booked"))))
        .isEqualTo(NOTHING_TO_REVERSE);
    // Another tenant's match is not this tenant's to undo.
    assertThat(writer.write(book(unmatch("rv-unknown-other", "d1", "L1:c1"))))
        .isEqualTo(NOTHING_TO_REVERSE);
    assertThat(balances(tenant)).isEqualTo(before);
    assertThat(queries.entryCount(tenant)).isEqualTo(1);
    assertThat(queries.entryCount("rv-unknown-other")).isZero();
  }

  @Test
  void aSecondUnmatchOfTheSameMatchWritesNothing() {
    String tenant = "rv-double";
    writer.write(book(captureL1(tenant, "c1", 900)));
    assertThat(writer.write(book(unmatch(tenant, "d1", "L1:c1")))).isEqualTo(reversed(2));
    assertThat(writer.write(book(unmatch(tenant, "d2", "L1:c1")))).isEqualTo(ALREADY_REVERSED);
    // Two unmatches of one match in one batch: the first (by entry id) reverses it.
    writer.write(book(captureL1(tenant, "c2", 900)));
    List<JournalEntry> both = book(unmatch(tenant, "d3", "L1:c2"), unmatch(tenant, "d4", "L1:c2"));
    assertThat(writer.write(both)).isEqualTo(new WriteResult(1, 1, 2, 1, 0, 1));
    assertThat(balances(tenant)).isEmpty();
    assertThat(queries.entryCount(tenant)).isEqualTo(4);
  }

  @Test
  void anUnmatchInTheBatchOfItsMatchFindsItAndAReversalIsNotItselfReversible() {
    String tenant = "rv-same-batch";
    List<JournalEntry> batch = book(unmatch(tenant, "d1", "L1:c1"), captureL1(tenant, "c1", 300));
    assertThat(writer.write(batch)).isEqualTo(new WriteResult(2, 0, 4, 1, 0, 0));
    assertThat(balances(tenant)).isEmpty();
    assertThat(writer.write(book(unmatch(tenant, "d2", "m-d1")))).isEqualTo(NOTHING_TO_REVERSE);
  }

  @Test
  void aWriteOffBringsTheBreaksReceivableToZeroAndAnUnmatchUndoesIt() {
    String tenant = "rv-write-off";
    // The PSP paid out 50 less than the settled net: the receivable keeps a break of 50.
    writer.write(book(captureL1(tenant, "c1", 10_000)));
    writer.write(book(settlementL3(tenant, "B1", "c1", 10_000, 100, 50)));
    assertThat(queries.balanceAsOf(tenant, RECEIVABLE, "EUR", APPROVED)).isEqualTo(50);

    Match writeOff =
        MatchFixtures.writeOff(
            tenant, "m-wo1", APPROVED, RecordKind.PSP_TXN, "c1", 50, "EUR", "adyen", null);
    List<JournalEntry> entries = book(writeOff);
    assertThat(writer.write(entries)).isEqualTo(new WriteResult(1, 0, 2));
    assertThat(writer.write(entries)).isEqualTo(new WriteResult(0, 1, 0));
    assertThat(queries.balanceAsOf(tenant, RECEIVABLE, "EUR", APPROVED)).isZero();
    assertThat(queries.balanceAsOf(tenant, "write_offs", "EUR", APPROVED)).isEqualTo(50);
    assertThat(queries.trialBalance(tenant))
        .filteredOn(l -> l.account().equals("write_offs"))
        .extracting(TrialBalanceLine::accountType)
        .containsExactly(AccountType.EXPENSE);

    // A write-off is a decision like any other: unmatching it brings the break back.
    assertThat(writer.write(book(unmatch(tenant, "d-wo", "m-wo1")))).isEqualTo(reversed(2));
    assertThat(queries.balanceAsOf(tenant, RECEIVABLE, "EUR", APPROVED)).isEqualTo(50);
    assertThat(queries.balanceAsOf(tenant, "write_offs", "EUR", APPROVED)).isZero();
    assertThat(queries.unbalancedEntries(tenant)).isEmpty();
  }

  @Test
  void writeOffsOpenEveryAccountTheyPostToOnFirstUse() {
    String tenant = "rv-first-use";
    List<JournalEntry> entries =
        book(
            MatchFixtures.writeOff(
                tenant, "m-w1", APPROVED, RecordKind.BANK_LINE, "s1", 420, "GBP", null, "acct-9"),
            MatchFixtures.writeOff(
                tenant, "m-w2", APPROVED, RecordKind.PSP_TXN, "c9", -75, "GBP", null, null),
            MatchFixtures.writeOff(
                tenant, "m-w3", APPROVED, RecordKind.PAYOUT, "p9", 30, "GBP", "adyen", null),
            MatchFixtures.writeOff(
                tenant, "m-w4", APPROVED, RecordKind.EXPECTED, "o9", 99, "GBP", null, null));
    assertThat(entries).hasSize(3);
    assertThat(writer.write(entries)).isEqualTo(new WriteResult(3, 0, 6));
    assertThat(balances(tenant))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "bank:acct-9 GBP", 420L,
                "suspense GBP", 75L,
                "bank_in_transit GBP", -30L,
                "write_offs GBP", -420L - 75L + 30L));
  }

  private static List<String> reversesSourceIds(String tenant) {
    try (java.sql.Connection c = db.app().getConnection()) {
      c.setAutoCommit(false);
      try (java.sql.Statement s = c.createStatement()) {
        s.execute("select set_config('app.tenant_id', '" + tenant + "', true)");
        List<String> result = new ArrayList<>();
        try (java.sql.ResultSet rs =
            s.executeQuery(
                "select reverses_source_id from ledger.journal_entries"
                    + " where reverses_source_id is not null order by entry_id")) {
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
}
