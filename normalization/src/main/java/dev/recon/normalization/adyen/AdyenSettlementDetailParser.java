package dev.recon.normalization.adyen;

import static dev.recon.normalization.adyen.AdyenColumns.BATCH_NUMBER;
import static dev.recon.normalization.adyen.AdyenColumns.CREATION_DATE;
import static dev.recon.normalization.adyen.AdyenColumns.EXCHANGE_RATE;
import static dev.recon.normalization.adyen.AdyenColumns.GROSS_CREDIT;
import static dev.recon.normalization.adyen.AdyenColumns.GROSS_CURRENCY;
import static dev.recon.normalization.adyen.AdyenColumns.GROSS_DEBIT;
import static dev.recon.normalization.adyen.AdyenColumns.MERCHANT_REFERENCE;
import static dev.recon.normalization.adyen.AdyenColumns.MODIFICATION_REFERENCE;
import static dev.recon.normalization.adyen.AdyenColumns.NET_CREDIT;
import static dev.recon.normalization.adyen.AdyenColumns.NET_CURRENCY;
import static dev.recon.normalization.adyen.AdyenColumns.NET_DEBIT;
import static dev.recon.normalization.adyen.AdyenColumns.PSP_REFERENCE;
import static dev.recon.normalization.adyen.AdyenColumns.TIME_ZONE;
import static dev.recon.normalization.adyen.AdyenColumns.TYPE;

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
import dev.recon.normalization.format.WallClockText;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Adyen's "Settlement details report" (one settlement batch per file, or several): one PaymentEvent
 * per row. Amounts come as unsigned Debit/Credit pairs in major units; gross is in the gross
 * currency, net and fees in the net currency. MerchantPayout rows (one per currency per batch)
 * become PAYOUT events whose bank reference is what the bank statement will show.
 */
public final class AdyenSettlementDetailParser implements RecordParser {
  /** The rule for metadata columns, a constant so the header remembers its column set. */
  private static final Predicate<String> METADATA_COLUMN = AdyenColumns::isMetadata;

  public static final String PSP = "adyen";

  /** Finding code: a row's gross minus its fees is not its net (same-currency rows only). */
  public static final String ROW_NOT_FOOTING = "ADYEN_ROW_NOT_FOOTING";

  /** Finding code: the nets of a batch do not add up to its payout. */
  public static final String PAYOUT_MISMATCH = AdyenBatchTotals.PAYOUT_MISMATCH;

