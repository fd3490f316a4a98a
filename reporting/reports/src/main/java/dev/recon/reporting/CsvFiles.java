package dev.recon.reporting;

import dev.recon.ledger.db.JournalLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV files of {@code recon reconcile --out DIR}: RFC 4180 quoting, LF line endings, a header
 * row, UTF-8. Column names and order are a contract that users script against.
 */
public final class CsvFiles {

  public static final List<String> MATCHES_HEADER =
      List.of("match_id", "level", "rule", "record_kind", "record_id", "amount_minor", "currency");

  public static final List<String> EXCEPTIONS_HEADER =
      List.of(
          "exception_id",
          "reason",
          "record_kind",
          "record_id",
          "amount_minor",
          "currency",
          "detected_at",
          "age_days");

  public static final List<String> JOURNAL_HEADER =
      List.of(
          "entry_id",
          "booked_at",
          "account",
          "debit_minor",
          "credit_minor",
          "currency",
          "source_kind",
          "source_id");

  public static final List<String> DEAD_LETTERS_HEADER =
      List.of("dead_letter_id", "file_name", "line", "field", "format", "reason");

  /** journal.csv order: booked_at, entry_id, then the order the lines were given in. */
  public static final Comparator<JournalLine> JOURNAL_ORDER =
      Comparator.comparing(JournalLine::bookedAt).thenComparing(JournalLine::entryId);

  private CsvFiles() {}

  /** Writes matches.csv; the rows must already be in {@link MatchRow#FILE_ORDER}. */
  static void writeMatches(List<MatchRow> rows, Path target) throws IOException {
    write(
        target,
        MATCHES_HEADER,
        rows,
        row ->
            List.of(
                row.matchId(),
                row.level().name(),
                row.rule(),
                row.recordKind().name(),
                row.recordId(),
                Long.toString(row.amountMinor()),
                row.currency()));
  }

  /** Writes exceptions.csv; the rows must already be in {@link ExceptionRow#FILE_ORDER}. */
  static void writeExceptions(List<ExceptionRow> rows, Path target) throws IOException {
    write(
        target,
        EXCEPTIONS_HEADER,
        rows,
        row ->
            List.of(
                row.exceptionId(),
                row.reason(),
                row.recordKind().name(),
                row.recordId(),
                Long.toString(row.amountMinor()),
                row.currency(),
                row.detectedAt().toString(),
                Long.toString(row.ageDays())));
  }

  /** Writes journal.csv in {@link #JOURNAL_ORDER}, keeping the given order of an entry's lines. */
  static void writeJournal(List<JournalLine> lines, Path target) throws IOException {
    write(
        target,
        JOURNAL_HEADER,
        lines.stream().sorted(JOURNAL_ORDER).toList(),
        line ->
            List.of(
                line.entryId(),
                line.bookedAt().toString(),
                line.account(),
                Long.toString(line.debitMinor()),
                Long.toString(line.creditMinor()),
                line.currency(),
                line.sourceKind(),
                line.sourceId()));
  }

  /** Writes dead_letters.csv; the rows must already be in {@link DeadLetterRow#FILE_ORDER}. */
  static void writeDeadLetters(List<DeadLetterRow> rows, Path target) throws IOException {
    write(
        target,
        DEAD_LETTERS_HEADER,
        rows,
        row ->
            List.of(
                row.deadLetterId(),
                row.fileName(),
                Integer.toString(row.line()),
                row.field(),
                row.format(),
                row.reason()));
  }

  private static <T> void write(
      Path target, List<String> header, List<T> rows, Function<T, List<String>> columns)
      throws IOException {
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setRecordSeparator('\n')
            .setHeader(header.toArray(String[]::new))
            .get();
    ReportFile.write(
        target,
        writer -> {
          try (CSVPrinter printer = new CSVPrinter(writer, format)) {
            for (T row : rows) {
              List<String> values = columns.apply(row);
              if (values.size() != header.size()) {
                throw new IllegalStateException("row does not fit the header of " + target);
              }
              printer.printRecord(values);
            }
          }
        });
  }
}
