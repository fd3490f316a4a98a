package dev.recon.normalization.mobilemoney;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recon.normalization.format.Excerpt;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.LineProvenance;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.normalization.format.RecordParser;
import dev.recon.normalization.format.RecordSink;
import dev.recon.normalization.format.RowProblems;
import dev.recon.normalization.json.JsonFields;
import dev.recon.normalization.json.JsonInput;
import dev.recon.normalization.money.MinorUnits;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.RecordKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Mobile-money status responses and callbacks (MTN MoMo collection and disbursement, Airtel Money,
 * Zamtel Kwacha): one JSON object, or an array of them (a batch of polled statuses). The entry
 * ordinal (1-based) is the line.
 *
 * <p>Only a successful transaction becomes a PaymentEvent: a collection is a CAPTURE (money in), a
 * disbursement a REFUND-like payment out (negative). Its id is the provider's own transaction id,
 * which providers send only on success; the tenant's id (MTN externalId, Airtel transaction id) is
 * the merchant reference and need not be unique. Amounts are strings (or numbers) in major units,
 * converted exactly with the currency's ISO 4217 exponent. The bodies carry no time, so the event
 * time is when the platform received them. Pending and failed statuses are {@link #NOT_BOOKED}
 * findings: counted, with the provider's reason, never dropped silently.
 *
 * <p>Callbacks are unsigned (MTN) or carry an optional hash (Airtel): a callback is a claim to be
 * confirmed by an enquiry, which the connector does; this parser reads both the same way and never
 * copies a hash into a record.
 */
public final class MobileMoneyStatusParser implements RecordParser {

  /** Finding code: a pending or failed transaction, which moved no money. */
  public static final String NOT_BOOKED = "MOBILE_MONEY_NOT_BOOKED";

  private final MobileMoneyDialect dialect;
  private final ParserLimits limits;

  private MobileMoneyStatusParser(MobileMoneyDialect dialect, ParserLimits limits) {
    this.dialect = dialect;
    this.limits = limits;
  }

  public static MobileMoneyStatusParser mtnMomo(ParserLimits limits) {
    return new MobileMoneyStatusParser(MobileMoneyDialect.MTN_MOMO, limits);
  }

  public static MobileMoneyStatusParser airtelMoney(ParserLimits limits) {
    return new MobileMoneyStatusParser(MobileMoneyDialect.AIRTEL_MONEY, limits);
  }

  public static MobileMoneyStatusParser zamtelKwacha(ParserLimits limits) {
    return new MobileMoneyStatusParser(MobileMoneyDialect.ZAMTEL_KWACHA, limits);
  }

  @Override
  public Format format() {
    return dialect.format();
  }

  @Override
  public ParseResult parse(byte[] payload, Provenance provenance, RecordSink sink) {
    ParseResult.Builder out = ParseResult.builder(provenance, sink);
    JsonInput.read(payload, limits, out)
        .ifPresent(
            root -> {
              List<JsonNode> entries = new ArrayList<>();
              if (root.isArray()) {
                root.forEach(entries::add);
              } else {
                entries.add(root);
              }
              for (int i = 0; i < entries.size(); i++) {
                if (i == limits.maxRows()) {
                  out.error(
                      i + 1,
                      null,
                      "entry limit of "
                          + limits.maxRows()
                          + " reached; the rest of the document was not read",
                      null);
                  break;
                }
                mapEntry(entries.get(i), i + 1, provenance, out);
              }
            });
    return out.build();
  }

  private void mapEntry(JsonNode entry, int line, Provenance provenance, ParseResult.Builder out) {
    Optional<JsonNode> found = dialect.fields(entry);
    if (found.isEmpty()) {
      out.error(
          line,
          MobileMoneyDialect.describe(dialect.statusPaths()),
          "not a " + dialect.psp() + " status: no status found",
          null);
      return;
    }
    JsonNode fields = found.get();
    RowProblems problems = new RowProblems(line);
    Optional<String> statusText = first(fields, dialect.statusPaths());
    Optional<MobileMoneyOutcome> outcome = statusText.flatMap(dialect::outcome);
    if (outcome.isEmpty()) {
      problems.add(
          MobileMoneyDialect.describe(dialect.statusPaths()),
          statusText.isEmpty() ? "required value missing" : "unknown status",
          statusText.orElse(null));
    }
    Optional<String> merchantId = first(fields, dialect.merchantIdPaths());
    if (problems.reportTo(out)) {
      return;
    }
    if (outcome.get() != MobileMoneyOutcome.SUCCESSFUL) {
      out.finding(
          line,
          NOT_BOOKED,
          dialect.psp()
              + " transaction "
              + merchantId.map(MobileMoneyStatusParser::abbreviate).orElse("(no id)")
              + " is "
              + outcome.get().name().toLowerCase(Locale.ROOT)
              + " ("
              + abbreviate(statusText.get())
              + reason(fields).map(r -> ": " + r).orElse("")
              + "): no money moved");
      return;
    }
    Optional<String> pspId = first(fields, dialect.pspIdPaths());
    if (pspId.isEmpty()) {
      problems.add(
          MobileMoneyDialect.describe(dialect.pspIdPaths()),
          "required value missing on a successful transaction",
          null);
    }
    if (dialect.amountPaths().stream()
        .allMatch(
            p -> JsonFields.at(fields, p).isMissingNode() || JsonFields.at(fields, p).isNull())) {
      // Airtel callbacks often carry no amount: only the enquiry response or statement does.
      problems.add(
          MobileMoneyDialect.describe(dialect.amountPaths()),
          "a successful transaction without an amount cannot be booked; confirm it by enquiry",
          null);
      problems.reportTo(out);
      return;
    }
    String currency = currency(fields, problems);
    Long amount = amount(fields, currency, problems);
    if (amount != null && amount <= 0) {
      problems.add(
          MobileMoneyDialect.describe(dialect.amountPaths()),
          "not a positive amount",
          Long.toString(amount));
    }
    if (problems.reportTo(out)) {
      return;
    }
    PaymentEventType type = MobileMoneyDialect.direction(fields);
    long gross = type == PaymentEventType.CAPTURE ? amount : -amount;
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("status", statusText.get());
    metadata.put("direction", type == PaymentEventType.CAPTURE ? "collection" : "disbursement");
    out.add(
        PaymentEvent.newBuilder()
            .setEventId(pspId.get())
            .setRecordKind(RecordKind.PSP_TXN)
            .setPsp(dialect.psp())
            .setType(type)
            .setPspReference(pspId.get())
            .setMerchantReference(merchantId.orElse(null))
            .setGrossMinor(gross)
            .setGrossCurrency(currency)
            .setFeeMinor(0L)
            .setNetMinor(gross)
            .setNetCurrency(currency)
            .setEventTime(provenance.getReceivedAt())
            .setMetadata(metadata)
            .setProvenance(LineProvenance.of(provenance, line))
            .build());
  }

  private String currency(JsonNode fields, RowProblems problems) {
    Optional<String> text = first(fields, dialect.currencyPaths());
    String code =
        text.map(c -> c.toUpperCase(Locale.ROOT))
            .orElse(dialect.defaultCurrency() == null ? "" : dialect.defaultCurrency());
    if (!MinorUnits.isKnownCurrency(code)) {
      problems.add(
          MobileMoneyDialect.describe(dialect.currencyPaths()),
          text.isEmpty() ? "required value missing" : "unknown currency code",
          text.orElse(null));
      return "";
    }
    return code;
  }

  private Long amount(JsonNode fields, String currency, RowProblems problems) {
    for (String path : dialect.amountPaths()) {
      JsonNode node = JsonFields.at(fields, path);
      if (!node.isMissingNode() && !node.isNull()) {
        return currency.isEmpty() ? null : JsonFields.majorUnits(fields, path, currency, problems);
      }
    }
    return null;
  }

  /** MTN's reason: {code, message} in current docs, a plain string in older ones. */
  private static Optional<String> reason(JsonNode fields) {
    JsonNode reason = fields.path("reason");
    Optional<String> text =
        reason.isObject()
            ? JsonFields.text(reason, "code").or(() -> JsonFields.text(reason, "message"))
            : JsonFields.text(fields, "reason").or(() -> JsonFields.text(fields, "message"));
    return text.map(MobileMoneyStatusParser::abbreviate);
  }

  private static Optional<String> first(JsonNode fields, List<String> paths) {
    for (String path : paths) {
      Optional<String> value = JsonFields.text(fields, path);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /** Ids and messages can hold phone numbers: masked (long digit runs) and shortened. */
  private static String abbreviate(String text) {
    String masked = Excerpt.masked(text);
    return masked.length() > 60 ? masked.substring(0, 60) + "..." : masked;
  }
}
