package dev.recon.normalization.format;

import dev.recon.normalization.csv.CsvLine;
import dev.recon.normalization.csv.CsvTokenizer;
import dev.recon.normalization.csv.HeaderIndex;
import dev.recon.normalization.csv.TextDecoding;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises a format from the start of a file's content, never from its name: files arrive by
 * e-mail and SFTP under arbitrary names.
 */
public final class FormatDetector {

  /** How much of a file detection looks at. */
  public static final int HEAD_BYTES = 8 * 1024;

  private static final Pattern CAMT_053 =
      Pattern.compile("<([\\w.-]+:)?BkToCstmrStmt[\\s>/]|camt\\.053\\.001\\.\\d+");

  /** An MT940 message: a :20: reference and a balance or statement line, or a 940 envelope. */
  private static final Pattern MT940_REFERENCE = Pattern.compile("(?m)^:20:|\\{4:\\s*:20:");

  private static final Pattern MT940_BODY =
      Pattern.compile("(?m)^:(60F|60M|61|62F|62M|28C):|\\{2:[IO]940");

  /** A BAI2 file header (01) followed, after any 88 continuations, by a group header (02). */
  private static final Pattern BAI2 = Pattern.compile("01,[^\\r\\n]*\\R(88,[^\\r\\n]*\\R)*02,");

  private static final Pattern PAYPAL_REPORT_TIME =
      Pattern.compile("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}");

  private static final Pattern PAYPAL_SECTION = Pattern.compile("(?m)^\"?(FH|SH|CH)\"?,");

  /** The Transaction Detail report's column header: the STL's has no Transactional Status. */
  private static final Pattern PAYPAL_TRR_HEADER =
      Pattern.compile("(?m)^\"?CH\"?,.*\"?Transactional Status\"?\\s*(,|$)");

  /** A Stripe event, alone, in an array or in an API list. */
  private static final Pattern STRIPE_EVENT = Pattern.compile("\"object\"\\s*:\\s*\"event\"");

  private static final Pattern ADYEN_NOTIFICATION =
      Pattern.compile("\"notificationItems\"\\s*:\\s*\\[");

  /** Zamtel's bodies have no member of their own: they are known by naming the provider. */
  private static final Pattern ZAMTEL = Pattern.compile("(?i)\"[^\"]{0,80}zamtel[^\"]{0,80}\"");

  private static final Pattern AIRTEL_ID = Pattern.compile("\"airtel_money_id\"\\s*:");

  private static final Pattern AIRTEL_TRANSACTION =
      Pattern.compile("\"transaction\"\\s*:\\s*\\{[^{}]*\"status(_code)?\"\\s*:");

  private static final Pattern MTN_TRANSACTION_ID =
      Pattern.compile("\"financialTransactionId\"\\s*:");

  private static final Pattern MTN_PARTY = Pattern.compile("\"(payer|payee)\"\\s*:\\s*\\{");

  private static final Pattern MTN_EXTERNAL_ID = Pattern.compile("\"externalId\"\\s*:");

  private static final List<String> ADYEN_PAYMENTS_ACCOUNTING_COLUMNS =
      List.of("Psp Reference", "Record Type", "Booking Date", "Payable (SC)");

  private static final List<String> STRIPE_BALANCE_HISTORY_COLUMNS =
      List.of("id", "Type", "Amount", "Currency", "Created (UTC)");

  private static final List<String> EXPECTED_COLUMNS =
      List.of("expected_id", "merchant_reference", "amount", "currency");

  private static final List<String> ADYEN_SETTLEMENT_DETAIL_COLUMNS =
      List.of("Merchant Account", "Psp Reference", "Type", "Batch Number", "Net Currency");

  private static final List<String> STRIPE_ITEMIZED_COLUMNS =
      List.of("reporting_category", "currency", "gross");

  private static final List<String> STRIPE_ID_COLUMNS =
      List.of("balance_transaction_id", "source_id", "charge_id", "payout_id");

  private FormatDetector() {}

