package dev.recon.reporting.monthend;

import java.time.Instant;
import java.util.Objects;

/**
 * An exception still open at month end, as the casework store knows it.
 *
 * @param recordKind the kind of the record in the break (EXPECTED, PSP_TXN, PAYOUT, BANK_LINE)
 * @param amountMinor signed amount of the record in minor units of {@code currency}
 * @param openedAt when the break arose (the record's time): its age is counted from here
 * @param assignee who works it, empty when nobody does yet
 */
public record OpenItem(
    String exceptionId,
    String reason,
    String recordKind,
    String recordId,
    long amountMinor,
    String currency,
    Instant openedAt,
    String assignee) {

  public OpenItem {
    Objects.requireNonNull(exceptionId, "exceptionId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(recordKind, "recordKind");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(openedAt, "openedAt");
    assignee = assignee == null ? "" : assignee;
  }

  /** What is at risk, whatever the sign. */
  public long amountAtRiskMinor() {
    return Math.absExact(amountMinor);
  }
}
