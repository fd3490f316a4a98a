package dev.recon.reporting.monthend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ledger.chart.AccountType;
import dev.recon.ledger.db.TrialBalanceLine;
import dev.recon.reporting.AgeingBucket;
import dev.recon.reporting.render.ReportDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

class MonthEndPackTest {

  static final YearMonth JANUARY = YearMonth.of(2026, 1);

  static OpenItem item(String id, long amount, String currency, String openedAt) {
    return new OpenItem(
        id,
        "MISSING_IN_BANK",
        "PAYOUT",
        "po-" + id,
        amount,
        currency,
        Instant.parse(openedAt),
        null);
  }

  static MonthEndPack pack() {
    return MonthEndPack.of(
        "acme",
        JANUARY,
        List.of(
            new TrialBalanceLine("psp_receivable:adyen", AccountType.ASSET, "EUR", 100_000, 60_000),
            new TrialBalanceLine("payments_clearing", AccountType.LIABILITY, "EUR", 0, 100_000),
            new TrialBalanceLine("psp_fees", AccountType.EXPENSE, "EUR", 2_500, 0),
            new TrialBalanceLine("write_offs", AccountType.EXPENSE, "EUR", 57_500, 0),
            new TrialBalanceLine("bank:JP1", AccountType.ASSET, "JPY", 5_000, 0),
            new TrialBalanceLine("bank_in_transit", AccountType.ASSET, "JPY", 0, 5_000)),
        List.of(
            item("ex-small", 1_000, "EUR", "2026-01-30T10:00:00Z"),
            item("ex-old", -25_000, "EUR", "2025-11-15T00:00:00Z"),
            item("ex-jpy", 1_200, "JPY", "2026-01-20T00:00:00Z"),
            // opened after month end: not an open item of January
            item("ex-feb", 9_999, "EUR", "2026-02-01T00:00:00Z")),
        false,
        List.of(
            new WriteOff(
                "je-w2",
                Instant.parse("2026-01-20T10:00:00Z"),
                "wo-2",
                "write-off",
                "bank_in_transit",
                57_000,
                "EUR"),
            new WriteOff(
                "je-w1",
                Instant.parse("2026-01-05T10:00:00Z"),
                "wo-1",
                "write-off",
                "psp_receivable:adyen",
                500,
                "EUR")),
        false,
        List.of(
            new FeeTotal("stripe", "EUR", 3, 900, 0),
            new FeeTotal("adyen", "EUR", 10, 1_800, 200)));
  }

  @Test
  void agesOpenItemsAtMonthEndAndTotalsPerCurrency() {
    MonthEndPack pack = pack();

    assertThat(pack.openItems())
        .extracting(a -> a.item().exceptionId())
        .containsExactly("ex-old", "ex-small", "ex-jpy");
    MonthEndPack.AgedOpenItem old = pack.openItems().get(0);
    assertThat(old.ageDays()).isEqualTo(78);
    assertThat(old.band()).isEqualTo(AgeingBucket.OVER_30);
    assertThat(pack.openItems().get(1).ageDays()).isEqualTo(1);
    assertThat(pack.openItemTotals())
        .containsExactly(
            new MonthEndPack.CurrencyTotal("EUR", 2, 26_000),
            new MonthEndPack.CurrencyTotal("JPY", 1, 1_200));
    assertThat(pack.openItemAgeing())
        .contains(
            new MonthEndPack.AgeingTotal("EUR", AgeingBucket.OVER_30, 1, 25_000),
            new MonthEndPack.AgeingTotal("EUR", AgeingBucket.DAYS_0_1, 1, 1_000),
            new MonthEndPack.AgeingTotal("JPY", AgeingBucket.DAYS_8_30, 1, 1_200))
        .hasSize(8);
    assertThat(pack.trialBalanceTotals())
        .containsExactly(
            new MonthEndPack.TrialBalanceTotal("EUR", 160_000, 160_000),
            new MonthEndPack.TrialBalanceTotal("JPY", 5_000, 5_000));
    assertThat(pack.balanced()).isTrue();
    assertThat(pack.writeOffs()).extracting(WriteOff::entryId).containsExactly("je-w1", "je-w2");
    assertThat(pack.writeOffTotals())
        .containsExactly(new MonthEndPack.CurrencyTotal("EUR", 2, 57_500));
    assertThat(pack.fees()).extracting(FeeTotal::psp).containsExactly("adyen", "stripe");
    assertThat(pack.feeTotals()).containsExactly(new MonthEndPack.CurrencyTotal("EUR", 13, 2_500));
  }

