package dev.recon.normalization.mt940;

import dev.recon.normalization.format.RowProblems;
import dev.recon.normalization.money.MinorUnits;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An MT940 balance field (:60F:, :60M:, :62F:, :62M:): D/C mark, YYMMDD date, currency, amount. The
 * currency of a statement's entries is only ever given here.
 */
record SwiftBalance(long amountMinor, String currency, LocalDate date) {

  private static final Pattern BALANCE = Pattern.compile("([CD])(\\d{6})([A-Z]{3})(.*)");

  /** The balance, or null after recording why the field is not one. */
  static SwiftBalance parse(SwiftField f, RowProblems problems) {
    String field = ":" + f.tag() + ":";
    Matcher m = BALANCE.matcher(f.value().strip());
    if (!m.matches()) {
      problems.add(field, "not a balance like C250301EUR1000,00", f.value());
      return null;
    }
    String currency = m.group(3);
    if (!MinorUnits.isKnownCurrency(currency)) {
      problems.add(field, "unknown currency code", currency);
      return null;
    }
    LocalDate date = SwiftDates.yymmdd(field, m.group(2), problems);
    Long amount = SwiftAmount.parse(field, m.group(4), currency, problems);
    if (date == null || amount == null) {
      return null;
    }
    return new SwiftBalance(m.group(1).equals("C") ? amount : -amount, currency, date);
  }
}
