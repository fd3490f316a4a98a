package dev.recon.reporting;

import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.RecordKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One row of exceptions.csv: a break found by matching, or an input row that could not be read (a
 * dead letter), so that nothing leaves the run without showing up in the report.
 *
 * @param amountMinor signed amount of the record in minor units (0 for a dead letter)
 * @param currency ISO 4217 code, empty for a dead letter
 * @param ageDays whole days from the record's time to the run's as-of instant, never negative
 * @param deadLetter true when the row stands for a dead letter rather than a break
 */
public record ExceptionRow(
    String exceptionId,
    String reason,
    RecordKind recordKind,
    String recordId,
    long amountMinor,
    String currency,
    Instant detectedAt,
    long ageDays,
    boolean deadLetter) {

  /** Reason of a dead letter whose input could not be parsed. */
  public static final String PARSE_ERROR = "PARSE_ERROR";

  /** Reason of a dead letter that parsed but failed a data-quality check. */
  public static final String DATA_QUALITY = "DATA_QUALITY";

  private static final String DATA_QUALITY_PREFIX = DATA_QUALITY + ":";

  /** exceptions.csv order: exception_id, then record kind and id for identical ids. */
  public static final Comparator<ExceptionRow> FILE_ORDER =
      Comparator.comparing(ExceptionRow::exceptionId)
          .thenComparing(ExceptionRow::recordKind)
          .thenComparing(ExceptionRow::recordId);

  public ExceptionRow {
    Objects.requireNonNull(exceptionId, "exceptionId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(recordKind, "recordKind");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(detectedAt, "detectedAt");
    if (ageDays < 0) {
      throw new IllegalArgumentException("age is never negative: " + exceptionId);
    }
  }

  /** What is at risk, whatever the sign: a missing refund of -50.00 puts 50.00 at risk. */
  public long amountAtRiskMinor() {
    return Math.absExact(amountMinor);
  }

  public AgeingBucket ageingBucket() {
    return AgeingBucket.of(ageDays);
  }

  public static ExceptionRow of(ReconException exception, Instant asOf) {
    return new ExceptionRow(
        exception.getExceptionId(),
        exception.getReason(),
        exception.getRecordKind(),
        exception.getRecordId(),
        exception.getAmountMinor(),
        exception.getCurrency(),
        exception.getDetectedAt(),
        ageDays(exception.getRecordTime(), asOf),
        false);
  }

  /** A dead letter as an exception row, aged from when its input was received. */
  public static ExceptionRow of(DeadLetter deadLetter, Instant asOf) {
    DeadLetterRow row = DeadLetterRow.of(deadLetter);
    Instant receivedAt = deadLetter.getProvenance().getReceivedAt();
    return new ExceptionRow(
        row.deadLetterId(),
        deadLetterReason(deadLetter.getReason()),
        RecordKind.UNKNOWN,
        row.fileName() + ":" + row.line(),
        0,
        "",
        receivedAt,
        ageDays(receivedAt, asOf),
        true);
  }

  /** All rows of exceptions.csv of a run, in file order. */
  public static List<ExceptionRow> allOf(ReconciliationRun run) {
    return Stream.concat(
            run.exceptions().stream().map(e -> of(e, run.asOf())),
            run.deadLetters().stream().map(d -> of(d, run.asOf())))
        .sorted(FILE_ORDER)
        .toList();
  }

  /** Whole days between the record's time and as-of; a record from after as-of has age 0. */
  public static long ageDays(Instant recordTime, Instant asOf) {
    return Math.max(0, Duration.between(recordTime, asOf).toDays());
  }

  static String deadLetterReason(String deadLetterReason) {
    return deadLetterReason.startsWith(DATA_QUALITY_PREFIX) ? DATA_QUALITY : PARSE_ERROR;
  }
}