  @Test
  void aWriteOffOutsideTheMonthIsABug() {
    assertThatThrownBy(
            () ->
                MonthEndPack.of(
                    "acme",
                    JANUARY,
                    List.of(),
                    List.of(),
                    false,
                    List.of(
                        new WriteOff(
                            "je", Instant.parse("2026-02-01T00:00:00Z"), "wo", "", "", 1, "EUR")),
                    false,
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside 2026-01");
  }

  @Test
  void htmlAndPdfShowTheTotalsPerCurrency() throws IOException {
    MonthEndReport report = new MonthEndReport(pack());

    String html = new String(report.html().content(), StandardCharsets.UTF_8);
    assertThat(html)
        .contains("Month-end pack 2026-01")
        .contains("Trial balance at month end")
        .contains("Total EUR (2 open)")
        .contains("260.00")
        .contains("1,600.00")
        .contains("575.00")
        .doesNotContain("http://")
        .doesNotContain("<script");

    ReportDocument pdf = report.pdf();
    assertThat(pdf.fileName()).isEqualTo("month-end-2026-01.pdf");
    String text;
    try (PDDocument document = Loader.loadPDF(pdf.content())) {
      text = new PDFTextStripper().getText(document);
    }
    assertThat(text)
        .contains("Month-end pack 2026-01")
        .contains("Total EUR")
        .contains("1,600.00") // trial balance EUR debits
        .contains("260.00") // open items at risk EUR
        .contains("1,200") // JPY at risk, no decimals
        .contains("575.00") // written off
        .contains("25.00"); // fees net
  }

  @Test
  void xlsxHasTheSectionsWithNumericAmounts() throws IOException {
    MonthEndReport report = new MonthEndReport(pack());
    try (ReadableWorkbook workbook =
        new ReadableWorkbook(new ByteArrayInputStream(report.xlsx().content()))) {
      assertThat(workbook.getSheets().map(s -> s.getName()))
          .containsExactly(
              "summary", "trial_balance", "open_items", "open_items_ageing", "write_offs", "fees");
      List<Row> fees = workbook.findSheet("fees").orElseThrow().read();
      Row adyen = fees.get(1);
      assertThat(adyen.getCell(0).asString()).isEqualTo("adyen");
      assertThat(adyen.getCell(3).asNumber()).isEqualByComparingTo(new BigDecimal("18.00"));
      assertThat(adyen.getCell(5).asNumber()).isEqualByComparingTo(new BigDecimal("16.00"));
      Row total = fees.get(fees.size() - 1);
      assertThat(total.getCell(0).asString()).isEqualTo("Total EUR");
      assertThat(total.getCell(5).asNumber()).isEqualByComparingTo(new BigDecimal("25.00"));

      List<Row> open = workbook.findSheet("open_items").orElseThrow().read();
      assertThat(open.get(1).getCell(0).asString()).isEqualTo("ex-old");
      assertThat(open.get(1).getCell(5).asNumber()).isEqualByComparingTo(new BigDecimal("78"));
      assertThat(open.get(1).getCell(7).asNumber()).isEqualByComparingTo(new BigDecimal("-250.00"));
    }
    assertThat(report.csv())
        .extracting(ReportDocument::fileName)
        .contains("month-end-2026-01-write_offs.csv");
  }
}
