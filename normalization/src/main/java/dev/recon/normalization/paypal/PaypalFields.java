package dev.recon.normalization.paypal;

import dev.recon.normalization.csv.BoundRow;
import dev.recon.normalization.format.RowProblems;
import dev.recon.normalization.money.MinorUnits;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Field readers shared by PayPal's SFTP reports (STL, TRR): currencies, CR/DR, report times. */
final class PaypalFields {

  private static final DateTimeFormatter REPORT_TIME =
      DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss xx");

  private static final String CREDIT = "CR";
  private static final String DEBIT = "DR";

  private PaypalFields() {}

  static String currency(BoundRow row, String column, RowProblems problems) {
    String currency = row.value(column);
    if (!MinorUnits.isKnownCurrency(currency)) {
      problems.add(
          column,
          currency.isEmpty() ? "required value missing" : "unknown currency code",
          currency);
    }
    return currency;
  }

  /** True for CR (credit to the PayPal balance), false for DR. */
  static boolean indicator(BoundRow row, String column, RowProblems problems) {
    String text = row.value(column);
    if (CREDIT.equals(text)) {
      return true;
    }
    if (!DEBIT.equals(text)) {
      problems.add(column, "not CR or DR", text);
    }
    return false;
  }

  static Instant reportTime(String column, String text, RowProblems problems) {
    try {
      return OffsetDateTime.parse(text, REPORT_TIME).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(column, "not a date and time like 2026/01/06 03:12:28 -0800", text);
      return null;
    }
  }
}
