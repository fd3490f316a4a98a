package dev.recon.normalization.adyen;

import static dev.recon.normalization.adyen.AdyenAccountingColumns.BATCH_NUMBER;
import static dev.recon.normalization.adyen.AdyenAccountingColumns.BOOKING_DATE;
import static dev.recon.normalization.adyen.AdyenAccountingColumns.MAIN_AMOUNT;
import static dev.recon.normalization.adyen.AdyenAccountingColumns.MAIN_CURRENCY;
import static dev.recon.normalization.adyen.AdyenAccountingColumns.MERCHANT_ACCOUNT;
import static dev.recon.normalization.adyen.AdyenAccountingColumns.MERCHANT_REFERENCE;
import static dev.recon.normalization.adyen.AdyenAccountingColumns.MODIFICATION_MERCHANT_REFERENCE;
import static dev.recon.normalization.adyen.AdyenAccountingColumns.MODIFICATION_PSP_REFERENCE;
import static dev.recon.normalization.adyen.AdyenAccountingColumns.MODIFICATION_REFERENCE;
import static dev.recon.normalization.adyen.AdyenAccountingColumns.PAYABLE;
import static dev.recon.normalization.adyen.AdyenAccountingColumns.PAYMENT_METHOD;
import static dev.recon.normalization.adyen.AdyenAccountingColumns.PSP_REFERENCE;
import static dev.recon.normalization.adyen.AdyenAccountingColumns.RECORD_TYPE;
import static dev.recon.normalization.adyen.AdyenAccountingColumns.SETTLEMENT_CURRENCY;
import static dev.recon.normalization.adyen.AdyenAccountingColumns.TIME_ZONE;

