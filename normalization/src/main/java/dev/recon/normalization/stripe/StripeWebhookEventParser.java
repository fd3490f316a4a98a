package dev.recon.normalization.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.LineProvenance;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.normalization.format.RecordParser;
import dev.recon.normalization.format.RecordSink;
import dev.recon.normalization.format.RowProblems;
import dev.recon.normalization.json.JsonFields;
import dev.recon.normalization.json.JsonInput;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe webhook events (one event object, an array of them, or an API list {"object": "list",
 * "data": [...]}) in integer minor units. Each event that moved money becomes one PaymentEvent; the
 * rest are counted as findings, never dropped silently. The entry ordinal (1-based) is the line.
 *
 * <ul>
 *   <li>charge.succeeded / charge.captured with captured=true: CAPTURE of amount_captured. The fee
 *       is only known when balance_transaction is expanded; otherwise it is 0 and metadata says
 *       fee_known=false (the payout report carries it).
 *   <li>refund.created / refund.updated / charge.refund.updated with status succeeded: REFUND (id
 *       re_...); charge.refunded: REFUND of the newly refunded amount (amount_refunded minus
 *       previous_attributes.amount_refunded), id of the newest refund when it is that amount.
 *   <li>charge.dispute.created (not an inquiry) / charge.dispute.funds_withdrawn: CHARGEBACK (id
 *       dp_...); charge.dispute.closed as won / charge.dispute.funds_reinstated:
 *       CHARGEBACK_REVERSAL (id dp_.../reinstated). Both event kinds of a pair give the same id, so
 *       a receiver that gets both dedupes on it.
 *   <li>payout.paid: PAYOUT of the amount sent to the bank, dated by arrival_date.
 * </ul>
 */
public final class StripeWebhookEventParser implements RecordParser {

  public static final String PSP = StripeItemizedReportParser.PSP;

  /** Finding code: an event about money that has not moved (authorisation, pending, failed). */
  public static final String NOT_BOOKED = "STRIPE_NOT_BOOKED";

  /** Finding code: an event type that carries no money movement (customer.*, invoice.*, ...). */
  public static final String EVENT_IGNORED = "STRIPE_EVENT_IGNORED";

  /** Suffix of the id of a dispute's reinstatement, apart from the dispute's own id. */
  static final String REINSTATED = "/reinstated";

  private static final String OBJECT = "data.object";

  private final ParserLimits limits;

  public StripeWebhookEventParser(ParserLimits limits) {
    this.limits = limits;
  }

  @Override
  public Format format() {
    return Format.STRIPE_WEBHOOK;
  }

  @Override
  public ParseResult parse(byte[] payload, Provenance provenance, RecordSink sink) {
    ParseResult.Builder out = ParseResult.builder(provenance, sink);
    JsonInput.read(payload, limits, out)
        .ifPresent(
            root -> {
              List<JsonNode> events = entries(root);
              for (int i = 0; i < events.size(); i++) {
                if (i == limits.maxRows()) {
                  out.error(
                      i + 1,
                      null,
                      "event limit of "
                          + limits.maxRows()
                          + " reached; the rest of the document was not read",
                      null);
                  break;
                }
                new EventMapper(events.get(i), i + 1, provenance, out).map();
              }
            });
    return out.build();
  }

  /**
   * The events of a document: an array, an API list, or a single event, also as captured by webhook
   * tools that keep the delivery's headers next to it ({"headers": ..., "payload": event}).
   */
  private static List<JsonNode> entries(JsonNode root) {
    JsonNode list = root;
    if (root.isObject() && !root.has("type") && root.path("payload").isObject()) {
      list = root.get("payload");
    }
    if (list.isObject() && "list".equals(list.path("object").asText()) && list.has("data")) {
      list = list.get("data");
    }
    List<JsonNode> events = new ArrayList<>();
    if (list.isArray()) {
      list.forEach(events::add);
    } else {
      events.add(list);
    }
    return events;
  }

