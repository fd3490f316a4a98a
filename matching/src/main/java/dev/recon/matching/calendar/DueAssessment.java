package dev.recon.matching.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When the counterpart of an open record was due, and where the as-of stands against that.
 *
 * @param businessDaysLate business days after the due date up to the as-of; 0 when not yet due
 */
public record DueAssessment(LocalDate dueDate, DueStatus status, long businessDaysLate) {

  public DueAssessment {
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(status, "status");
    if (businessDaysLate < 0 || (status == DueStatus.NOT_YET_DUE && businessDaysLate != 0)) {
      throw new IllegalArgumentException(status + " with " + businessDaysLate + " days late");
    }
  }

  /** How the assessment reads at the start of a break's detail. */
  public String describe() {
    return status == DueStatus.NOT_YET_DUE
        ? "NOT_YET_DUE (due " + dueDate + ")"
        : "LATE (due " + dueDate + ", " + businessDaysLate + " business days overdue)";
  }
}