  private static final DateTimeFormatter CREATION_DATE_FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]");

  private final ParserLimits limits;

  public AdyenSettlementDetailParser(ParserLimits limits) {
    this.limits = limits;
  }

  @Override
  public Format format() {
    return Format.ADYEN_SETTLEMENT_DETAIL;
  }

  @Override
  public ParseResult parse(byte[] payload, Provenance provenance, RecordSink sink) {
    ParseResult.Builder out = ParseResult.builder(provenance, sink);
    AdyenBatchTotals batches = new AdyenBatchTotals();
    CsvTable.open(payload, limits, AdyenColumns.REQUIRED, out)
        .ifPresent(table -> table.forEachRow(row -> mapRow(row, provenance, out, batches)));
    batches.check(out);
    return out.build();
  }

  private static void mapRow(
      BoundRow row, Provenance provenance, ParseResult.Builder out, AdyenBatchTotals batches) {
    RowProblems problems = new RowProblems(row.line());
    String typeText = row.value(TYPE);
    Optional<PaymentEventType> type = AdyenRecordTypes.classify(typeText);
    if (type.isEmpty()) {
      problems.add(
          TYPE,
          typeText.isEmpty() ? "required value missing" : "unknown Adyen record type",
          typeText);
    }
    String netCurrency = row.value(NET_CURRENCY);
    if (!MinorUnits.isKnownCurrency(netCurrency)) {
      problems.add(
          NET_CURRENCY,
          netCurrency.isEmpty() ? "required value missing" : "unknown currency code",
          netCurrency);
    }
    Instant eventTime = creationTime(row, problems);
    if (!problems.isEmpty()) {
      problems.reportTo(out);
      return;
    }
    Optional<String> batch = row.optional(BATCH_NUMBER);
    long netDebit = problems.amountOrZero(NET_DEBIT, row.value(NET_DEBIT), netCurrency);
    long netCredit = problems.amountOrZero(NET_CREDIT, row.value(NET_CREDIT), netCurrency);
    // Parsed amounts are bounded by MinorUnits.MAX_ABS_MINOR, so these few sums cannot overflow.
    long net = netCredit - netDebit;
    PaymentEvent.Builder event =
        PaymentEvent.newBuilder()
            .setPsp(PSP)
            .setType(type.get())
            .setNetCurrency(netCurrency)
            .setEventTime(eventTime)
            .setBatchId(batch.orElse(null))
            .setExchangeRate(row.optional(EXCHANGE_RATE).orElse(null))
            .setMetadata(metadata(row))
            .setProvenance(LineProvenance.of(provenance, row.line()));

    if (type.get() == PaymentEventType.PAYOUT) {
      if (batch.isEmpty()) {
        problems.add(BATCH_NUMBER, "required value missing on a MerchantPayout row", null);
      }
      if (problems.reportTo(out)) {
        return;
      }
      long sentToBank = -net;
      batches.addPayout(batch.get(), netCurrency, sentToBank, row.line());
      out.add(
          event
              .setEventId(batch.get() + "-" + netCurrency)
              .setRecordKind(RecordKind.PAYOUT)
              .setGrossMinor(sentToBank)
              .setGrossCurrency(netCurrency)
              .setFeeMinor(0L)
              .setNetMinor(sentToBank)
              .setBankReference(row.optional(MODIFICATION_REFERENCE).orElse(null))
              .build());
      return;
    }

    long fee = 0;
    for (String column : AdyenColumns.FEES) {
      fee += problems.amountOrZero(column, row.value(column), netCurrency);
    }
    String grossCurrency = row.value(GROSS_CURRENCY);
    long gross = 0;
    if (type.get() == PaymentEventType.FEE) {
      // Cost rows only move the net; their fee columns describe the cost itself.
      gross = net;
      fee = 0;
      grossCurrency = netCurrency;
    } else if (grossCurrency.isEmpty()) {
      if (!row.value(GROSS_DEBIT).isEmpty() || !row.value(GROSS_CREDIT).isEmpty()) {
        problems.add(GROSS_CURRENCY, "required when a gross amount is given", null);
      }
      gross = net + fee;
      grossCurrency = netCurrency;
    } else if (!MinorUnits.isKnownCurrency(grossCurrency)) {
      problems.add(GROSS_CURRENCY, "unknown currency code", grossCurrency);
    } else {
      gross =
          problems.amountOrZero(GROSS_CREDIT, row.value(GROSS_CREDIT), grossCurrency)
              - problems.amountOrZero(GROSS_DEBIT, row.value(GROSS_DEBIT), grossCurrency);
    }
    if (problems.reportTo(out)) {
      return;
    }
    if (grossCurrency.equals(netCurrency) && gross - fee != net) {
      out.finding(
          row.line(),
          ROW_NOT_FOOTING,
          "gross - fees != net: gross="
              + MinorUnits.format(gross, grossCurrency)
              + ", fees="
              + MinorUnits.format(fee, netCurrency)
              + ", net="
              + MinorUnits.format(net, netCurrency)
              + " "
              + netCurrency);
    }
    batch.ifPresent(b -> batches.addNet(b, netCurrency, net));
    out.add(
        event
            .setEventId(eventId(row, type.get(), typeText, batch))
            .setRecordKind(RecordKind.PSP_TXN)
            .setPspReference(row.optional(PSP_REFERENCE).orElse(null))
            .setMerchantReference(row.optional(MERCHANT_REFERENCE).orElse(null))
            .setGrossMinor(gross)
            .setGrossCurrency(grossCurrency)
            .setFeeMinor(fee)
            .setNetMinor(net)
            .build());
  }

  /**
   * Captures are known by Adyen's PSP reference, other rows by their own modification reference,
   * rows without either (fees, costs) by batch, type and line: stable for the same file.
   */
  private static String eventId(
      BoundRow row, PaymentEventType type, String typeText, Optional<String> batch) {
    Optional<String> pspReference = row.optional(PSP_REFERENCE);
    if (type == PaymentEventType.CAPTURE && pspReference.isPresent()) {
      return pspReference.get();
    }
    return row.optional(MODIFICATION_REFERENCE)
        .orElseGet(() -> batch.map(b -> b + "-").orElse("") + typeText + "-L" + row.line());
  }

  private static Instant creationTime(BoundRow row, RowProblems problems) {
    String zoneText = row.value(TIME_ZONE);
    Optional<ZoneId> zone = AdyenTimeZones.resolve(zoneText);
    if (zone.isEmpty()) {
      problems.add(
          TIME_ZONE, zoneText.isEmpty() ? "required value missing" : "unknown time zone", zoneText);
    }
    String text = row.value(CREATION_DATE);
    LocalDateTime local = WallClockText.isoDateSpaceTime(text);
    if (local == null) {
      try {
        local = LocalDateTime.parse(text, CREATION_DATE_FORMAT);
      } catch (DateTimeParseException e) {
        problems.add(CREATION_DATE, "not a date and time like 2025-09-11 11:44:20", text);
      }
    }
    return zone.isPresent() && local != null ? local.atZone(zone.get()).toInstant() : null;
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