  /** Maps one event; holds what every record of it shares. */
  private static final class EventMapper {
    private final JsonNode event;
    private final JsonNode object;
    private final int line;
    private final Provenance provenance;
    private final ParseResult.Builder out;
    private final RowProblems problems;

    EventMapper(JsonNode event, int line, Provenance provenance, ParseResult.Builder out) {
      this.event = event;
      this.object = JsonFields.at(event, OBJECT);
      this.line = line;
      this.provenance = provenance;
      this.out = out;
      this.problems = new RowProblems(line);
    }

    void map() {
      if (!event.isObject()) {
        out.error(line, null, "not a Stripe event object", event.toString());
        return;
      }
      String type = JsonFields.required(event, "type", problems);
      if (!type.isEmpty() && !object.isObject()) {
        problems.add(OBJECT, "required object missing", null);
      }
      if (problems.reportTo(out)) {
        return;
      }
      switch (type) {
        case "charge.succeeded", "charge.captured" -> capture(type);
        case "charge.refunded" -> chargeRefunded();
        case "refund.created", "refund.updated", "refund.failed", "charge.refund.updated" ->
            refund();
        case "charge.dispute.created", "charge.dispute.funds_withdrawn" -> disputeOpened(type);
        case "charge.dispute.closed", "charge.dispute.funds_reinstated" -> disputeClosed(type);
        case "payout.paid" -> payoutPaid();
        case "payout.failed", "payout.canceled" ->
            notBooked(
                "payout "
                    + JsonFields.text(object, "id").orElse("?")
                    + " "
                    + type.substring("payout.".length())
                    + JsonFields.text(object, "failure_code").map(c -> " (" + c + ")").orElse("")
                    + ": no money reached the bank");
        default ->
            out.finding(
                line,
                EVENT_IGNORED,
                "event type " + abbreviate(type) + " carries no money movement; not booked");
      }
    }

    private void capture(String type) {
      String id = JsonFields.required(object, "id", problems);
      boolean captured = object.path("captured").asBoolean(false);
      if (problems.reportTo(out)) {
        return;
      }
      if (!captured) {
        notBooked("charge " + id + " authorised, not captured (" + type + ")");
        return;
      }
      String amountPath = object.has("amount_captured") ? "amount_captured" : "amount";
      Money money = money(amountPath);
      Fee fee = expandedFee(object.path("balance_transaction"), money);
      Instant time = created();
      if (problems.reportTo(out)) {
        return;
      }
      Map<String, String> metadata = metadata(type);
      metadata.put("fee_known", Boolean.toString(fee.known()));
      JsonFields.text(object, "payment_intent").ifPresent(v -> metadata.put("payment_intent", v));
      add(
          txn(PaymentEventType.CAPTURE, id, id, money.currency, time, metadata)
              .setMerchantReference(merchantReference(object))
              .setGrossMinor(money.minor)
              .setFeeMinor(fee.minor())
              .setNetMinor(money.minor - fee.minor()));
    }

    private void chargeRefunded() {
      String chargeId = JsonFields.required(object, "id", problems);
      Money refunded = money("amount_refunded");
      JsonNode previous = JsonFields.at(event, "data.previous_attributes.amount_refunded");
      long before = previous.isIntegralNumber() ? previous.longValue() : 0L;
      Instant time = created();
      if (problems.reportTo(out)) {
        return;
      }
      long delta = refunded.minor - before;
      if (delta <= 0) {
        notBooked("charge " + chargeId + " refunded event with no newly refunded amount");
        return;
      }
      JsonNode newest = JsonFields.at(object, "refunds.data").path(0);
      Optional<String> refundId = JsonFields.text(newest, "id");
      boolean newestIsThis =
          refundId.isPresent()
              && newest.path("amount").isIntegralNumber()
              && newest.path("amount").longValue() == apiAmount(delta, refunded.currency);
      String id = newestIsThis ? refundId.get() : chargeId + "/refunded/" + refunded.apiMinorText;
      add(
          txn(
                  PaymentEventType.REFUND,
                  id,
                  chargeId,
                  refunded.currency,
                  time,
                  metadata("charge.refunded"))
              .setMerchantReference(merchantReference(object))
              .setGrossMinor(-delta)
              .setFeeMinor(0L)
              .setNetMinor(-delta));
    }

