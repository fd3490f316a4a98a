package dev.recon.reporting;

import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.Provenance;
import java.util.Comparator;
import java.util.List;

/**
 * One row of dead_letters.csv: where a bad input row is and why it was refused, so a finance user
 * can fix the input.
 *
 * @param fileName the input file, or the connector source when the input was not a file
 * @param line 1-based line (or entry ordinal) in the input, 0 when not applicable
 * @param field the offending field, empty when the whole row is at fault
 * @param format the detected or forced input format, empty when unknown
 */
public record DeadLetterRow(
    String deadLetterId, String fileName, int line, String field, String format, String reason) {

  /** dead_letters.csv order: by input file and line, so fixes can be made top to bottom. */
  public static final Comparator<DeadLetterRow> FILE_ORDER =
      Comparator.comparing(DeadLetterRow::fileName)
          .thenComparingInt(DeadLetterRow::line)
          .thenComparing(DeadLetterRow::deadLetterId);

  public static DeadLetterRow of(DeadLetter deadLetter) {
    Provenance provenance = deadLetter.getProvenance();
    String fileName =
        provenance.getFileName() != null ? provenance.getFileName() : provenance.getSource();
    return new DeadLetterRow(
        deadLetter.getDeadLetterId(),
        fileName,
        provenance.getLine(),
        nullToEmpty(deadLetter.getField()),
        nullToEmpty(deadLetter.getFormat()),
        deadLetter.getReason());
  }

  public static List<DeadLetterRow> allOf(ReconciliationRun run) {
    return run.deadLetters().stream().map(DeadLetterRow::of).sorted(FILE_ORDER).toList();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
