package dev.recon.normalization.paypal;

import static dev.recon.normalization.paypal.PaypalColumns.BANK_REFERENCE_ID;
import static dev.recon.normalization.paypal.PaypalColumns.CUSTOM_FIELD;
import static dev.recon.normalization.paypal.PaypalColumns.EVENT_CODE;
import static dev.recon.normalization.paypal.PaypalColumns.FEE_AMOUNT;
import static dev.recon.normalization.paypal.PaypalColumns.FEE_CURRENCY;
import static dev.recon.normalization.paypal.PaypalColumns.FEE_DEBIT_OR_CREDIT;
import static dev.recon.normalization.paypal.PaypalColumns.GROSS_AMOUNT;
import static dev.recon.normalization.paypal.PaypalColumns.GROSS_CURRENCY;
import static dev.recon.normalization.paypal.PaypalColumns.GROSS_DEBIT_OR_CREDIT;
import static dev.recon.normalization.paypal.PaypalColumns.INITIATION_DATE;
import static dev.recon.normalization.paypal.PaypalColumns.INVOICE_ID;
import static dev.recon.normalization.paypal.PaypalColumns.PAYPAL_REFERENCE_ID;
import static dev.recon.normalization.paypal.PaypalColumns.PAYPAL_REFERENCE_ID_TYPE;
import static dev.recon.normalization.paypal.PaypalColumns.TRANSACTION_ID;

import dev.recon.normalization.csv.BoundRow;
import dev.recon.normalization.csv.CsvLine;
import dev.recon.normalization.csv.CsvTokenizer;
import dev.recon.normalization.csv.HeaderIndex;
import dev.recon.normalization.csv.TextDecoding;
import dev.recon.normalization.format.Excerpt;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.LineProvenance;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.normalization.format.RecordParser;
import dev.recon.normalization.format.RecordSink;
import dev.recon.normalization.format.RowProblems;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PayPal's Settlement report (STL): records typed by their first field (RH report header, FH file
 * header, SH section header, CH column header, SB body, SF/RF section/report footers with totals
 * per currency, SC/RC/FF counts). One PaymentEvent per SB row, bound by the names in the latest CH.
 *
 * <p>Amounts are unsigned integers of value x100 in every currency with separate CR/DR indicators.
 * Gross is signed as it changes the PayPal balance; the fee is positive when charged (DR) and
 * negative when refunded (CR); net = gross - fee. A withdrawal (T04xx) becomes a PAYOUT carrying
 * the amount sent to the bank, positive.
 */
public final class PaypalSettlementReportParser implements RecordParser {

  public static final String PSP = "paypal";

  /** Finding code: an event code this parser does not know; the row becomes an OTHER event. */
  public static final String UNKNOWN_EVENT_CODE = "PAYPAL_UNKNOWN_EVENT_CODE";

  public static final String FOOTER_MISMATCH = PaypalFooterTotals.FOOTER_MISMATCH;
  public static final String FOOTER_MISSING = PaypalFooterTotals.FOOTER_MISSING;

  /** The record type every STL file starts with. */
  public static final String REPORT_HEADER = "RH";

  static final String RECORD_TYPE = "record type";

  private final ParserLimits limits;

  public PaypalSettlementReportParser(ParserLimits limits) {
    this.limits = limits;
  }

  @Override
  public Format format() {
    return Format.PAYPAL_STL;
  }

