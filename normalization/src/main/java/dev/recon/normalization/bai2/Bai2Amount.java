package dev.recon.normalization.bai2;

import dev.recon.normalization.format.RowProblems;
import dev.recon.normalization.money.MinorUnits;
import java.util.regex.Pattern;

/**
 * BAI2 amounts: integers in minor units with the decimal point implied by the currency
 * ("000000000208500" is 2085.00 CAD, 1500 JPY is 1500 yen). Only summary and control amounts may
 * carry a sign; detail amounts are unsigned and the type code gives the direction.
 */
final class Bai2Amount {
  private static final Pattern UNSIGNED = Pattern.compile("\\d{1,18}");
  private static final Pattern SIGNED = Pattern.compile("[+-]?\\d{1,18}");

  private Bai2Amount() {}

  static Long unsigned(String field, String text, RowProblems problems) {
    return parse(field, text, UNSIGNED, "not an unsigned amount in minor units", problems);
  }

  static Long signed(String field, String text, RowProblems problems) {
    return parse(field, text, SIGNED, "not an amount in minor units", problems);
  }

  private static Long parse(
      String field, String text, Pattern syntax, String reason, RowProblems problems) {
    if (!syntax.matcher(text).matches()) {
      problems.add(field, text.isEmpty() ? "required value missing" : reason, text);
      return null;
    }
    long minor = Long.parseLong(text);
    if (Math.abs(minor) > MinorUnits.MAX_ABS_MINOR) {
      problems.add(field, "amount out of range", text);
      return null;
    }
    return minor;
  }
}
