package dev.recon.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the files of {@code recon reconcile --out DIR}. The contract files (names, columns, column
 * order) are stable because users script against them; dead_letters.csv comes on top, with what a
 * finance user needs to fix a bad input row. Writing the same run twice gives byte-identical files:
 * rows are sorted, and nothing depends on the clock or the platform.
 */
public final class ReconciliationOutputWriter {

  public static final String MATCHES_CSV = "matches.csv";
  public static final String EXCEPTIONS_CSV = "exceptions.csv";
  public static final String JOURNAL_CSV = "journal.csv";
  public static final String DEAD_LETTERS_CSV = "dead_letters.csv";
  public static final String SUMMARY_JSON = "summary.json";
  public static final String REPORT_HTML = "report.html";

  /** Every file {@link #write} creates, in the order it creates them. */
  public static final List<String> FILE_NAMES =
      List.of(
          MATCHES_CSV, EXCEPTIONS_CSV, JOURNAL_CSV, DEAD_LETTERS_CSV, SUMMARY_JSON, REPORT_HTML);

  private ReconciliationOutputWriter() {}

  /**
   * Writes every output file of the run into {@code outDir}, creating the folder if needed and
   * replacing files of an earlier run.
   *
   * @return the summary that summary.json and report.html show
   */
  public static RunSummary write(ReconciliationRun run, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    RunSummary summary = RunSummary.of(run);
    CsvFiles.writeMatches(MatchRow.allOf(run.matches()), outDir.resolve(MATCHES_CSV));
    CsvFiles.writeExceptions(ExceptionRow.allOf(run), outDir.resolve(EXCEPTIONS_CSV));
    CsvFiles.writeJournal(run.journalLines(), outDir.resolve(JOURNAL_CSV));
    CsvFiles.writeDeadLetters(DeadLetterRow.allOf(run), outDir.resolve(DEAD_LETTERS_CSV));
    SummaryJson.write(summary, outDir.resolve(SUMMARY_JSON));
    HtmlReport.write(run, summary, outDir.resolve(REPORT_HTML));
    return summary;
  }
}