    private void refund() {
      String id = JsonFields.required(object, "id", problems);
      String status = JsonFields.required(object, "status", problems);
      if (problems.reportTo(out)) {
        return;
      }
      if (!"succeeded".equals(status)) {
        notBooked(
            "refund "
                + id
                + " is "
                + abbreviate(status)
                + JsonFields.text(object, "failure_reason").map(r -> " (" + r + ")").orElse(""));
        return;
      }
      Money money = money("amount");
      Instant time = created();
      if (problems.reportTo(out)) {
        return;
      }
      String charge = JsonFields.text(object, "charge").orElse(null);
      add(
          txn(
                  PaymentEventType.REFUND,
                  id,
                  charge,
                  money.currency,
                  time,
                  metadata(JsonFields.text(event, "type").orElse("")))
              .setMerchantReference(merchantReference(object))
              .setGrossMinor(-money.minor)
              .setFeeMinor(0L)
              .setNetMinor(-money.minor));
    }

    private void disputeOpened(String type) {
      String id = JsonFields.required(object, "id", problems);
      String status = JsonFields.text(object, "status").orElse("");
      if (problems.reportTo(out)) {
        return;
      }
      if ("charge.dispute.created".equals(type) && status.startsWith("warning_")) {
        notBooked("dispute " + id + " is an inquiry (" + status + "): no funds withdrawn");
        return;
      }
      Money money = money("amount");
      Fee fee = disputeFee(money);
      Instant time = created();
      if (problems.reportTo(out)) {
        return;
      }
      add(
          txn(
                  PaymentEventType.CHARGEBACK,
                  id,
                  JsonFields.text(object, "charge").orElse(null),
                  money.currency,
                  time,
                  metadata(type))
              .setGrossMinor(-money.minor)
              .setFeeMinor(fee.minor())
              .setNetMinor(-money.minor - fee.minor()));
    }

    private void disputeClosed(String type) {
      String id = JsonFields.required(object, "id", problems);
      String status = JsonFields.text(object, "status").orElse("");
      if (problems.reportTo(out)) {
        return;
      }
      if ("charge.dispute.closed".equals(type) && !"won".equals(status)) {
        notBooked(
            "dispute "
                + id
                + " closed as "
                + abbreviate(status.isEmpty() ? "(no status)" : status)
                + ": withdrawn funds stay withdrawn");
        return;
      }
      Money money = money("amount");
      Instant time = created();
      if (problems.reportTo(out)) {
        return;
      }
      add(
          txn(
                  PaymentEventType.CHARGEBACK_REVERSAL,
                  id + REINSTATED,
                  JsonFields.text(object, "charge").orElse(null),
                  money.currency,
                  time,
                  metadata(type))
              .setGrossMinor(money.minor)
              .setFeeMinor(0L)
              .setNetMinor(money.minor));
    }

    private void payoutPaid() {
      String id = JsonFields.required(object, "id", problems);
      Money money = money("amount");
      Instant time =
          object.has("arrival_date")
              ? JsonFields.epochSeconds(object, "arrival_date", problems)
              : created();
      if (problems.reportTo(out)) {
        return;
      }
      out.add(
          base(PaymentEventType.PAYOUT, id, money.currency, time, metadata("payout.paid"))
              .setRecordKind(RecordKind.PAYOUT)
              .setBatchId(id)
              .setBankReference(JsonFields.text(object, "trace_id.value").orElse(null))
              .setGrossMinor(money.minor)
              .setFeeMinor(0L)
              .setNetMinor(money.minor)
              .build());
    }

