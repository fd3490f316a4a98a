package dev.recon.normalization.stripe;

import static dev.recon.normalization.stripe.StripeColumns.AUTOMATIC_PAYOUT_ID;
import static dev.recon.normalization.stripe.StripeColumns.BALANCE_TRANSACTION_ID;
import static dev.recon.normalization.stripe.StripeColumns.CHARGE_ID;
import static dev.recon.normalization.stripe.StripeColumns.CURRENCY;
import static dev.recon.normalization.stripe.StripeColumns.FEE;
import static dev.recon.normalization.stripe.StripeColumns.GROSS;
import static dev.recon.normalization.stripe.StripeColumns.NET;
import static dev.recon.normalization.stripe.StripeColumns.PAYMENT_INTENT_ID;
import static dev.recon.normalization.stripe.StripeColumns.PAYOUT_ID;
import static dev.recon.normalization.stripe.StripeColumns.REPORTING_CATEGORY;
import static dev.recon.normalization.stripe.StripeColumns.SOURCE_ID;
import static dev.recon.normalization.stripe.StripeColumns.TRACE_ID;

import dev.recon.normalization.csv.BoundRow;
import dev.recon.normalization.csv.ColumnSet;
import dev.recon.normalization.csv.CsvTable;
import dev.recon.normalization.csv.HeaderIndex;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.LineProvenance;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.normalization.format.RecordParser;
import dev.recon.normalization.format.RecordSink;
import dev.recon.normalization.format.RowProblems;
import dev.recon.normalization.format.WallClockText;
import dev.recon.normalization.money.MinorUnits;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Stripe's itemized reports as downloaded from the dashboard or the Reporting API:
 * payout_reconciliation.itemized and balance_change_from_activity.itemized (one row per balance
 * transaction) and payouts.itemized (one row per payout). One PaymentEvent per row.
 *
 * <p>Amounts are decimal major units in the balance view: gross signed as it changes the Stripe
 * balance (what Stripe owes the tenant), fee positive when charged and negative when refunded, net
 * = gross - fee. Payout rows are negative in the balance view (money leaving the balance) but
 * positive in payouts.itemized; a PAYOUT record always carries the amount sent to the bank.
 */
public final class StripeItemizedReportParser implements RecordParser {
  /** The rule for metadata columns, a constant so the header remembers its column set. */
  private static final Predicate<String> METADATA_COLUMN = StripeColumns::isMetadata;

  public static final String PSP = "stripe";

  /** Finding code: a row's gross minus its fee is not its net. */
  public static final String ROW_NOT_FOOTING = "STRIPE_ROW_NOT_FOOTING";

