package dev.recon.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.reporting.render.DailyReport;
import dev.recon.reporting.render.DailyReportTables;
import dev.recon.reporting.render.ReportDocument;
import dev.recon.reporting.render.ReportFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

class DailyReportFormatsTest {

  static final ReadingOptions WITH_FORMATS = new ReadingOptions(true, false);

  private final DailyReport report = new DailyReport(Fixtures.sampleRun());

  @Test
  void pdfIsPrintedFromTheReportAndShowsItsTotals() throws IOException {
    ReportDocument pdf = report.pdf();

    assertThat(pdf.fileName()).isEqualTo("report.pdf");
    assertThat(new String(pdf.content(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    String text = text(pdf.content());
    assertThat(text)
        .contains("Daily reconciliation report")
        .contains("acme")
        // at risk: EUR 15.00 + 29.50 + 7.00, JPY 1,200 (no decimals)
        .contains("51.50 EUR")
        .contains("1,200 JPY")
        // trial balance totals per currency
        .contains("30.00")
        .contains("500,000")
        .contains("MISSING_IN_BANK")
        .contains("Page 1 of");
  }

  @Test
  void pdfOfAValueFromOutsideFetchesNothingAndKeepsItAsText() throws IOException {
    ReconciliationRun run =
        new ReconciliationRun(
            "acme",
            Fixtures.AS_OF,
            List.of("<img src=\"http://127.0.0.1:1/x.png\">.csv"),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    String text = text(new DailyReport(run).pdf().content());
    assertThat(text).contains("<img src=");
  }

  @Test
  void xlsxHasOneSheetPerSectionWithExactNumericAmountsAndTotalsPerCurrency() throws IOException {
    try (ReadableWorkbook workbook =
        new ReadableWorkbook(new ByteArrayInputStream(report.xlsx().content()), WITH_FORMATS)) {
      assertThat(workbook.getSheets().map(Sheet::getName))
          .containsExactly(
              "summary",
              "currencies",
              "levels",
              "matches",
              "reasons",
              "exceptions",
              "dead_letters",
              "trial_balance",
              "journal");

      List<Row> exceptions = rows(workbook, DailyReportTables.EXCEPTIONS);
      assertThat(texts(exceptions.get(0)))
          .startsWith("Exception", "Reason", "Record kind", "Record", "Amount", "Currency");
      // work order: EUR first, largest at risk first; amounts numeric in major units
      Row first = exceptions.get(1);
      assertThat(first.getCell(0).asString()).isEqualTo("ex-2");
      assertThat(first.getCell(4).getType()).isEqualTo(CellType.NUMBER);
      assertThat(first.getCell(4).asNumber()).isEqualByComparingTo(new BigDecimal("29.50"));
      assertThat(first.getCell(4).getDataFormatString()).isEqualTo("#,##0.00");
      assertThat(first.getCell(5).asString()).isEqualTo("EUR");
      Row duplicate = exceptions.get(3);
      assertThat(duplicate.getCell(4).asNumber()).isEqualByComparingTo(new BigDecimal("-7.00"));
      assertThat(duplicate.getCell(6).asNumber()).isEqualByComparingTo(new BigDecimal("7.00"));
      Row jpy = exceptions.get(4);
      assertThat(jpy.getCell(4).asNumber()).isEqualByComparingTo(new BigDecimal("1200"));
      assertThat(jpy.getCell(4).getDataFormatString()).isEqualTo("#,##0");

      Map<String, Row> totals =
          exceptions.stream()
              .filter(r -> r.getCell(0).asString().startsWith("Total"))
              .collect(Collectors.toMap(r -> r.getCell(5).asString(), Function.identity()));
      assertThat(totals.get("EUR").getCell(6).asNumber())
          .isEqualByComparingTo(new BigDecimal("51.50"));
      assertThat(totals.get("EUR").getCell(0).asString()).isEqualTo("Total EUR (3 rows)");
      assertThat(totals.get("JPY").getCell(6).asNumber())
          .isEqualByComparingTo(new BigDecimal("1200"));

      List<Row> trial = rows(workbook, DailyReportTables.TRIAL_BALANCE);
      Row eurTotal =
          trial.stream().filter(r -> r.getCell(0).asString().equals("Total EUR")).findFirst().get();
      assertThat(eurTotal.getCell(2).asNumber()).isEqualByComparingTo(new BigDecimal("30.00"));
      assertThat(eurTotal.getCell(3).asNumber()).isEqualByComparingTo(new BigDecimal("30.00"));
      assertThat(eurTotal.getCell(4).asNumber()).isEqualByComparingTo(BigDecimal.ZERO);

      List<Row> matches = rows(workbook, DailyReportTables.MATCHES);
      assertThat(matches.subList(1, matches.size()).stream().map(r -> r.getCell(0).asString()))
          .isSorted()
          .contains("L1", "L2", "L3");
    }
  }

  @Test
  void threeDecimalCurrenciesKeepEveryDigit() throws IOException {
    ReconciliationRun run =
        Fixtures.run(
            List.of(),
            List.of(),
            List.of(),
            List.of(
                Fixtures.debit("je-k", Fixtures.AS_OF, "bank:KW1", 1_234_567_891_234L, "KWD"),
                Fixtures.credit(
                    "je-k", Fixtures.AS_OF, "payments_clearing", 1_234_567_891_234L, "KWD")));
    try (ReadableWorkbook workbook =
        new ReadableWorkbook(
            new ByteArrayInputStream(new DailyReport(run).xlsx().content()), WITH_FORMATS)) {
      Row line = rows(workbook, DailyReportTables.JOURNAL).get(1);
      assertThat(line.getCell(3).getRawValue()).isEqualTo("1234567891.234");
      assertThat(line.getCell(3).getDataFormatString()).isEqualTo("#,##0.000");
    }
    List<CSVRecord> journal = csv(new DailyReport(run), "report-journal.csv");
    assertThat(journal.get(0).get("debit")).isEqualTo("1234567891.234");
    assertThat(journal.get(1).get("credit")).isEqualTo("1234567891.234");
  }

  @Test
  void csvIsOneFilePerSectionInMajorUnitsWithoutTotalRows() throws IOException {
    assertThat(report.csv())
        .extracting(ReportDocument::fileName)
        .containsExactly(
            "report-summary.csv",
            "report-currencies.csv",
            "report-levels.csv",
            "report-matches.csv",
            "report-reasons.csv",
            "report-exceptions.csv",
            "report-dead_letters.csv",
            "report-trial_balance.csv",
            "report-journal.csv");

    List<CSVRecord> exceptions = csv(report, "report-exceptions.csv");
    assertThat(exceptions).hasSize(4);
    assertThat(exceptions.get(0).get("exception_id")).isEqualTo("ex-2");
    assertThat(exceptions.get(0).get("amount")).isEqualTo("29.50");
    assertThat(exceptions.get(2).get("amount")).isEqualTo("-7.00");
    assertThat(exceptions.get(2).get("at_risk")).isEqualTo("7.00");
    assertThat(exceptions.get(3).get("amount")).isEqualTo("1200");
    assertThat(exceptions.get(3).get("currency")).isEqualTo("JPY");

    List<CSVRecord> reasons = csv(report, "report-reasons.csv");
    assertThat(reasons)
        .anySatisfy(
            r -> {
              assertThat(r.get("reason")).isEqualTo("PARSE_ERROR");
              assertThat(r.get("currency")).isEmpty();
              assertThat(r.get("at_risk")).isEmpty();
              assertThat(r.get("days_2_7")).isEqualTo("1");
            });
    List<CSVRecord> currencies = csv(report, "report-currencies.csv");
    assertThat(currencies).extracting(r -> r.get("currency")).containsExactly("EUR", "JPY");
    assertThat(currencies.get(0).get("at_risk")).isEqualTo("51.50");
  }

  @Test
  void rendersTheFormatsAskedFor() {
    assertThat(report.render(EnumSet.of(ReportFormat.XLSX, ReportFormat.HTML)))
        .extracting(ReportDocument::fileName)
        .containsExactly("report.html", "report.xlsx");
    assertThat(ReportFormat.parseList("pdf, CSV"))
        .containsExactlyInAnyOrder(ReportFormat.PDF, ReportFormat.CSV);
    assertThatThrownBy(() -> ReportFormat.parseList("pdf,docx")).hasMessageContaining("'docx'");
  }

  @Test
  void theHtmlIsReportHtmlItself() {
    ReconciliationRun run = Fixtures.sampleRun();
    assertThat(new String(new DailyReport(run).html().content(), StandardCharsets.UTF_8))
        .isEqualTo(HtmlReport.render(run, RunSummary.of(run)));
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  static List<Row> rows(ReadableWorkbook workbook, String sheet) throws IOException {
    return workbook.findSheet(sheet).orElseThrow().read();
  }

  static List<String> texts(Row row) {
    return row.stream().map(Cell::getText).toList();
  }

  static List<CSVRecord> csv(DailyReport report, String name) throws IOException {
    ReportDocument file =
        report.csv().stream().filter(f -> f.fileName().equals(name)).findFirst().orElseThrow();
    try (CSVParser parser =
        CSVParser.parse(
            new StringReader(new String(file.content(), StandardCharsets.UTF_8)),
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return parser.getRecords();
    }
  }
}
