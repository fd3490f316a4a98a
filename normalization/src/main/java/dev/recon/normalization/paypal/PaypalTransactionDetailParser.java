package dev.recon.normalization.paypal;

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
import static dev.recon.normalization.paypal.PaypalColumns.TRANSACTIONAL_STATUS;
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
import dev.recon.normalization.money.MinorUnits;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PayPal's Transaction Detail report (TRR): the same record-type structure as the Settlement report
 * (RH, FH, SH, CH, SB, SF, SC, RF, RC, FF) with every transaction of the account, including ones
 * that did not move money, marked by a Transactional Status column.
 *
 * <p>Completed (S), later-reversed (V) and partially refunded (F) transactions moved money when
 * they happened (their reversal or refund is a row of its own) and become PaymentEvents signed as
 * in the Settlement report; pending (P) and denied (D) ones did not and are reported as {@link
 * #NOT_BOOKED} findings, so they are counted, never silently dropped.
 *
 * <p>Footers: SF/SC (section), RF/RC (report) and FF (file part) carry body-row counts, which are
 * checked against the SB rows read; SF/RF written STL-style as per-currency totals are checked like
 * the Settlement report's. A report split into parts (FH sequence above 1, or a part that starts
 * without SH) cannot verify counts that cover earlier parts and says so. Every check that fails is
 * a finding; the rows still flow.
 */
public final class PaypalTransactionDetailParser implements RecordParser {

  public static final String PSP = PaypalSettlementReportParser.PSP;

  /** Finding code: a pending or denied transaction, which moved no money and is not a record. */
  public static final String NOT_BOOKED = "PAYPAL_NOT_BOOKED";

  public static final String UNKNOWN_EVENT_CODE = PaypalSettlementReportParser.UNKNOWN_EVENT_CODE;
  public static final String FOOTER_MISMATCH = PaypalFooterTotals.FOOTER_MISMATCH;
  public static final String FOOTER_MISSING = PaypalFooterTotals.FOOTER_MISSING;
  public static final String COUNT_MISMATCH = PaypalRecordCounts.COUNT_MISMATCH;
  public static final String COUNT_SPANS_PARTS = PaypalRecordCounts.COUNT_SPANS_PARTS;

  /** Statuses of transactions that moved money when they happened. */
  private static final Set<String> BOOKED = Set.of("S", "V", "F");

  private static final Map<String, String> NOT_BOOKED_STATUSES =
      Map.of("P", "pending", "D", "denied");

  static final String RECORD_TYPE = PaypalSettlementReportParser.RECORD_TYPE;

  private final ParserLimits limits;

  public PaypalTransactionDetailParser(ParserLimits limits) {
    this.limits = limits;
  }

  @Override
  public Format format() {
    return Format.PAYPAL_TRR;
  }

  @Override
  public ParseResult parse(byte[] payload, Provenance provenance, RecordSink sink) {
    ParseResult.Builder out = ParseResult.builder(provenance, sink);
    Optional<String> tooLarge = limits.payloadOverLimit(payload.length);
    if (tooLarge.isPresent()) {
      out.error(0, null, tooLarge.get(), null);
      return out.build();
    }
    new FileState(provenance, out, limits)
        .read(new CsvTokenizer(TextDecoding.decode(payload).text(), limits.maxLineChars()));
    return out.build();
  }

  /** What one pass over a file part has seen so far. */
  private static final class FileState {
    private final Provenance provenance;
    private final ParseResult.Builder out;
    private final ParserLimits limits;
    private final PaypalFooterTotals sectionTotals = new PaypalFooterTotals("SF");
    private final PaypalFooterTotals reportTotals = new PaypalFooterTotals("RF");
    private HeaderIndex header;
    private boolean reportStartsHere = true;
    private boolean sectionStartsHere;
    private boolean sectionTotalsSeen;
    private boolean reportTotalsSeen;
    private boolean fileFooterSeen;
    private int sectionRows;
    private int reportRows;
    private int fileRows;

    FileState(Provenance provenance, ParseResult.Builder out, ParserLimits limits) {
      this.provenance = provenance;
      this.out = out;
      this.limits = limits;
    }

