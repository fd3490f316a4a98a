package dev.recon.matching.model;

import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A record that did not match, with the amount at risk. detectedAt is event time (when the record's
 * window expired), never the wall clock, so a replay raises the same break.
 *
 * @param dueDate when the missing counterpart was due by the PSP's payout calendar, null if unknown
 * @param dueStatus NOT_YET_DUE or LATE ({@code calendar.DueStatus}) against the run's as-of, set
 *     exactly when dueDate is
 */
public record Break(
    String tenantId,
    MatchLevel level,
    BreakReason reason,
    RecordKind recordKind,
    String recordId,
    long amountMinor,
    String currency,
    Instant recordTime,
    Instant detectedAt,
    String detail,
    LocalDate dueDate,
    String dueStatus) {

  /** A detail is read by people in a queue; it is cut there rather than grow with the input. */
  public static final int MAX_DETAIL_CHARS = 2_000;

  /** How many member ids a detail names before it says how many more there are. */
  public static final int MAX_IDS_IN_DETAIL = 25;

  public Break {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(recordKind, "recordKind");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(recordTime, "recordTime");
    Objects.requireNonNull(detectedAt, "detectedAt");
    if (amountMinor < 0) {
      throw new IllegalArgumentException("amount at risk is never negative: " + amountMinor);
    }
    if (detail != null && detail.length() > MAX_DETAIL_CHARS) {
      detail = detail.substring(0, MAX_DETAIL_CHARS - 3) + "...";
    }
    if ((dueDate == null) != (dueStatus == null)) {
      throw new IllegalArgumentException("a due date and its status come together");
    }
  }

  /** A break not assessed against a payout calendar. */
  public Break(
      String tenantId,
      MatchLevel level,
      BreakReason reason,
      RecordKind recordKind,
      String recordId,
      long amountMinor,
      String currency,
      Instant recordTime,
      Instant detectedAt,
      String detail) {
    this(
        tenantId,
        level,
        reason,
        recordKind,
        recordId,
        amountMinor,
        currency,
        recordTime,
        detectedAt,
        detail,
        null,
        null);
  }

  /** Names ids for a detail, at most {@link #MAX_IDS_IN_DETAIL} of them. */
  public static String nameIds(Collection<? extends ReconRecord> records) {
    String named =
        records.stream()
            .limit(MAX_IDS_IN_DETAIL)
            .map(ReconRecord::recordId)
            .collect(Collectors.joining(", "));
    int more = records.size() - MAX_IDS_IN_DETAIL;
    return more > 0 ? named + " and " + more + " more" : named;
  }

  /** The same break, detected at another time. */
  public Break withDetectedAt(Instant at) {
    return new Break(
        tenantId,
        level,
        reason,
        recordKind,
        recordId,
        amountMinor,
        currency,
        recordTime,
        at,
        detail,
        dueDate,
        dueStatus);
  }

  /** The same break with another detail (cut to {@link #MAX_DETAIL_CHARS} like any detail). */
  public Break withDetail(String newDetail) {
    return new Break(
        tenantId,
        level,
        reason,
        recordKind,
        recordId,
        amountMinor,
        currency,
        recordTime,
        detectedAt,
        newDetail,
        dueDate,
        dueStatus);
  }

  /** The same break, assessed as due on {@code date} with {@code status} (NOT_YET_DUE, LATE). */
  public Break withDue(LocalDate date, String status) {
    return new Break(
        tenantId,
        level,
        reason,
        recordKind,
        recordId,
        amountMinor,
        currency,
        recordTime,
        detectedAt,
        detail,
        Objects.requireNonNull(date, "date"),
        Objects.requireNonNull(status, "status"));
  }

  public String exceptionId() {
    return DeterministicIds.exceptionId(tenantId, level, reason, recordKind, recordId, currency);
  }

  public ReconException toAvro() {
    return ReconException.newBuilder()
        .setExceptionId(exceptionId())
        .setTenantId(tenantId)
        .setLevel(level)
        .setReason(reason.name())
        .setRecordKind(recordKind)
        .setRecordId(recordId)
        .setAmountMinor(amountMinor)
        .setCurrency(currency)
        .setRecordTime(recordTime)
        .setDetectedAt(detectedAt)
        .setDetail(detail)
        .setDueDate(dueDate)
        .setDueStatus(dueStatus)
        .build();
  }
}