  @Override
  public ParseResult parse(byte[] payload, Provenance provenance, RecordSink sink) {
    ParseResult.Builder out = ParseResult.builder(provenance, sink);
    Optional<String> tooLarge = limits.payloadOverLimit(payload.length);
    if (tooLarge.isPresent()) {
      out.error(0, null, tooLarge.get(), null);
      return out.build();
    }
    CsvTokenizer tokenizer =
        new CsvTokenizer(TextDecoding.decode(payload).text(), limits.maxLineChars());
    PaypalFooterTotals section = new PaypalFooterTotals("SF");
    PaypalFooterTotals report = new PaypalFooterTotals("RF");
    HeaderIndex header = null;
    int rows = 0;
    int lastLine = 0;
    for (CsvLine line = tokenizer.next(); line != null; line = tokenizer.next()) {
      lastLine = line.line();
      if (rows == limits.maxRows()) {
        out.error(
            line.line(),
            null,
            "row limit of " + limits.maxRows() + " reached; the rest of the file was not read",
            null);
        break;
      }
      rows++;
      if (line instanceof CsvLine.Malformed bad) {
        out.error(bad.line(), null, bad.reason(), Excerpt.rowStart(bad.excerpt()));
        continue;
      }
      CsvLine.Row row = (CsvLine.Row) line;
      String type = row.fields().get(0).strip();
      if (rows == 1 && !REPORT_HEADER.equals(type)) {
        out.error(
            row.line(), RECORD_TYPE, "not a PayPal Settlement report: no RH record first", type);
        return out.build();
      }
      List<String> rest = row.fields().subList(1, row.fields().size());
      switch (type) {
        case "RH", "FH", "RC", "FF" -> {}
        case "SH", "SC" -> section.close(row.line(), out);
        case "CH" -> {
          header = columnHeader(row, rest, out);
        }
        case "SB" -> {
          if (header == null) {
            out.error(row.line(), RECORD_TYPE, "body row before a valid CH column header", null);
          } else if (rest.size() < header.width()) {
            out.error(
                row.line(),
                header.names().get(rest.size()).strip(),
                "truncated row: " + rest.size() + " of " + header.width() + " fields",
                Excerpt.rowStart(row.raw()));
          } else if (!rest.subList(header.width(), rest.size()).stream()
              .allMatch(String::isBlank)) {
            out.error(
                row.line(),
                null,
                "row has " + rest.size() + " fields but the header has " + header.width(),
                Excerpt.rowStart(row.raw()));
          } else {
            BoundRow bound = new BoundRow(row.line(), header, rest.subList(0, header.width()));
            mapRow(bound, provenance, out, section, report);
          }
        }
        case "SF" -> section.checkFooter(row.line(), row.fields(), out);
        case "RF" -> report.checkFooter(row.line(), row.fields(), out);
        default ->
            out.error(
                row.line(), RECORD_TYPE, "unknown PayPal record type", Excerpt.rowStart(type));
      }
    }
    section.close(lastLine, out);
    report.close(lastLine, out);
    return out.build();
  }

  private static HeaderIndex columnHeader(
      CsvLine.Row row, List<String> names, ParseResult.Builder out) {
    int end = names.size();
    while (end > 0 && names.get(end - 1).isBlank()) {
      end--;
    }
    HeaderIndex header = HeaderIndex.of(names.subList(0, end));
    List<String> missing = PaypalColumns.REQUIRED.stream().filter(c -> !header.has(c)).toList();
    if (!missing.isEmpty()) {
      out.error(
          row.line(),
          missing.get(0),
          "missing required column(s): " + String.join(", ", missing),
          null);
      return null;
    }
    if (!header.duplicates().isEmpty()) {
      out.error(
          row.line(),
          header.duplicates().get(0),
          "column name occurs more than once: " + String.join(", ", header.duplicates()),
          null);
      return null;
    }
    return header;
  }

