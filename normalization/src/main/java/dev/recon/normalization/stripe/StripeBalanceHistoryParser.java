package dev.recon.normalization.stripe;

import static dev.recon.normalization.stripe.StripeBalanceHistoryColumns.AMOUNT;
import static dev.recon.normalization.stripe.StripeBalanceHistoryColumns.CREATED;
import static dev.recon.normalization.stripe.StripeBalanceHistoryColumns.CURRENCY;
import static dev.recon.normalization.stripe.StripeBalanceHistoryColumns.DESCRIPTION;
import static dev.recon.normalization.stripe.StripeBalanceHistoryColumns.FEE;
import static dev.recon.normalization.stripe.StripeBalanceHistoryColumns.ID;
import static dev.recon.normalization.stripe.StripeBalanceHistoryColumns.NET;
import static dev.recon.normalization.stripe.StripeBalanceHistoryColumns.SOURCE;
import static dev.recon.normalization.stripe.StripeBalanceHistoryColumns.TRANSFER;
import static dev.recon.normalization.stripe.StripeBalanceHistoryColumns.TYPE;

import dev.recon.normalization.csv.BoundRow;
import dev.recon.normalization.csv.ColumnSet;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Stripe's older dashboard "Balance history" export (Title Case headers: id, Type, Source, Amount,
 * Fee, Net, Currency, Created (UTC), Transfer, ...), bound by header name. One PaymentEvent per
 * row.
 *
 * <p>Amounts are decimal major units in the balance view: Amount signed as it changes the Stripe
 * balance, Fee positive when charged and negative when refunded, Net = Amount - Fee. Payout rows
 * (payout, or transfer in older accounts) are negative in the balance; a PAYOUT record carries the
 * amount sent to the bank, so their sign flips (a failed payout returning funds is negative). A
 * transaction row's payout is its Transfer column (po_... or legacy tr_...).
 */
public final class StripeBalanceHistoryParser implements RecordParser {
  /** The rule for metadata columns, a constant so the header remembers its column set. */
  private static final Predicate<String> METADATA_COLUMN = StripeBalanceHistoryColumns::isMetadata;

  public static final String PSP = StripeItemizedReportParser.PSP;

  /** Finding code: a row's amount minus its fee is not its net. */
  public static final String ROW_NOT_FOOTING = StripeItemizedReportParser.ROW_NOT_FOOTING;

  private final ParserLimits limits;

  public StripeBalanceHistoryParser(ParserLimits limits) {
    this.limits = limits;
  }

  @Override
  public Format format() {
    return Format.STRIPE_BALANCE_HISTORY;
  }

  @Override
  public ParseResult parse(byte[] payload, Provenance provenance, RecordSink sink) {
    ParseResult.Builder out = ParseResult.builder(provenance, sink);
    CsvTable.open(payload, limits, StripeBalanceHistoryColumns.REQUIRED, out)
        .ifPresent(table -> table.forEachRow(row -> mapRow(row, provenance, out)));
    return out.build();
  }

  private static void mapRow(BoundRow row, Provenance provenance, ParseResult.Builder out) {
    RowProblems problems = new RowProblems(row.line());
    Optional<String> balanceTransaction = row.optional(ID);
    if (balanceTransaction.isEmpty()) {
      problems.add(ID, "required value missing", null);
    }
    String typeText = row.value(TYPE);
    Optional<PaymentEventType> type = StripeBalanceTypes.classify(typeText, row.value(DESCRIPTION));
    if (type.isEmpty()) {
      problems.add(
          TYPE,
          typeText.isEmpty() ? "required value missing" : "unknown Stripe balance transaction type",
          typeText);
    }
    String currency = row.value(CURRENCY).toUpperCase(Locale.ROOT);
    if (!MinorUnits.isKnownCurrency(currency)) {
      problems.add(
          CURRENCY,
          currency.isEmpty() ? "required value missing" : "unknown currency code",
          row.value(CURRENCY));
    }
    Instant created =
        row.optional(CREATED).isEmpty()
            ? null
            : StripeItemizedReportParser.reportTime(CREATED, row.value(CREATED), problems);
    if (row.optional(CREATED).isEmpty()) {
      problems.add(CREATED, "required value missing", null);
    }
    if (problems.reportTo(out)) {
      return;
    }
    Long amount = problems.amount(AMOUNT, row.value(AMOUNT), currency);
    long fee = problems.amountOrZero(FEE, row.value(FEE), currency);
    Long net = row.value(NET).isEmpty() ? null : problems.amount(NET, row.value(NET), currency);
    if (problems.reportTo(out)) {
      return;
    }
    // Parsed amounts are bounded by MinorUnits.MAX_ABS_MINOR, so this difference cannot overflow.
    long computedNet = amount - fee;
    if (net != null && net != computedNet) {
      out.finding(
          row.line(),
          ROW_NOT_FOOTING,
          "amount - fee != net: amount="
              + MinorUnits.format(amount, currency)
              + ", fee="
              + MinorUnits.format(fee, currency)
              + ", net="
              + MinorUnits.format(net, currency)
              + " "
              + currency);
    }
    String id = row.optional(SOURCE).orElse(balanceTransaction.get());
    PaymentEvent.Builder event =
        PaymentEvent.newBuilder()
            .setPsp(PSP)
            .setType(type.get())
            .setGrossCurrency(currency)
            .setNetCurrency(currency)
            .setEventTime(created)
            .setMetadata(metadata(row))
            .setProvenance(LineProvenance.of(provenance, row.line()));
    if (type.get() == PaymentEventType.PAYOUT) {
      long sentToBank = -amount;
      out.add(
          event
              .setEventId(id)
              .setRecordKind(RecordKind.PAYOUT)
              .setBatchId(id)
              .setGrossMinor(sentToBank)
              .setFeeMinor(0L)
              .setNetMinor(sentToBank)
              .build());
      return;
    }
    // A dispute reversal shares its source (ch_/dp_) with the dispute: its own id keeps ids unique.
    String txnId =
        type.get() == PaymentEventType.CHARGEBACK_REVERSAL ? balanceTransaction.get() : id;
    out.add(
        event
            .setEventId(txnId)
            .setRecordKind(RecordKind.PSP_TXN)
            .setPspReference(row.optional(SOURCE).orElse(null))
            .setBatchId(row.optional(TRANSFER).orElse(null))
            .setGrossMinor(amount)
            .setFeeMinor(fee)
            .setNetMinor(net != null ? net : computedNet)
            .build());
  }

  private static Map<String, String> metadata(BoundRow row) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("balance_transaction_id", row.value(ID));
    row.optional(DESCRIPTION)
        .filter(d -> d.toLowerCase(Locale.ROOT).startsWith("chargeback"))
        .ifPresent(d -> metadata.put("description", d));
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
