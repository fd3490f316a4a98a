package dev.recon.normalization.bai2;

import dev.recon.normalization.format.RowProblems;
import java.time.DateTimeException;
import java.time.LocalDate;

/** BAI2 YYMMDD dates. */
final class Bai2Dates {

  /** BAI2 two-digit years are 2000-2099, like SWIFT's. */
  private static final int CENTURY = 2000;

  private Bai2Dates() {}

  static LocalDate yymmdd(String field, String text, RowProblems problems) {
    try {
      if (text.length() != 6) {
        throw new NumberFormatException();
      }
      return LocalDate.of(
          CENTURY + Integer.parseInt(text.substring(0, 2)),
          Integer.parseInt(text.substring(2, 4)),
          Integer.parseInt(text.substring(4, 6)));
    } catch (DateTimeException | NumberFormatException e) {
      problems.add(field, "not a date YYMMDD", text);
      return null;
    }
  }
}
