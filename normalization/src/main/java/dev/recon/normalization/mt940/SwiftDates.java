package dev.recon.normalization.mt940;

import dev.recon.normalization.format.RowProblems;
import java.time.DateTimeException;
import java.time.LocalDate;

/** SWIFT YYMMDD dates and the MMDD entry date of :61:, whose year has to be inferred. */
final class SwiftDates {

  /** SWIFT's two-digit years are 2000-2099: statements predate no bank still sending MT940. */
  private static final int CENTURY = 2000;

  private SwiftDates() {}

  static LocalDate yymmdd(String field, String text, RowProblems problems) {
    try {
      return LocalDate.of(
          CENTURY + Integer.parseInt(text.substring(0, 2)),
          Integer.parseInt(text.substring(2, 4)),
          Integer.parseInt(text.substring(4, 6)));
    } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
      problems.add(field, "not a date YYMMDD", text);
      return null;
    }
  }

  /**
   * The entry (booking) date MMDD in the year that puts it nearest the value date: a value date of
   * 31 Dec booked on 2 Jan is booked in the next year, one of 2 Jan booked on 31 Dec in the
   * previous year.
   */
  static LocalDate entryDate(String field, String mmdd, LocalDate valueDate, RowProblems problems) {
    int month;
    int day;
    try {
      month = Integer.parseInt(mmdd.substring(0, 2));
      day = Integer.parseInt(mmdd.substring(2, 4));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      problems.add(field, "entry date is not MMDD", mmdd);
      return null;
    }
    LocalDate best = null;
    for (int year = valueDate.getYear() - 1; year <= valueDate.getYear() + 1; year++) {
      try {
        LocalDate candidate = LocalDate.of(year, month, day);
        if (best == null || distance(candidate, valueDate) < distance(best, valueDate)) {
          best = candidate;
        }
      } catch (DateTimeException notInThatYear) {
        // 29 Feb exists only in some of the candidate years.
      }
    }
    if (best == null) {
      problems.add(field, "entry date is not MMDD", mmdd);
    }
    return best;
  }

  private static long distance(LocalDate a, LocalDate b) {
    return Math.abs(a.toEpochDay() - b.toEpochDay());
  }
}
