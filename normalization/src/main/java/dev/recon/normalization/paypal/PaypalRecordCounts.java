package dev.recon.normalization.paypal;

import dev.recon.normalization.format.ParseResult;
import java.util.List;

/**
 * The body-row counts PayPal's Transaction Detail report writes in its count records (SF/SC per
 * section, RF/RC per report, FF per file part), compared with the SB rows actually read. A count
 * that covers rows of an earlier part of a multi-part report cannot be checked from this part
 * alone; that is reported as such, never passed off as checked.
 */
final class PaypalRecordCounts {

  /** Finding code: a count record differs from the number of body rows read. */
  static final String COUNT_MISMATCH = "PAYPAL_COUNT_MISMATCH";

  /** Finding code: a count covers rows of earlier file parts, so this part cannot verify it. */
  static final String COUNT_SPANS_PARTS = "PAYPAL_COUNT_SPANS_PARTS";

  /** Counts longer than this are not counts (and would not fit an int). */
  private static final int MAX_COUNT_DIGITS = 9;

  private PaypalRecordCounts() {}

  /**
   * Compares {@code fields} (record type first, then the count) with {@code bodyRows}.
   *
   * @param complete whether every body row the count covers is in this file
   */
  static void check(
      int line, List<String> fields, int bodyRows, boolean complete, ParseResult.Builder out) {
    String type = fields.get(0).strip();
    String text = fields.size() > 1 ? fields.get(1).strip() : "";
    if (!isCount(text)) {
      out.finding(
          line, COUNT_MISMATCH, type + " count is not a number: '" + abbreviate(text) + "'");
      return;
    }
    int count = Integer.parseInt(text);
    if (!complete) {
      out.finding(
          line,
          COUNT_SPANS_PARTS,
          type
              + " count "
              + count
              + " includes rows of earlier file parts; this part holds "
              + bodyRows);
      return;
    }
    if (count != bodyRows) {
      out.finding(
          line, COUNT_MISMATCH, type + " count=" + count + " but " + bodyRows + " body rows read");
    }
  }

  static boolean isCount(String text) {
    return !text.isEmpty()
        && text.length() <= MAX_COUNT_DIGITS
        && text.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static String abbreviate(String text) {
    return text.length() > 12 ? text.substring(0, 12) + "..." : text;
  }
}
