package dev.recon.matching.calendar;

import dev.recon.matching.model.Break;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Dates a break against the run's as-of. A window closes in event time, which in a bounded run can
 * lie after the as-of (records near the end of the data): such a break is detected at the as-of
 * instead (never before its own record). A break that waits for the PSP (a batch without payout, a
 * payout not yet on the bank statement) is assessed against the payout calendar: its detail starts
 * with NOT_YET_DUE or LATE and the due date, which are also set as its due date and due status.
 *
 * @param asOf the run's as-of, or null when the run has none (streaming): breaks keep their window
 *     close and are assessed at it
 */
public record BreakDating(Instant asOf, PayoutCalendars calendars) implements Serializable {

  private static final long serialVersionUID = 1L;

  public BreakDating {
    Objects.requireNonNull(calendars, "calendars");
  }

  public static BreakDating defaults() {
    return new BreakDating(null, PayoutCalendars.defaults());
  }

  /** The break dated and, when it waits for the PSP, assessed; {@code psp} may be null. */
  public Break apply(Break b, String psp) {
    Break dated = b;
    if (asOf != null && b.detectedAt().isAfter(asOf)) {
      dated = b.withDetectedAt(b.recordTime().isAfter(asOf) ? b.recordTime() : asOf);
    }
    LocalDate recordDay = LocalDate.ofInstant(b.recordTime(), ZoneOffset.UTC);
    LocalDate due =
        switch (b.reason()) {
          case MISSING_PAYOUT -> calendars.payoutDue(psp, b.currency(), recordDay);
          case MISSING_IN_BANK -> calendars.bankDue(psp, b.currency(), recordDay);
          default -> null;
        };
    if (due == null) {
      return dated;
    }
    LocalDate reference =
        LocalDate.ofInstant(asOf != null ? asOf : dated.detectedAt(), ZoneOffset.UTC);
    DueAssessment assessment = calendars.assess(b.currency(), due, reference);
    return dated
        .withDetail(assessment.describe() + (b.detail() == null ? "" : ": " + b.detail()))
        .withDue(assessment.dueDate(), assessment.status().name());
  }
}