    /** An amount of the object with its currency; fields are null after a recorded problem. */
    private Money money(String amountPath) {
      String currency = JsonFields.currency(object, "currency", problems);
      Long api = JsonFields.minorUnits(object, amountPath, problems);
      if (currency.isEmpty() || api == null) {
        return new Money(0L, currency, "");
      }
      Long minor = StripeAmounts.toMinor(amountPath, api, currency, problems);
      return new Money(minor == null ? 0L : minor, currency, Long.toString(api));
    }

    /** The fee of an expanded balance transaction in the charge's currency, else unknown (0). */
    private Fee expandedFee(JsonNode balanceTransaction, Money money) {
      if (!balanceTransaction.isObject()
          || !balanceTransaction.path("fee").isIntegralNumber()
          || !money.currency.equalsIgnoreCase(balanceTransaction.path("currency").asText())) {
        return new Fee(0L, false);
      }
      Long fee = JsonFields.minorUnits(balanceTransaction, "fee", problems);
      Long minor =
          fee == null
              ? null
              : StripeAmounts.toMinor("balance_transaction.fee", fee, money.currency, problems);
      return minor == null ? new Fee(0L, false) : new Fee(minor, true);
    }

    /** The dispute fee Stripe withdraws with the funds, from the embedded balance transactions. */
    private Fee disputeFee(Money money) {
      long total = 0;
      boolean known = false;
      for (JsonNode bt : object.path("balance_transactions")) {
        if (bt.path("amount").isIntegralNumber() && bt.path("amount").longValue() < 0) {
          Fee fee = expandedFee(bt, money);
          if (fee.known()) {
            total += fee.minor();
            known = true;
          }
        }
      }
      return new Fee(total, known);
    }

    private Instant created() {
      return JsonFields.epochSeconds(event, "created", problems);
    }

    private void notBooked(String message) {
      out.finding(line, NOT_BOOKED, message);
    }

    private PaymentEvent.Builder base(
        PaymentEventType type,
        String id,
        String currency,
        Instant time,
        Map<String, String> metadata) {
      return PaymentEvent.newBuilder()
          .setEventId(id)
          .setPsp(PSP)
          .setType(type)
          .setGrossCurrency(currency)
          .setNetCurrency(currency)
          .setEventTime(time)
          .setMetadata(metadata)
          .setProvenance(LineProvenance.of(provenance, line));
    }

    private PaymentEvent.Builder txn(
        PaymentEventType type,
        String id,
        String pspReference,
        String currency,
        Instant time,
        Map<String, String> metadata) {
      return base(type, id, currency, time, metadata)
          .setRecordKind(RecordKind.PSP_TXN)
          .setPspReference(pspReference);
    }

    private void add(PaymentEvent.Builder event) {
      out.add(event.build());
    }

    private Map<String, String> metadata(String type) {
      Map<String, String> metadata = new LinkedHashMap<>();
      metadata.put("event_type", type);
      JsonFields.text(event, "id").ifPresent(v -> metadata.put("stripe_event_id", v));
      return metadata;
    }

    private long apiAmount(long minor, String currency) {
      return StripeAmounts.TWO_DECIMAL_IN_API.contains(currency) ? minor * 100 : minor;
    }
  }

  /** The tenant's own reference, from the metadata keys integrations commonly set. */
  private static String merchantReference(JsonNode object) {
    for (String key : StripeMerchantReference.METADATA_KEYS) {
      Optional<String> value = JsonFields.text(object.path("metadata"), key);
      if (value.isPresent()) {
        return value.get();
      }
    }
    return null;
  }

  private static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }

  /** An amount in ISO minor units, and the API amount as written (for deterministic ids). */
  private record Money(long minor, String currency, String apiMinorText) {}

  private record Fee(long minor, boolean known) {}
}
