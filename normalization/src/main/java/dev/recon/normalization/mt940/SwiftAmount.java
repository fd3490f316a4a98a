package dev.recon.normalization.mt940;

import dev.recon.normalization.format.RowProblems;
import java.util.regex.Pattern;

/**
 * SWIFT amounts: unsigned, decimal comma, no thousands separator, the comma always present ("9,",
 * "000000000025,00"). The sign comes from a separate debit/credit mark.
 */
final class SwiftAmount {

  /** SWIFT allows 15 characters including the comma. */
  private static final Pattern AMOUNT = Pattern.compile("\\d{1,14},\\d{0,14}");

  private SwiftAmount() {}

  /** Unsigned minor units, or null after recording why the text is not a SWIFT amount. */
  static Long parse(String field, String text, String currency, RowProblems problems) {
    String t = text == null ? "" : text.strip();
    if (!AMOUNT.matcher(t).matches() || t.length() > 15) {
      problems.add(field, "not a SWIFT amount like 1234,56", t);
      return null;
    }
    return problems.amount(field, t.replace(',', '.'), currency);
  }
}
