package dev.recon.reporting.render;

import dev.recon.reporting.HtmlReport;
import dev.recon.reporting.ReconciliationRun;
import dev.recon.reporting.RunSummary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The daily reconciliation report of one run in every format a finance team asks for. The HTML is
 * report.html itself; the PDF is printed from it; XLSX and CSV carry the same sections as tables
 * (see {@link DailyReportTables}), every row included.
 */
public final class DailyReport {

  public static final String HTML_FILE = "report.html";
  public static final String PDF_FILE = "report.pdf";
  public static final String XLSX_FILE = "report.xlsx";

  /** CSV files are named after their section with this prefix, e.g. report-exceptions.csv. */
  public static final String CSV_PREFIX = "report-";

  private final ReconciliationRun run;
  private final RunSummary summary;

  public DailyReport(ReconciliationRun run) {
    this(run, RunSummary.of(run));
  }

  public DailyReport(ReconciliationRun run, RunSummary summary) {
    this.run = Objects.requireNonNull(run, "run");
    this.summary = Objects.requireNonNull(summary, "summary");
  }

  public RunSummary summary() {
    return summary;
  }

  public ReportDocument html() {
    return new ReportDocument(
        HTML_FILE,
        ReportDocument.HTML,
        HtmlReport.render(run, summary).getBytes(StandardCharsets.UTF_8));
  }

  public ReportDocument pdf() {
    return new ReportDocument(
        PDF_FILE, ReportDocument.PDF, PdfDocument.render(HtmlReport.render(run, summary)));
  }

  public ReportDocument xlsx() {
    return new ReportDocument(XLSX_FILE, ReportDocument.XLSX, XlsxWorkbook.render(tables()));
  }

  /** One file per section: report-summary.csv, report-exceptions.csv, ... */
  public List<ReportDocument> csv() {
    return CsvTables.render(tables()).stream()
        .map(f -> new ReportDocument(CSV_PREFIX + f.fileName(), f.mediaType(), f.content()))
        .toList();
  }

  public List<ReportTable> tables() {
    return DailyReportTables.of(run, summary);
  }

  /** The documents of the given formats, in the order HTML, PDF, XLSX, CSV. */
  public List<ReportDocument> render(Set<ReportFormat> formats) {
    Set<ReportFormat> wanted = formats.isEmpty() ? Set.of() : EnumSet.copyOf(formats);
    List<ReportDocument> documents = new ArrayList<>();
    if (wanted.contains(ReportFormat.HTML)) {
      documents.add(html());
    }
    if (wanted.contains(ReportFormat.PDF)) {
      documents.add(pdf());
    }
    if (wanted.contains(ReportFormat.XLSX)) {
      documents.add(xlsx());
    }
    if (wanted.contains(ReportFormat.CSV)) {
      documents.addAll(csv());
    }
    return documents;
  }
}
