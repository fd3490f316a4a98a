package dev.recon.normalization.paypal;

import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.money.MinorSum;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Body-row sums per currency, in the report's own x100 units, for one section (SF footers) or the
 * whole report (RF footers). Footers carry credit and debit totals of gross and fee per currency.
 */
final class PaypalFooterTotals {

  /** Finding code: a footer's totals differ from the sums of the body rows. */
  static final String FOOTER_MISMATCH = "PAYPAL_FOOTER_MISMATCH";

  /** Finding code: body rows in a currency that has no footer. */
  static final String FOOTER_MISSING = "PAYPAL_FOOTER_MISSING";

  /** Footer fields after the record type: currency, then these four totals. */
  static final List<String> TOTALS =
      List.of("gross credit", "gross debit", "fee credit", "fee debit");

  static final int GROSS_CREDIT = 0;
  static final int GROSS_DEBIT = 1;
  static final int FEE_CREDIT = 2;
  static final int FEE_DEBIT = 3;

  private final String footerType;
  private final Map<String, MinorSum[]> sums = new TreeMap<>();
  private final TreeSet<String> footed = new TreeSet<>();

  PaypalFooterTotals(String footerType) {
    this.footerType = footerType;
  }

  void add(String currency, int total, long hundredths) {
    sums.computeIfAbsent(currency, c -> newSums())[total].add(hundredths);
  }

  /**
   * Compares one footer ({@code fields} as read, record type first) with the body sums. Footer
   * fields that are not amounts are reported as a mismatch too: a footer that cannot be read does
   * not prove anything.
   */
  void checkFooter(int line, List<String> fields, ParseResult.Builder out) {
    String currency = fields.size() > 1 ? fields.get(1).strip() : "";
    footed.add(currency);
    MinorSum[] body = sums.getOrDefault(currency, newSums());
    StringBuilder differences = new StringBuilder();
    for (int i = 0; i < TOTALS.size(); i++) {
      int column = i + 2;
      String text = column < fields.size() ? fields.get(column).strip() : "";
      OptionalLong bodySum = body[i].value();
      String bodyText = bodySum.isPresent() ? major(bodySum.getAsLong()) : "(overflow)";
      if (!PaypalAmount.isReportAmount(text)) {
        differences.append(
            String.format(" %s footer=%s body=%s;", TOTALS.get(i), "'" + text + "'", bodyText));
      } else if (bodySum.isEmpty() || bodySum.getAsLong() != Long.parseLong(text)) {
        differences.append(
            String.format(
                " %s footer=%s body=%s;", TOTALS.get(i), major(Long.parseLong(text)), bodyText));
      }
    }
    if (differences.length() > 0) {
      out.finding(
          line,
          FOOTER_MISMATCH,
          footerType + " " + currency + " totals differ from the body rows:" + differences);
    }
  }

  /** Reports body currencies no footer covered, then starts over. */
  void close(int line, ParseResult.Builder out) {
    for (String currency : sums.keySet()) {
      if (!footed.contains(currency)) {
        out.finding(
            line, FOOTER_MISSING, "no " + footerType + " footer for " + currency + " body rows");
      }
    }
    sums.clear();
    footed.clear();
  }

  /** Forgets the sums without reporting: for reports whose footers carry counts, not totals. */
  void discard() {
    sums.clear();
    footed.clear();
  }

  /** The x100 report value as decimal text, for messages. */
  private static String major(long hundredths) {
    return BigDecimal.valueOf(hundredths, PaypalAmount.REPORT_EXPONENT).toPlainString();
  }

  private static MinorSum[] newSums() {
    MinorSum[] s = new MinorSum[TOTALS.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = new MinorSum();
    }
    return s;
  }
}
