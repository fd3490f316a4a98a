package dev.recon.normalization.bai2;

import dev.recon.normalization.format.RowProblems;
import java.time.LocalDate;

/**
 * The funds type of a BAI2 amount and the availability fields it brings along: V a value date and
 * time, S three availability amounts, D a count and that many (days, amount) pairs; 0, 1, 2 and Z
 * bring none. Only a V value date is kept: it is the entry's value date.
 */
record FundsType(String code, LocalDate valueDate) {

  /** D availability lists longer than this are refused: nothing real comes close. */
  static final int MAX_DISTRIBUTIONS = 100;

  /** Reads the funds type and its fields; null after recording why it is unreadable. */
  static FundsType read(FieldCursor fields, String field, RowProblems problems) {
    String code = fields.next();
    switch (code) {
      case "", "0", "1", "2", "Z" -> {
        return new FundsType(code, null);
      }
      case "V" -> {
        String date = fields.next();
        fields.next();
        LocalDate valueDate = Bai2Dates.yymmdd(field + " value date", date, problems);
        return valueDate == null ? null : new FundsType(code, valueDate);
      }
      case "S" -> {
        fields.next();
        fields.next();
        fields.next();
        return new FundsType(code, null);
      }
      case "D" -> {
        String countText = fields.next();
        int count;
        try {
          count = Integer.parseInt(countText);
        } catch (NumberFormatException e) {
          count = -1;
        }
        if (count < 0 || count > MAX_DISTRIBUTIONS) {
          problems.add(
              field + " availability count", "not a count of 0 to " + MAX_DISTRIBUTIONS, countText);
          return null;
        }
        for (int i = 0; i < 2 * count; i++) {
          fields.next();
        }
        return new FundsType(code, null);
      }
      default -> {
        problems.add(field, "not a funds type (0, 1, 2, V, S, D, Z)", code);
        return null;
      }
    }
  }
}