import dev.recon.normalization.csv.BoundRow;
import dev.recon.normalization.csv.CsvTable;
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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Adyen's Payment accounting report. Rows that move money into or out of the Payable register, or
 * that carry costs, become PaymentEvents: Settled (CAPTURE), Refunded (REFUND), Chargeback and
 * SecondChargeback (CHARGEBACK), ChargebackReversed (CHARGEBACK_REVERSAL), RefundedReversed and
 * corrections (ADJUSTMENT). Net is the Payable (SC) movement as written (signed), the fee the sum
 * of the cost columns (positive when charged), gross = net + fee, all in settlement currency.
 *
 * <p>Lifecycle rows without money (Received, Authorised, SentForSettle, Refused, ...) are counted
 * per record type in one {@link #LIFECYCLE_ROWS} finding: they are most of the file and never
 * dropped silently.
 */
public final class AdyenPaymentsAccountingParser implements RecordParser {

  public static final String PSP = AdyenSettlementDetailParser.PSP;

  /** Finding code: how many rows of each record type recorded status changes without money. */
  public static final String LIFECYCLE_ROWS = "ADYEN_LIFECYCLE_ROWS";

  private static final DateTimeFormatter BOOKING_DATE_FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private final ParserLimits limits;

  public AdyenPaymentsAccountingParser(ParserLimits limits) {
    this.limits = limits;
  }

  @Override
  public Format format() {
    return Format.ADYEN_PAYMENTS_ACCOUNTING;
  }

  @Override
  public ParseResult parse(byte[] payload, Provenance provenance, RecordSink sink) {
    ParseResult.Builder out = ParseResult.builder(provenance, sink);
    Map<String, Integer> lifecycle = new TreeMap<>();
    CsvTable.open(payload, limits, AdyenAccountingColumns.REQUIRED, out)
        .ifPresent(table -> table.forEachRow(row -> mapRow(row, provenance, out, lifecycle)));
    if (!lifecycle.isEmpty()) {
      int total = lifecycle.values().stream().mapToInt(Integer::intValue).sum();
      StringBuilder counts = new StringBuilder();
      lifecycle.forEach((type, n) -> counts.append(' ').append(type).append('=').append(n));
      out.finding(
          0,
          LIFECYCLE_ROWS,
          total + " rows record status changes without money movement:" + counts);
    }
    return out.build();
  }

  private static void mapRow(
      BoundRow row,
      Provenance provenance,
      ParseResult.Builder out,
      Map<String, Integer> lifecycle) {
    String recordType = row.value(RECORD_TYPE);
    boolean movesMoney =
        row.optional(PAYABLE).isPresent()
            || AdyenAccountingColumns.FEES.stream().anyMatch(c -> row.optional(c).isPresent());
    if (!movesMoney) {
      lifecycle.merge(
          recordType.isEmpty() ? "(no record type)" : abbreviate(recordType), 1, Integer::sum);
      return;
    }
    RowProblems problems = new RowProblems(row.line());
    Optional<PaymentEventType> type = AdyenRecordTypes.classify(recordType);
    if (type.isEmpty() || type.get() == PaymentEventType.PAYOUT) {
      problems.add(
          RECORD_TYPE,
          recordType.isEmpty()
              ? "required value missing"
              : "unknown Adyen record type for a row that moves money",
          recordType);
    }
    Optional<String> pspReference = row.optional(PSP_REFERENCE);
    if (pspReference.isEmpty()) {
      problems.add(PSP_REFERENCE, "required value missing", null);
    }
    String currency = row.value(SETTLEMENT_CURRENCY);
    if (!MinorUnits.isKnownCurrency(currency)) {
      problems.add(
          SETTLEMENT_CURRENCY,
          currency.isEmpty() ? "required value missing" : "unknown currency code",
          currency);
    }
    Instant bookingTime = bookingTime(row, problems);
    if (problems.reportTo(out)) {
      return;
    }
    long net = problems.amountOrZero(PAYABLE, row.value(PAYABLE), currency);
    long fee = 0;
    for (String column : AdyenAccountingColumns.FEES) {
      // Each parsed amount is bounded by MinorUnits.MAX_ABS_MINOR: five of them cannot overflow.
      fee += problems.amountOrZero(column, row.value(column), currency);
    }
    if (problems.reportTo(out)) {
      return;
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("record_type", recordType);
    row.optional(MERCHANT_ACCOUNT).ifPresent(v -> metadata.put("merchant_account", v));
    row.optional(PAYMENT_METHOD).ifPresent(v -> metadata.put("payment_method", v));
    row.optional(MODIFICATION_MERCHANT_REFERENCE)
        .ifPresent(v -> metadata.put("modification_merchant_reference", v));
    row.optional(MAIN_CURRENCY).ifPresent(v -> metadata.put("main_currency", v));
    row.optional(MAIN_AMOUNT).ifPresent(v -> metadata.put("main_amount", v));
    out.add(
        PaymentEvent.newBuilder()
            .setEventId(eventId(row, type.get(), pspReference.get(), recordType))
            .setRecordKind(RecordKind.PSP_TXN)
            .setPsp(PSP)
            .setType(type.get())
            .setPspReference(pspReference.get())
            .setMerchantReference(row.optional(MERCHANT_REFERENCE).orElse(null))
            .setGrossMinor(net + fee)
            .setGrossCurrency(currency)
            .setFeeMinor(fee)
            .setNetMinor(net)
            .setNetCurrency(currency)
            .setEventTime(bookingTime)
            .setBatchId(row.optional(BATCH_NUMBER).orElse(null))
            .setMetadata(metadata)
            .setProvenance(LineProvenance.of(provenance, row.line()))
            .build());
  }

  /**
   * Settlements are known by the payment's PSP reference, as in the settlement details report;
   * other rows by their modification reference when the report has one, else by payment and type.
   */
  private static String eventId(
      BoundRow row, PaymentEventType type, String pspReference, String recordType) {
    if (type == PaymentEventType.CAPTURE) {
      return pspReference;
    }
    return row.optional(MODIFICATION_PSP_REFERENCE)
        .or(() -> row.optional(MODIFICATION_REFERENCE))
        .orElse(pspReference + "-" + recordType);
  }

  private static Instant bookingTime(BoundRow row, RowProblems problems) {
    String zoneText = row.value(TIME_ZONE);
    Optional<ZoneId> zone = AdyenTimeZones.resolve(zoneText);
    if (zone.isEmpty()) {
      problems.add(
          TIME_ZONE, zoneText.isEmpty() ? "required value missing" : "unknown time zone", zoneText);
    }
    String text = row.value(BOOKING_DATE);
    LocalDateTime local = null;
    try {
      local = LocalDateTime.parse(text, BOOKING_DATE_FORMAT);
    } catch (DateTimeParseException e) {
      problems.add(BOOKING_DATE, "not a date and time like 2025-09-11 11:44:20", text);
    }
    return zone.isPresent() && local != null ? local.atZone(zone.get()).toInstant() : null;
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