  private static void mapRow(
      BoundRow row,
      Provenance provenance,
      ParseResult.Builder out,
      PaypalFooterTotals section,
      PaypalFooterTotals report) {
    RowProblems problems = new RowProblems(row.line());
    Optional<String> id = row.optional(TRANSACTION_ID);
    if (id.isEmpty()) {
      problems.add(TRANSACTION_ID, "required value missing", null);
    }
    String code = row.value(EVENT_CODE);
    if (code.isEmpty()) {
      problems.add(EVENT_CODE, "required value missing", null);
    }
    String currency = currency(row, GROSS_CURRENCY, problems);
    Instant eventTime = reportTime(row.value(INITIATION_DATE), problems);
    boolean grossCredit = indicator(row, GROSS_DEBIT_OR_CREDIT, problems);
    boolean hasFee = row.optional(FEE_AMOUNT).isPresent();
    String feeCurrency = hasFee ? currency(row, FEE_CURRENCY, problems) : currency;
    boolean feeCredit = hasFee && indicator(row, FEE_DEBIT_OR_CREDIT, problems);
    if (problems.reportTo(out)) {
      return;
    }
    if (hasFee && !feeCurrency.equals(currency)) {
      problems.add(FEE_CURRENCY, "fee currency differs from the gross currency", feeCurrency);
    }
    Long grossAbs = PaypalAmount.toMinor(GROSS_AMOUNT, row.value(GROSS_AMOUNT), currency, problems);
    Long feeAbs =
        hasFee
            // Long.valueOf keeps the conditional boxed: a null (invalid fee) must not unbox.
            ? PaypalAmount.toMinor(FEE_AMOUNT, row.value(FEE_AMOUNT), currency, problems)
            : Long.valueOf(0L);
    if (problems.reportTo(out)) {
      return;
    }
    addToTotals(row, currency, grossCredit, hasFee, feeCredit, section, report);

    Optional<PaymentEventType> known = PaypalEventCodes.classify(code);
    if (known.isEmpty()) {
      out.finding(
          row.line(),
          UNKNOWN_EVENT_CODE,
          "unknown PayPal event code " + code + "; transaction " + id.get() + " kept as OTHER");
    }
    PaymentEventType type = known.orElse(PaymentEventType.OTHER);
    long gross = grossCredit ? grossAbs : -grossAbs;
    long fee = feeCredit ? -feeAbs : feeAbs;
    PaymentEvent.Builder event =
        PaymentEvent.newBuilder()
            .setEventId(id.get())
            .setPsp(PSP)
            .setType(type)
            .setGrossCurrency(currency)
            .setNetCurrency(currency)
            .setEventTime(eventTime)
            .setMetadata(metadata(row, code))
            .setProvenance(LineProvenance.of(provenance, row.line()));
    if (type == PaymentEventType.PAYOUT) {
      // A withdrawal debits the PayPal balance; the bank receives that amount.
      long sentToBank = -gross;
      out.add(
          event
              .setRecordKind(RecordKind.PAYOUT)
              .setBatchId(id.get())
              .setGrossMinor(sentToBank)
              .setFeeMinor(0L)
              .setNetMinor(sentToBank)
              .setBankReference(row.optional(BANK_REFERENCE_ID).orElse(null))
              .build());
      return;
    }
    // Amounts have at most 15 digits before scaling, so this difference cannot overflow.
    out.add(
        event
            .setRecordKind(RecordKind.PSP_TXN)
            .setPspReference(id.get())
            .setMerchantReference(
                row.optional(INVOICE_ID).or(() -> row.optional(CUSTOM_FIELD)).orElse(null))
            .setGrossMinor(gross)
            .setFeeMinor(fee)
            .setNetMinor(gross - fee)
            .build());
  }

  /**
   * The event code, and the related transaction or billing agreement; the latter is not a
   * settlement batch, so it is kept out of batch_id.
   */
  private static Map<String, String> metadata(BoundRow row, String code) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("event_code", code);
    row.optional(PAYPAL_REFERENCE_ID).ifPresent(v -> metadata.put("paypal_reference_id", v));
    row.optional(PAYPAL_REFERENCE_ID_TYPE)
        .ifPresent(v -> metadata.put("paypal_reference_id_type", v));
    return metadata;
  }

  private static void addToTotals(
      BoundRow row,
      String currency,
      boolean grossCredit,
      boolean hasFee,
      boolean feeCredit,
      PaypalFooterTotals section,
      PaypalFooterTotals report) {
    long grossHundredths = Long.parseLong(row.value(GROSS_AMOUNT));
    int grossTotal = grossCredit ? PaypalFooterTotals.GROSS_CREDIT : PaypalFooterTotals.GROSS_DEBIT;
    section.add(currency, grossTotal, grossHundredths);
    report.add(currency, grossTotal, grossHundredths);
    if (hasFee) {
      long feeHundredths = Long.parseLong(row.value(FEE_AMOUNT));
      int feeTotal = feeCredit ? PaypalFooterTotals.FEE_CREDIT : PaypalFooterTotals.FEE_DEBIT;
      section.add(currency, feeTotal, feeHundredths);
      report.add(currency, feeTotal, feeHundredths);
    }
  }

  private static String currency(BoundRow row, String column, RowProblems problems) {
    return PaypalFields.currency(row, column, problems);
  }

  private static boolean indicator(BoundRow row, String column, RowProblems problems) {
    return PaypalFields.indicator(row, column, problems);
  }

  private static Instant reportTime(String text, RowProblems problems) {
    return PaypalFields.reportTime(INITIATION_DATE, text, problems);
  }
}
