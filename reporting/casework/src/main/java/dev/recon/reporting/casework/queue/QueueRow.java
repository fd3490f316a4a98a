package dev.recon.reporting.casework.queue;

import dev.recon.reporting.AgeingBucket;
import dev.recon.reporting.ExceptionRow;
import dev.recon.schemas.RecordKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One break as the queue lists it.
 *
 * @param amountMinor signed, in the record's convention; {@code amountAtRiskMinor} is its size
 * @param ageDays whole days from the record's time to now, as the daily report ages it
 * @param psp the record's PSP when known (copied from its canonical record)
 * @param assignee the user working it, null when nobody is
 */
public record QueueRow(
    String exceptionId,
    String level,
    String reason,
    RecordKind recordKind,
    String recordId,
    String psp,
    String reference,
    long amountMinor,
    long amountAtRiskMinor,
    String currency,
    Instant recordTime,
    Instant detectedAt,
    long ageDays,
    AgeingBucket ageingBucket,
    String detail,
    LocalDate dueDate,
    String dueStatus,
    ExceptionState state,
    String resolutionKind,
    Instant resolvedAt,
    String assignee) {

  /** The text a record is named by in proposals and the ledger's trail: KIND:id. */
  public String recordRef() {
    return recordKind.name() + ":" + recordId;
  }

  static QueueRow read(ResultSet rs, Instant now) throws SQLException {
    Instant recordTime = instant(rs, "record_time");
    long age = ExceptionRow.ageDays(recordTime, now);
    return new QueueRow(
        rs.getString("exception_id"),
        rs.getString("level"),
        rs.getString("reason"),
        RecordKind.valueOf(rs.getString("record_kind")),
        rs.getString("record_id"),
        rs.getString("psp"),
        rs.getString("reference"),
        rs.getLong("amount_minor"),
        rs.getLong("amount_at_risk_minor"),
        rs.getString("currency"),
        recordTime,
        instant(rs, "detected_at"),
        age,
        AgeingBucket.of(age),
        rs.getString("detail"),
        rs.getObject("due_date", LocalDate.class),
        rs.getString("due_status"),
        ExceptionState.valueOf(rs.getString("state")),
        rs.getString("resolution_kind"),
        instant(rs, "resolved_at"),
        rs.getString("assignee"));
  }

  /** The value a page token keeps for this row under {@code sort}. */
  String sortValue(QueueSort sort) {
    return switch (sort) {
      case AGE -> recordTime.toString();
      case DETECTED -> detectedAt.toString();
      case AMOUNT -> Long.toString(amountAtRiskMinor);
      case REASON -> reason;
    };
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