  /** The format of a file whose first bytes are {@code head}, or empty when none fits. */
  public static Optional<Format> detect(byte[] head) {
    String text = TextDecoding.decode(head, HEAD_BYTES).text().stripLeading();
    // MT940 envelopes start with "{1:" too, so a brace alone does not make a document JSON.
    if (text.startsWith("{") || text.startsWith("[")) {
      Optional<Format> json = detectJson(text);
      if (json.isPresent()) {
        return json;
      }
    }
    if (text.startsWith("<")) {
      return CAMT_053.matcher(text).find() ? Optional.of(Format.CAMT_053) : Optional.empty();
    }
    if (MT940_REFERENCE.matcher(text).find() && MT940_BODY.matcher(text).find()) {
      return Optional.of(Format.MT940);
    }
    if (BAI2.matcher(text).lookingAt()) {
      return Optional.of(Format.BAI2);
    }
    CsvLine first = new CsvTokenizer(text, HEAD_BYTES).next();
    if (!(first instanceof CsvLine.Row row)) {
      return Optional.empty();
    }
    if (isPaypalStl(row, text)) {
      return Optional.of(
          PAYPAL_TRR_HEADER.matcher(text).find() ? Format.PAYPAL_TRR : Format.PAYPAL_STL);
    }
    HeaderIndex header = HeaderIndex.of(row.fields());
    if (EXPECTED_COLUMNS.stream().allMatch(header::has)) {
      return Optional.of(Format.EXPECTED_PAYMENTS_CSV);
    }
    if (ADYEN_PAYMENTS_ACCOUNTING_COLUMNS.stream().allMatch(header::has)) {
      return Optional.of(Format.ADYEN_PAYMENTS_ACCOUNTING);
    }
    if (ADYEN_SETTLEMENT_DETAIL_COLUMNS.stream().allMatch(header::has)) {
      return Optional.of(Format.ADYEN_SETTLEMENT_DETAIL);
    }
    if (STRIPE_ITEMIZED_COLUMNS.stream().allMatch(header::has)
        && STRIPE_ID_COLUMNS.stream().anyMatch(header::has)) {
      return Optional.of(Format.STRIPE_ITEMIZED);
    }
    if (STRIPE_BALANCE_HISTORY_COLUMNS.stream().allMatch(header::has)) {
      return Optional.of(Format.STRIPE_BALANCE_HISTORY);
    }
    return Optional.empty();
  }

  /** JSON documents: webhook bodies and API responses, told apart by their member names. */
  private static Optional<Format> detectJson(String text) {
    if (STRIPE_EVENT.matcher(text).find()) {
      return Optional.of(Format.STRIPE_WEBHOOK);
    }
    if (ADYEN_NOTIFICATION.matcher(text).find()) {
      return Optional.of(Format.ADYEN_WEBHOOK);
    }
    if (ZAMTEL.matcher(text).find()) {
      return Optional.of(Format.ZAMTEL_KWACHA);
    }
    if (AIRTEL_ID.matcher(text).find() || AIRTEL_TRANSACTION.matcher(text).find()) {
      return Optional.of(Format.AIRTEL_MONEY);
    }
    if (MTN_TRANSACTION_ID.matcher(text).find()
        || (MTN_EXTERNAL_ID.matcher(text).find() && MTN_PARTY.matcher(text).find())) {
      return Optional.of(Format.MTN_MOMO);
    }
    return Optional.empty();
  }

  /**
   * A PayPal SFTP report (Settlement or Transaction Detail): an RH record dated like "2026/01/07
   * 02:22:35 -0800" first, and an FH, SH or CH record in the head.
   */
  private static boolean isPaypalStl(CsvLine.Row first, String text) {
    return first.fields().size() > 1
        && first.fields().get(0).strip().equals("RH")
        && PAYPAL_REPORT_TIME.matcher(first.fields().get(1).strip()).matches()
        && PAYPAL_SECTION.matcher(text).find();
  }

  /** The message callers report for a file no format fits, with its first line masked. */
  public static String unknownFormatMessage(String fileName, byte[] head) {
    return "unknown format: " + fileName + ", first line: " + firstLine(head);
  }

  static String firstLine(byte[] head) {
    String text = TextDecoding.decode(head, HEAD_BYTES).text().stripLeading();
    int end = 0;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    String masked = Excerpt.masked(text.substring(0, end));
    return masked.isEmpty() ? "(empty)" : masked;
  }
}
