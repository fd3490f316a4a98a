package dev.recon.normalization.adyen;

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
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Adyen standard notification webhooks: {"live": "...", "notificationItems": [{
 * "NotificationRequestItem": {...}}]}, amount.value in minor units. The item ordinal (1-based) is
 * the line. Verifying additionalData.hmacSignature is the receiving connector's job; the signature
 * is never copied into a record.
 *
 * <p>Successful (success "true") CAPTURE, REFUND, CANCEL_OR_REFUND that refunded, CHARGEBACK,
 * SECOND_CHARGEBACK and CHARGEBACK_REVERSED items become PaymentEvents; REFUND_FAILED and
 * REFUNDED_REVERSED return refunded money and CAPTURE_FAILED takes back a capture (ADJUSTMENT).
 * AUTHORISATION moves no money (the capture, or the settlement report, books it), nor do failed
 * items, cancellations and dispute notices: those are counted findings. A CAPTURE is known by the
 * payment's PSP reference (originalReference), as in the settlement details report; other items by
 * their own pspReference.
 */
public final class AdyenNotificationParser implements RecordParser {

  public static final String PSP = AdyenSettlementDetailParser.PSP;

  /** Finding code: an item about money that did not move (authorisation, failure, notice). */
  public static final String NOT_BOOKED = "ADYEN_NOT_BOOKED";

  /** Finding code: an event code this parser does not book (REPORT_AVAILABLE, ...). */
  public static final String EVENT_IGNORED = "ADYEN_EVENT_IGNORED";

  private static final String ITEM = "NotificationRequestItem";

  private static final Map<String, PaymentEventType> BOOKED =
      Map.ofEntries(
          Map.entry("CAPTURE", PaymentEventType.CAPTURE),
          Map.entry("REFUND", PaymentEventType.REFUND),
          Map.entry("REFUND_WITH_DATA", PaymentEventType.REFUND),
          Map.entry("CHARGEBACK", PaymentEventType.CHARGEBACK),
          Map.entry("SECOND_CHARGEBACK", PaymentEventType.CHARGEBACK),
          Map.entry("CHARGEBACK_REVERSED", PaymentEventType.CHARGEBACK_REVERSAL),
          Map.entry("REFUND_FAILED", PaymentEventType.ADJUSTMENT),
          Map.entry("REFUNDED_REVERSED", PaymentEventType.ADJUSTMENT),
          Map.entry("CAPTURE_FAILED", PaymentEventType.ADJUSTMENT));

  /** Events whose amount leaves what Adyen owes the tenant. */
  private static final Set<String> DEBITS =
      Set.of("REFUND", "REFUND_WITH_DATA", "CHARGEBACK", "SECOND_CHARGEBACK", "CAPTURE_FAILED");

  private static final Set<String> NO_MONEY =
      Set.of(
          "AUTHORISATION",
          "AUTHORISATION_ADJUSTMENT",
          "CANCELLATION",
          "CANCEL_AUTORESCUE",
          "OFFER_CLOSED",
          "EXPIRE",
          "PENDING",
          "NOTIFICATION_OF_CHARGEBACK",
          "NOTIFICATIONOFFRAUD",
          "REQUEST_FOR_INFORMATION",
          "PREARBITRATION_WON",
          "PREARBITRATION_LOST",
          "DISPUTE_DEFENSE_PERIOD_ENDED",
          "INFORMATION_SUPPLIED",
          "ISSUER_COMMENTS",
          "ISSUER_RESPONSE_TIMEFRAME_EXPIRED",
          "MANUAL_REVIEW_ACCEPT",
          "MANUAL_REVIEW_REJECT",
          "ORDER_OPENED",
          "ORDER_CLOSED");

  private static final String CANCEL_OR_REFUND = "CANCEL_OR_REFUND";

  private final ParserLimits limits;

  public AdyenNotificationParser(ParserLimits limits) {
    this.limits = limits;
  }

  @Override
  public Format format() {
    return Format.ADYEN_WEBHOOK;
  }