  private static final DateTimeFormatter REPORT_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]");

  private final ParserLimits limits;

  public StripeItemizedReportParser(ParserLimits limits) {
    this.limits = limits;
  }

  @Override
  public Format format() {
    return Format.STRIPE_ITEMIZED;
  }

  @Override
  public ParseResult parse(byte[] payload, Provenance provenance, RecordSink sink) {
    ParseResult.Builder out = ParseResult.builder(provenance, sink);
    CsvTable.open(payload, limits, StripeColumns.REQUIRED, out)
        .ifPresent(
            table -> {
              HeaderIndex header = table.header();
              if (StripeColumns.ID_COLUMNS.stream().noneMatch(header::has)) {
                out.error(
                    1,
                    BALANCE_TRANSACTION_ID,
                    "no id column: one of "
                        + String.join(", ", StripeColumns.ID_COLUMNS)
                        + " is required",
                    null);
                return;
              }
              boolean payoutsView = header.has(PAYOUT_ID);
              table.forEachRow(row -> mapRow(row, payoutsView, provenance, out));
            });
    return out.build();
  }

  private static void mapRow(
      BoundRow row, boolean payoutsView, Provenance provenance, ParseResult.Builder out) {
    RowProblems problems = new RowProblems(row.line());
    String categoryText = row.value(REPORTING_CATEGORY);
    Optional<PaymentEventType> type = StripeReportingCategories.classify(categoryText);
    if (type.isEmpty()) {
      problems.add(
          REPORTING_CATEGORY,
          categoryText.isEmpty() ? "required value missing" : "unknown Stripe reporting category",
          categoryText);
    }
    // Stripe writes "usd" in API-style reports and "USD" in some report configurations.
    String currency = row.value(CURRENCY).toUpperCase(Locale.ROOT);
    if (!MinorUnits.isKnownCurrency(currency)) {
      problems.add(
          CURRENCY,
          currency.isEmpty() ? "required value missing" : "unknown currency code",
          row.value(CURRENCY));
    }
    Instant eventTime = eventTime(row, problems);
    if (problems.reportTo(out)) {
      return;
    }
    Long gross = problems.amount(GROSS, row.value(GROSS), currency);
    long fee = problems.amountOrZero(FEE, row.value(FEE), currency);
    Long net = row.value(NET).isEmpty() ? null : problems.amount(NET, row.value(NET), currency);
    if (problems.reportTo(out)) {
      return;
    }
    Map<String, String> metadata = metadata(row);
    PaymentEvent.Builder event =
        PaymentEvent.newBuilder()
            .setPsp(PSP)
            .setType(type.get())
            .setGrossCurrency(currency)
            .setNetCurrency(currency)
            .setEventTime(eventTime)
            .setMetadata(metadata)
            .setProvenance(LineProvenance.of(provenance, row.line()));
    StripeMerchantReference.fromReportMetadata(metadata).ifPresent(event::setMerchantReference);

    if (type.get() == PaymentEventType.PAYOUT) {
      Optional<String> payoutId = row.optional(payoutsView ? PAYOUT_ID : SOURCE_ID);
      if (payoutId.isEmpty()) {
        problems.add(
            payoutsView ? PAYOUT_ID : SOURCE_ID, "required value missing on a payout row", null);
      }
      if (problems.reportTo(out)) {
        return;
      }
      long sentToBank = payoutsView ? gross : -gross;
      out.add(
          event
              .setEventId(payoutId.get())
              .setRecordKind(RecordKind.PAYOUT)
              .setBatchId(payoutId.get())
              .setGrossMinor(sentToBank)
              .setFeeMinor(0L)
              .setNetMinor(sentToBank)
              .setBankReference(row.optional(TRACE_ID).orElse(null))
              .build());
      return;
    }

    Optional<String> id = transactionId(row, type.get());
    if (id.isEmpty()) {
      problems.add(
          SOURCE_ID, "no source_id, charge_id or balance_transaction_id on this row", null);
    }
    if (problems.reportTo(out)) {
      return;
    }
    // Parsed amounts are bounded by MinorUnits.MAX_ABS_MINOR, so this difference cannot overflow.
    long computedNet = gross - fee;
    if (net != null && net != computedNet) {
      out.finding(
          row.line(),
          ROW_NOT_FOOTING,
          "gross - fee != net: gross="
              + MinorUnits.format(gross, currency)
              + ", fee="
              + MinorUnits.format(fee, currency)
              + ", net="
              + MinorUnits.format(net, currency)
              + " "
              + currency);
    }
    out.add(
        event
            .setEventId(id.get())
            .setRecordKind(RecordKind.PSP_TXN)
            .setPspReference(
                row.optional(CHARGE_ID).or(() -> row.optional(PAYMENT_INTENT_ID)).orElse(null))
            .setBatchId(row.optional(AUTOMATIC_PAYOUT_ID).orElse(null))
            .setGrossMinor(gross)
            .setFeeMinor(fee)
            .setNetMinor(net != null ? net : computedNet)
            .build());
  }

  /**
   * The PSP's own id of the transaction: the source object (ch_, re_, dp_, ...), else the charge,
   * else the balance transaction. A dispute reversal shares its source (dp_) with the dispute, so
   * its balance transaction id comes first to keep ids unique within a file.
   */
  private static Optional<String> transactionId(BoundRow row, PaymentEventType type) {
    if (type == PaymentEventType.CHARGEBACK_REVERSAL) {
      return row.optional(BALANCE_TRANSACTION_ID).or(() -> row.optional(SOURCE_ID));
    }
    Optional<String> source = row.optional(SOURCE_ID);
    if (source.isPresent()) {
      return source;
    }
    if (type == PaymentEventType.CAPTURE) {
      Optional<String> charge = row.optional(CHARGE_ID);
      if (charge.isPresent()) {
        return charge;
      }
    }
    return row.optional(BALANCE_TRANSACTION_ID);
  }

  private static Instant eventTime(BoundRow row, RowProblems problems) {
    for (String column : StripeColumns.TIME_COLUMNS) {
      Optional<String> text = row.optional(column);
      if (text.isPresent()) {
        return reportTime(column, text.get(), problems);
      }
    }
    problems.add(
        String.join("|", StripeColumns.TIME_COLUMNS),
        "no creation or effective time on this row",
        null);
    return null;
  }

  /**
   * Report times are wall-clock in the report's time zone; UTC unless the report says otherwise.
   */
  static Instant reportTime(String column, String text, RowProblems problems) {
    String normalized = text.replace('T', ' ').replace("Z", "");
    if (normalized.length() == 10) {
      LocalDate fastDate = WallClockText.isoDate(normalized);
      if (fastDate != null) {
        return fastDate.atStartOfDay().toInstant(ZoneOffset.UTC);
      }
    } else {
      LocalDateTime fast = WallClockText.isoDateSpaceTime(normalized);
      if (fast != null) {
        return fast.toInstant(ZoneOffset.UTC);
      }
    }
    try {
      if (normalized.length() == 10) {
        return LocalDate.parse(normalized).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return LocalDateTime.parse(normalized, REPORT_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      problems.add(column, "not a date and time like 2025-09-11 11:44:20", text);
      return null;
    }
  }

  private static Map<String, String> metadata(BoundRow row) {
    Map<String, String> metadata = new LinkedHashMap<>();
    List<String> names = row.header().names();
    ColumnSet metadataColumns = row.header().columnsWhere(METADATA_COLUMN);
    for (int i = 0; i < names.size(); i++) {
      if (!metadataColumns.contains(i)) {
        continue;
      }
      String value = row.fields().get(i).strip();
      if (!value.isEmpty()) {
        metadata.put(names.get(i).strip(), value);
      }
    }
    return metadata;
  }
}