    void read(CsvTokenizer tokenizer) {
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
          return;
        }
        rows++;
        if (line instanceof CsvLine.Malformed bad) {
          out.error(bad.line(), null, bad.reason(), Excerpt.rowStart(bad.excerpt()));
          continue;
        }
        CsvLine.Row row = (CsvLine.Row) line;
        String type = row.fields().get(0).strip();
        if (rows == 1 && !PaypalSettlementReportParser.REPORT_HEADER.equals(type)) {
          out.error(
              row.line(),
              RECORD_TYPE,
              "not a PayPal Transaction Detail report: no RH record first",
              type);
          return;
        }
        record(type, row);
      }
      if (!fileFooterSeen) {
        out.finding(
            lastLine,
            FOOTER_MISSING,
            "no FF file footer: the file (or this part of a report) may be cut short");
      }
      if (sectionTotalsSeen) {
        sectionTotals.close(lastLine, out);
      }
      if (reportTotalsSeen) {
        reportTotals.close(lastLine, out);
      }
    }

    private void record(String type, CsvLine.Row row) {
      List<String> rest = row.fields().subList(1, row.fields().size());
      switch (type) {
        case "RH" -> {}
        case "FH" -> {
          String sequence = rest.isEmpty() ? "" : rest.get(0).strip();
          // Only the first part of a report holds its first rows.
          reportStartsHere =
              !PaypalRecordCounts.isCount(sequence) || Integer.parseInt(sequence) <= 1;
        }
        case "SH" -> startSection();
        case "CH" -> header = columnHeader(row, rest);
        case "SB" -> body(row, rest);
        case "SF" -> {
          if (isCurrencyFooter(row.fields())) {
            sectionTotalsSeen = true;
            sectionTotals.checkFooter(row.line(), row.fields(), out);
          } else {
            PaypalRecordCounts.check(row.line(), row.fields(), sectionRows, sectionStartsHere, out);
          }
        }
        case "SC" -> {
          PaypalRecordCounts.check(row.line(), row.fields(), sectionRows, sectionStartsHere, out);
          endSection(row.line());
        }
        case "RF" -> {
          if (isCurrencyFooter(row.fields())) {
            reportTotalsSeen = true;
            reportTotals.checkFooter(row.line(), row.fields(), out);
          } else {
            PaypalRecordCounts.check(row.line(), row.fields(), reportRows, reportStartsHere, out);
          }
        }
        case "RC" ->
            PaypalRecordCounts.check(row.line(), row.fields(), reportRows, reportStartsHere, out);
        case "FF" -> {
          fileFooterSeen = true;
          PaypalRecordCounts.check(row.line(), row.fields(), fileRows, true, out);
        }
        default ->
            out.error(
                row.line(), RECORD_TYPE, "unknown PayPal record type", Excerpt.rowStart(type));
      }
    }

    private void startSection() {
      sectionStartsHere = true;
      sectionRows = 0;
      sectionTotals.discard();
      sectionTotalsSeen = false;
    }

    private void endSection(int line) {
      if (sectionTotalsSeen) {
        sectionTotals.close(line, out);
      } else {
        sectionTotals.discard();
      }
      sectionTotalsSeen = false;
      sectionStartsHere = false;
      sectionRows = 0;
    }

    private void body(CsvLine.Row row, List<String> rest) {
      sectionRows++;
      reportRows++;
      fileRows++;
      if (header == null) {
        out.error(row.line(), RECORD_TYPE, "body row before a valid CH column header", null);
      } else if (rest.size() < header.width()) {
        out.error(
            row.line(),
            header.names().get(rest.size()).strip(),
            "truncated row: " + rest.size() + " of " + header.width() + " fields",
            Excerpt.rowStart(row.raw()));
      } else if (!rest.subList(header.width(), rest.size()).stream().allMatch(String::isBlank)) {
        out.error(
            row.line(),
            null,
            "row has " + rest.size() + " fields but the header has " + header.width(),
            Excerpt.rowStart(row.raw()));
      } else {
        mapRow(new BoundRow(row.line(), header, rest.subList(0, header.width())));
      }
    }

    private HeaderIndex columnHeader(CsvLine.Row row, List<String> names) {
      int end = names.size();
      while (end > 0 && names.get(end - 1).isBlank()) {
        end--;
      }
      HeaderIndex index = HeaderIndex.of(names.subList(0, end));
      List<String> missing =
          PaypalColumns.REQUIRED_TRR.stream().filter(c -> !index.has(c)).toList();
      if (!missing.isEmpty()) {
        out.error(
            row.line(),
            missing.get(0),
            "missing required column(s): " + String.join(", ", missing),
            null);
        return null;
      }
      if (!index.duplicates().isEmpty()) {
        out.error(
            row.line(),
            index.duplicates().get(0),
            "column name occurs more than once: " + String.join(", ", index.duplicates()),
            null);
        return null;
      }
      return index;
    }

    private void mapRow(BoundRow row) {
      RowProblems problems = new RowProblems(row.line());
      Optional<String> id = row.optional(TRANSACTION_ID);
      if (id.isEmpty()) {
        problems.add(TRANSACTION_ID, "required value missing", null);
      }
      String code = row.value(EVENT_CODE);
      if (code.isEmpty()) {
        problems.add(EVENT_CODE, "required value missing", null);
      }
      String status = row.value(TRANSACTIONAL_STATUS);
      if (!BOOKED.contains(status) && !NOT_BOOKED_STATUSES.containsKey(status)) {
        problems.add(
            TRANSACTIONAL_STATUS,
            status.isEmpty() ? "required value missing" : "not one of S, V, F, P, D",
            status);
      }
      String currency = PaypalFields.currency(row, GROSS_CURRENCY, problems);
      Instant eventTime =
          PaypalFields.reportTime(INITIATION_DATE, row.value(INITIATION_DATE), problems);
      boolean grossCredit = PaypalFields.indicator(row, GROSS_DEBIT_OR_CREDIT, problems);
      boolean hasFee = row.optional(FEE_AMOUNT).isPresent();
      String feeCurrency = hasFee ? PaypalFields.currency(row, FEE_CURRENCY, problems) : currency;
      boolean feeCredit = hasFee && PaypalFields.indicator(row, FEE_DEBIT_OR_CREDIT, problems);
      if (problems.reportTo(out)) {
        return;
      }
      if (hasFee && !feeCurrency.equals(currency)) {
        problems.add(FEE_CURRENCY, "fee currency differs from the gross currency", feeCurrency);
      }
      Long grossAbs =
          PaypalAmount.toMinor(GROSS_AMOUNT, row.value(GROSS_AMOUNT), currency, problems);
      Long feeAbs =
          hasFee
              // Long.valueOf keeps the conditional boxed: a null (invalid fee) must not unbox.
              ? PaypalAmount.toMinor(FEE_AMOUNT, row.value(FEE_AMOUNT), currency, problems)
              : Long.valueOf(0L);
      if (problems.reportTo(out)) {
        return;
      }
      String notBooked = NOT_BOOKED_STATUSES.get(status);
      if (notBooked != null) {
        out.finding(
            row.line(),
            NOT_BOOKED,
            "transaction " + id.get() + " is " + notBooked + " (" + status + "): no money moved");
        return;
      }
      addToTotals(row, currency, grossCredit, hasFee, feeCredit);
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
              .setMetadata(metadata(row, code, status))
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
                .setBankReference(row.optional(PaypalColumns.BANK_REFERENCE_ID).orElse(null))
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

    private void addToTotals(
        BoundRow row, String currency, boolean grossCredit, boolean hasFee, boolean feeCredit) {
      long grossHundredths = Long.parseLong(row.value(GROSS_AMOUNT));
      int grossTotal =
          grossCredit ? PaypalFooterTotals.GROSS_CREDIT : PaypalFooterTotals.GROSS_DEBIT;
      sectionTotals.add(currency, grossTotal, grossHundredths);
      reportTotals.add(currency, grossTotal, grossHundredths);
      if (hasFee) {
        long feeHundredths = Long.parseLong(row.value(FEE_AMOUNT));
        int feeTotal = feeCredit ? PaypalFooterTotals.FEE_CREDIT : PaypalFooterTotals.FEE_DEBIT;
        sectionTotals.add(currency, feeTotal, feeHundredths);
        reportTotals.add(currency, feeTotal, feeHundredths);
      }
    }
  }

  /** STL-style footers name a currency where count footers carry a number. */
  private static boolean isCurrencyFooter(List<String> fields) {
    return fields.size() > 1 && MinorUnits.isKnownCurrency(fields.get(1).strip());
  }

  private static Map<String, String> metadata(BoundRow row, String code, String status) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("event_code", code);
    metadata.put("transactional_status", status);
    row.optional(PAYPAL_REFERENCE_ID).ifPresent(v -> metadata.put("paypal_reference_id", v));
    row.optional(PAYPAL_REFERENCE_ID_TYPE)
        .ifPresent(v -> metadata.put("paypal_reference_id_type", v));
    return metadata;
  }
}
