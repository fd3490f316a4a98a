package dev.recon.normalization.expected;

import static dev.recon.normalization.expected.ExpectedColumns.AMOUNT;
import static dev.recon.normalization.expected.ExpectedColumns.AMOUNT_MAX;
import static dev.recon.normalization.expected.ExpectedColumns.AMOUNT_MIN;
import static dev.recon.normalization.expected.ExpectedColumns.CURRENCY;
import static dev.recon.normalization.expected.ExpectedColumns.CUSTOMER_ID;
import static dev.recon.normalization.expected.ExpectedColumns.DESCRIPTION;
import static dev.recon.normalization.expected.ExpectedColumns.EXPECTED_AT;
import static dev.recon.normalization.expected.ExpectedColumns.EXPECTED_FROM;
import static dev.recon.normalization.expected.ExpectedColumns.EXPECTED_ID;
import static dev.recon.normalization.expected.ExpectedColumns.EXPECTED_TO;
import static dev.recon.normalization.expected.ExpectedColumns.MERCHANT_REFERENCE;
import static dev.recon.normalization.expected.ExpectedColumns.PSP;
import static dev.recon.normalization.expected.ExpectedColumns.PSP_REFERENCE;

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
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.Provenance;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant's expected payments as CSV (DESIGN.md "Expected-payments CSV"): columns bound by
 * header name, amounts in major units with '.' decimals, ISO-8601 dates or timestamps, unknown
 * columns kept as metadata.
 */
public final class ExpectedPaymentsCsvParser implements RecordParser {
  private final ParserLimits limits;

  public ExpectedPaymentsCsvParser(ParserLimits limits) {
    this.limits = limits;
  }

  @Override
  public Format format() {
    return Format.EXPECTED_PAYMENTS_CSV;
  }

  @Override
  public ParseResult parse(byte[] payload, Provenance provenance, RecordSink sink) {
    ParseResult.Builder out = ParseResult.builder(provenance, sink);
    CsvTable.open(payload, limits, ExpectedColumns.REQUIRED, out)
        .ifPresent(
            table -> {
              boolean[] metadataColumns = metadataColumns(table.header().names());
              table.forEachRow(row -> mapRow(row, metadataColumns, provenance, out));
            });
    return out.build();
  }

  /** Per header position: true for the tenant's own columns, decided once per file. */
  private static boolean[] metadataColumns(List<String> names) {
    boolean[] metadata = new boolean[names.size()];
    for (int i = 0; i < names.size(); i++) {
      metadata[i] = !ExpectedColumns.isKnown(names.get(i));
    }
    return metadata;
  }

  private static void mapRow(
      BoundRow row, boolean[] metadataColumns, Provenance provenance, ParseResult.Builder out) {
    RowErrors errors = new RowErrors(row);
    String expectedId = errors.required(EXPECTED_ID);
    String merchantReference = errors.required(MERCHANT_REFERENCE);
    String psp = errors.required(PSP).toLowerCase(Locale.ROOT);
    String currency = row.value(CURRENCY).toUpperCase(Locale.ROOT);
    boolean currencyKnown = MinorUnits.isKnownCurrency(currency);
    if (!currencyKnown) {
      errors.add(
          CURRENCY,
          currency.isEmpty() ? "required value missing" : "unknown currency code",
          currency);
    }
    Long amount = null;
    Long amountMin = null;
    Long amountMax = null;
    if (currencyKnown) {
      amount = errors.amount(AMOUNT, row.value(AMOUNT), currency);
      amountMin =
          row.optional(AMOUNT_MIN).map(v -> errors.amount(AMOUNT_MIN, v, currency)).orElse(null);
      amountMax =
          row.optional(AMOUNT_MAX).map(v -> errors.amount(AMOUNT_MAX, v, currency)).orElse(null);
      if (amountMin != null && amountMax != null && amountMin > amountMax) {
        errors.add(AMOUNT_MIN, "amount_min is greater than amount_max", null);
      }
    }
    Instant expectedAt = errors.instant(EXPECTED_AT, row.value(EXPECTED_AT));
    Instant from =
        row.optional(EXPECTED_FROM).map(v -> errors.instant(EXPECTED_FROM, v)).orElse(null);
    Instant to = row.optional(EXPECTED_TO).map(v -> errors.instant(EXPECTED_TO, v)).orElse(null);
    if (from != null && to != null && from.isAfter(to)) {
      errors.add(EXPECTED_FROM, "expected_from is after expected_to", null);
    }
    if (errors.report(out)) {
      return;
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    List<String> names = row.header().names();
    for (int i = 0; i < names.size(); i++) {
      if (!metadataColumns[i]) {
        continue;
      }
      String value = row.fields().get(i).strip();
      if (!value.isEmpty()) {
        metadata.put(names.get(i).strip(), value);
      }
    }
    out.add(
        ExpectedPayment.newBuilder()
            .setExpectedId(expectedId)
            .setPsp(psp)
            .setMerchantReference(merchantReference)
            .setPspReference(row.optional(PSP_REFERENCE).orElse(null))
            .setAmountMinor(amount)
            .setAmountMinMinor(amountMin)
            .setAmountMaxMinor(amountMax)
            .setCurrency(currency)
            .setExpectedAt(expectedAt)
            .setExpectedFrom(from)
            .setExpectedTo(to)
            .setCustomerId(row.optional(CUSTOMER_ID).orElse(null))
            .setDescription(row.optional(DESCRIPTION).orElse(null))
            .setMetadata(metadata)
            .setProvenance(LineProvenance.of(provenance, row.line()))
            .build());
  }

  /** Row problems plus the parsing this format needs. */
  private static final class RowErrors {
    private final BoundRow row;
    private final RowProblems problems;

    RowErrors(BoundRow row) {
      this.row = row;
      this.problems = new RowProblems(row.line());
    }

    void add(String field, String reason, String excerpt) {
      problems.add(field, reason, excerpt);
    }

    String required(String column) {
      String v = row.value(column);
      if (v.isEmpty()) {
        add(column, "required value missing", null);
      }
      return v;
    }

    Long amount(String column, String text, String currency) {
      return problems.amount(column, text, currency);
    }

    Instant instant(String column, String text) {
      Optional<Instant> parsed = IsoTimestamp.parse(text);
      if (parsed.isEmpty()) {
        add(
            column,
            text.isEmpty() ? "required value missing" : "not an ISO-8601 date or timestamp",
            text);
        return null;
      }
      return parsed.get();
    }

    boolean report(ParseResult.Builder out) {
      return problems.reportTo(out);
    }
  }
}