  @Override
  public ParseResult parse(byte[] payload, Provenance provenance, RecordSink sink) {
    ParseResult.Builder out = ParseResult.builder(provenance, sink);
    JsonInput.read(payload, limits, out)
        .ifPresent(
            root -> {
              JsonNode items = root.path("notificationItems");
              if (!items.isArray()) {
                out.error(0, "notificationItems", "not an Adyen notification: no item list", null);
                return;
              }
              String live = JsonFields.text(root, "live").orElse("");
              for (int i = 0; i < items.size(); i++) {
                if (i == limits.maxRows()) {
                  out.error(
                      i + 1,
                      null,
                      "item limit of "
                          + limits.maxRows()
                          + " reached; the rest of the document was not read",
                      null);
                  break;
                }
                mapItem(items.get(i).path(ITEM), i + 1, live, provenance, out);
              }
            });
    return out.build();
  }

  private static void mapItem(
      JsonNode item, int line, String live, Provenance provenance, ParseResult.Builder out) {
    RowProblems problems = new RowProblems(line);
    if (!item.isObject()) {
      out.error(line, ITEM, "required object missing", null);
      return;
    }
    String code = JsonFields.required(item, "eventCode", problems);
    String pspReference = JsonFields.required(item, "pspReference", problems);
    String success = JsonFields.required(item, "success", problems);
    if (!success.isEmpty() && !"true".equals(success) && !"false".equals(success)) {
      problems.add("success", "not \"true\" or \"false\"", success);
    }
    if (problems.reportTo(out)) {
      return;
    }
    // Adyen names this additionalData key with a dot in it: "modification.action".
    String refunded = item.path("additionalData").path("modification.action").asText("").strip();
    if (CANCEL_OR_REFUND.equals(code)) {
      if (!"refund".equals(refunded)) {
        out.finding(
            line,
            NOT_BOOKED,
            "CANCEL_OR_REFUND "
                + pspReference
                + " was "
                + (refunded.isEmpty() ? "not stated as a refund" : "a " + abbreviate(refunded))
                + ": no money moved");
        return;
      }
      code = "REFUND";
    }
    PaymentEventType type = BOOKED.get(code);
    if (type == null) {
      out.finding(
          line,
          NO_MONEY.contains(code) ? NOT_BOOKED : EVENT_IGNORED,
          abbreviate(code) + " " + pspReference + ": no money movement booked");
      return;
    }
    if (!"true".equals(success)) {
      out.finding(
          line,
          NOT_BOOKED,
          code
              + " "
              + pspReference
              + " failed"
              + JsonFields.text(item, "reason")
                  .map(r -> " (" + abbreviate(Excerpt.masked(r)) + ")")
                  .orElse(""));
      return;
    }
    String currency = JsonFields.currency(item, "amount.currency", problems);
    Long value = JsonFields.minorUnits(item, "amount.value", problems);
    Instant time = JsonFields.isoTime(item, "eventDate", problems);
    if (value != null && value < 0) {
      problems.add("amount.value", "negative amount; the event code gives the direction", null);
    }
    if (problems.reportTo(out)) {
      return;
    }
    long gross = DEBITS.contains(code) ? -value : value;
    Optional<String> original = JsonFields.text(item, "originalReference");
    String id = type == PaymentEventType.CAPTURE ? original.orElse(pspReference) : pspReference;
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("event_code", code);
    metadata.put("live", live);
    JsonFields.text(item, "merchantAccountCode")
        .ifPresent(v -> metadata.put("merchant_account", v));
    JsonFields.text(item, "paymentMethod").ifPresent(v -> metadata.put("payment_method", v));
    if (type == PaymentEventType.CHARGEBACK || type == PaymentEventType.CHARGEBACK_REVERSAL) {
      // Only dispute reasons: an authorisation's reason carries card details.
      JsonFields.text(item, "reason")
          .ifPresent(v -> metadata.put("reason", abbreviate(Excerpt.masked(v))));
    }
    JsonFields.text(item, "additionalData.chargebackReasonCode")
        .ifPresent(v -> metadata.put("chargeback_reason_code", v));
    if (type != PaymentEventType.CAPTURE) {
      metadata.put("modification_psp_reference", pspReference);
    }
    out.add(
        PaymentEvent.newBuilder()
            .setEventId(id)
            .setRecordKind(RecordKind.PSP_TXN)
            .setPsp(PSP)
            .setType(type)
            .setPspReference(original.orElse(pspReference))
            .setMerchantReference(JsonFields.text(item, "merchantReference").orElse(null))
            .setGrossMinor(gross)
            .setGrossCurrency(currency)
            .setFeeMinor(0L)
            .setNetMinor(gross)
            .setNetCurrency(currency)
            .setEventTime(time)
            .setMetadata(metadata)
            .setProvenance(LineProvenance.of(provenance, line))
            .build());
  }

  private static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
