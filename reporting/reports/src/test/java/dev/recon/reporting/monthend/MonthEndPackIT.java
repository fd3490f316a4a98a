package dev.recon.reporting.monthend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ledger.db.EmbeddedLedger;
import dev.recon.ledger.db.LedgerWriter;
import dev.recon.ledger.db.TrialBalanceLine;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Posting;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A month of bookings through the ledger writer, read back into a month-end pack. */
@Timeout(120)
class MonthEndPackIT {

  static final String TENANT = "me-acme";
  static final YearMonth MARCH = YearMonth.of(2026, 3);

  @TempDir static Path dir;
  static EmbeddedLedger db;

  @BeforeAll
  static void start() throws Exception {
    db = EmbeddedLedger.start(dir.resolve("pg"), "recon_reports_it", owner -> {});
    LedgerWriter writer = new LedgerWriter(db.app());
    List<JournalEntry> entries = new ArrayList<>();
    Instant feb = Instant.parse("2026-02-27T10:00:00Z");
    // February: before the month, in the cumulative trial balance only
    entries.add(capture(TENANT, "feb-1", feb, "adyen", 10_000, 250, "EUR"));
    // March: 31 days of captures with fees, at two PSPs and in two currencies
    Instant march = MonthEndPack.start(MARCH);
    for (int day = 0; day < 31; day++) {
      Instant at = march.plus(Duration.ofDays(day)).plus(Duration.ofHours(9));
      entries.add(capture(TENANT, "adyen-" + day, at, "adyen", 20_000, 300, "EUR"));
      entries.add(capture(TENANT, "stripe-" + day, at, "stripe", 5_000, 150, "JPY"));
    }
    entries.add(
        writeOff(
            TENANT,
            "wo-1",
            Instant.parse("2026-03-15T12:00:00Z"),
            "psp_receivable:adyen",
            1_234,
            "EUR"));
    entries.add(
        writeOff(
            TENANT, "wo-2", Instant.parse("2026-03-31T23:59:59Z"), "bank_in_transit", 66, "EUR"));
    // April: after the month, in neither
    entries.add(
        capture(
            TENANT, "apr-1", Instant.parse("2026-04-01T00:00:00Z"), "adyen", 99_999, 999, "EUR"));
    entries.add(
        writeOff(TENANT, "wo-apr", Instant.parse("2026-04-01T00:00:00Z"), "suspense", 5, "EUR"));
    // Another tenant in the same month: never seen
    entries.add(
        capture("me-other", "o-1", Instant.parse("2026-03-10T00:00:00Z"), "adyen", 7, 1, "EUR"));
    entries.add(
        writeOff("me-other", "wo-o", Instant.parse("2026-03-10T00:00:00Z"), "suspense", 7, "EUR"));
    writer.write(entries);
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  /** A capture with its fee: Dr receivable gross / Cr clearing; Dr fees / Cr receivable. */
  static JournalEntry capture(
      String tenant, String id, Instant at, String psp, long gross, long fee, String currency) {
    return entry(
        tenant,
        "je-" + id,
        at,
        "MATCH_L1",
        "m-" + id,
        List.of(
            posting("psp_receivable:" + psp, gross, 0, currency),
            posting("payments_clearing", 0, gross, currency),
            posting("psp_fees", fee, 0, currency),
            posting("psp_receivable:" + psp, 0, fee, currency)));
  }

  static JournalEntry writeOff(
      String tenant, String id, Instant at, String against, long amount, String currency) {
    return entry(
        tenant,
        "je-" + id,
        at,
        "WRITE_OFF",
        id,
        List.of(posting("write_offs", amount, 0, currency), posting(against, 0, amount, currency)));
  }

  static JournalEntry entry(
      String tenant, String id, Instant at, String kind, String source, List<Posting> postings) {
    return JournalEntry.newBuilder()
        .setEntryId(id)
        .setTenantId(tenant)
        .setBookedAt(at)
        .setSourceKind(kind)
        .setSourceId(source)
        .setDescription(kind + " " + source)
        .setPostings(postings)
        .build();
  }

  static Posting posting(String account, long debit, long credit, String currency) {
    return Posting.newBuilder()
        .setAccount(account)
        .setDebitMinor(debit)
        .setCreditMinor(credit)
        .setCurrency(currency)
        .build();
  }

  @Test
  void thePackHasTheTrialBalanceAtMonthEndTheMonthsWriteOffsAndFees() throws Exception {
    List<OpenItem> open =
        List.of(
            new OpenItem(
                "ex-1",
                "MISSING_IN_BANK",
                "PAYOUT",
                "po-1",
                4_200,
                "EUR",
                Instant.parse("2026-03-20T00:00:00Z"),
                "ana"));
    OpenItems openItems =
        (tenant, at, limit) -> {
          assertThat(tenant).isEqualTo(TENANT);
          assertThat(at).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
          return open;
        };

    MonthEndPack pack = new MonthEndPackQueries(db.app()).pack(TENANT, MARCH, openItems);

    Map<String, Long> balances = new TreeMap<>();
    for (TrialBalanceLine line : pack.trialBalance()) {
      balances.put(line.account() + " " + line.currency(), line.balanceMinor());
    }
    assertThat(balances)
        .containsEntry("payments_clearing EUR", -(10_000L + 31 * 20_000L))
        .containsEntry("psp_fees EUR", 250L + 31 * 300L)
        .containsEntry("psp_fees JPY", 31 * 150L)
        .containsEntry("write_offs EUR", 1_234L + 66L)
        .containsEntry("psp_receivable:adyen EUR", 10_000L - 250 + 31 * (20_000L - 300) - 1_234)
        .containsEntry("bank_in_transit EUR", -66L);
    assertThat(pack.balanced()).isTrue();

    assertThat(pack.writeOffs())
        .extracting(WriteOff::sourceId, WriteOff::amountMinor, WriteOff::counterAccounts)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("wo-1", 1_234L, "psp_receivable:adyen"),
            org.assertj.core.groups.Tuple.tuple("wo-2", 66L, "bank_in_transit"));
    assertThat(pack.writeOffTotals())
        .containsExactly(new MonthEndPack.CurrencyTotal("EUR", 2, 1_300));

    assertThat(pack.fees())
        .containsExactly(
            new FeeTotal("adyen", "EUR", 31, 31 * 300L, 0),
            new FeeTotal("stripe", "JPY", 31, 31 * 150L, 0));
    assertThat(pack.openItems())
        .singleElement()
        .satisfies(a -> assertThat(a.ageDays()).isEqualTo(12));

    try (ReadableWorkbook workbook =
        new ReadableWorkbook(new ByteArrayInputStream(new MonthEndReport(pack).xlsx().content()))) {
      List<Row> writeOffs = workbook.findSheet("write_offs").orElseThrow().read();
      Row total = writeOffs.get(writeOffs.size() - 1);
      assertThat(total.getCell(0).asString()).isEqualTo("Total EUR (2 write-offs)");
      assertThat(total.getCell(5).asNumber()).isEqualByComparingTo(new BigDecimal("13.00"));
    }
  }

  @Test
  void anotherTenantSeesNothingAndTheOwnerLoginIsRefused() {
    MonthEndPackQueries queries = new MonthEndPackQueries(db.app());
    assertThat(queries.writeOffs("me-nobody", MARCH, 10)).isEmpty();
    assertThat(queries.fees("me-nobody", MARCH)).isEmpty();
    assertThat(queries.writeOffs(TENANT, MARCH, 1)).hasSize(1);
    assertThatThrownBy(() -> new MonthEndPackQueries(db.owner()).fees(TENANT, MARCH))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("application role");
    assertThatThrownBy(() -> queries.fees("'; drop table x; --", MARCH))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
