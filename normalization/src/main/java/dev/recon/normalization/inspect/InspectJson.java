package dev.recon.normalization.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.avro.specific.SpecificRecord;

/**
 * One canonical record as the JSON line {@code recon inspect} prints (DESIGN.md, a stable
 * contract): record_kind, type, record_id, currency, amount_minor, fee_minor, payout_id,
 * event_date, source_line always present (null where not applicable), then the fields that matter
 * for the kind. Instants become UTC dates.
 */
public final class InspectJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private InspectJson() {}

  public static String toJsonLine(SpecificRecord record) {
    ObjectNode node;
    if (record instanceof PaymentEvent e) {
      node = paymentEvent(e);
    } else if (record instanceof ExpectedPayment x) {
      node = expectedPayment(x);
    } else if (record instanceof BankLine b) {
      node = bankLine(b);
    } else {
      throw new IllegalArgumentException(
          "not a canonical record: " + (record == null ? "null" : record.getClass().getName()));
    }
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serializes", e);
    }
  }

  private static ObjectNode paymentEvent(PaymentEvent e) {
    ObjectNode n =
        common(
            e.getRecordKind(),
            e.getType().name(),
            e.getEventId(),
            e.getGrossCurrency(),
            e.getGrossMinor(),
            e.getFeeMinor(),
            e.getBatchId(),
            utcDate(e.getEventTime()),
            e.getProvenance().getLine());
    n.put("psp", e.getPsp());
    putIfPresent(n, "merchant_reference", e.getMerchantReference());
    putIfPresent(n, "psp_reference", e.getPspReference());
    n.put("net_minor", e.getNetMinor());
    n.put("net_currency", e.getNetCurrency());
    if (e.getType() == PaymentEventType.PAYOUT) {
      putIfPresent(n, "bank_reference", e.getBankReference());
    }
    putIfPresent(n, "exchange_rate", e.getExchangeRate());
    return n;
  }

  private static ObjectNode expectedPayment(ExpectedPayment x) {
    ObjectNode n =
        common(
            RecordKind.EXPECTED,
            "EXPECTED",
            x.getExpectedId(),
            x.getCurrency(),
            x.getAmountMinor(),
            0L,
            null,
            utcDate(x.getExpectedAt()),
            x.getProvenance().getLine());
    n.put("psp", x.getPsp());
    n.put("merchant_reference", x.getMerchantReference());
    putIfPresent(n, "psp_reference", x.getPspReference());
    if (x.getAmountMinMinor() != null) {
      n.put("amount_min_minor", x.getAmountMinMinor());
    }
    if (x.getAmountMaxMinor() != null) {
      n.put("amount_max_minor", x.getAmountMaxMinor());
    }
    return n;
  }

  private static ObjectNode bankLine(BankLine b) {
    ObjectNode n =
        common(
            RecordKind.BANK_LINE,
            b.getAmountMinor() < 0 ? "DEBIT" : "CREDIT",
            b.getLineId(),
            b.getCurrency(),
            b.getAmountMinor(),
            0L,
            null,
            b.getBookingDate(),
            b.getProvenance().getLine());
    n.put("value_date", b.getValueDate().toString());
    n.put("statement_id", b.getStatementId());
    n.put("bank_account", b.getBankAccount());
    n.put("reversal", b.getReversal());
    ArrayNode references = n.putArray("references");
    b.getReferences().forEach(references::add);
    putIfPresent(n, "bank_tx_code", b.getBankTxCode());
    return n;
  }

  private static ObjectNode common(
      RecordKind kind,
      String type,
      String recordId,
      String currency,
      long amountMinor,
      long feeMinor,
      String payoutId,
      LocalDate eventDate,
      int sourceLine) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("record_kind", kind.name());
    n.put("type", type);
    n.put("record_id", recordId);
    n.put("currency", currency);
    n.put("amount_minor", amountMinor);
    n.put("fee_minor", feeMinor);
    n.put("payout_id", payoutId);
    n.put("event_date", eventDate == null ? null : eventDate.toString());
    n.put("source_line", sourceLine);
    return n;
  }

  private static LocalDate utcDate(Instant instant) {
    return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private static void putIfPresent(ObjectNode n, String field, String value) {
    if (value != null) {
      n.put(field, value);
    }
  }
}
