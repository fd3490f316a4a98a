package dev.recon.normalization.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.normalization.Fixtures;
import dev.recon.normalization.format.DataQualityFinding;
import dev.recon.normalization.format.ParseError;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StripeItemizedReportParserTest {
  private final StripeItemizedReportParser parser =
      new StripeItemizedReportParser(ParserLimits.DEFAULT);

  private ParseResult parse(String fixture) {
    return parser.parse(Fixtures.bytes("stripe/" + fixture), Fixtures.provenance(fixture));
  }

  private static List<PaymentEvent> events(ParseResult r) {
    return r.records().stream().map(PaymentEvent.class::cast).toList();
  }

  @Test
  void payoutReconciliationRowsWithSignsIdsFeesAndPayoutLink() {
    ParseResult r = parse("stripe_payout_reconciliation_itemized.csv");
    assertThat(r.errors()).isEmpty();
    assertThat(r.findings()).isEmpty();
    assertThat(events(r))
        .extracting(
            PaymentEvent::getRecordKind,
            PaymentEvent::getType,
            PaymentEvent::getEventId,
            PaymentEvent::getGrossMinor,
            PaymentEvent::getGrossCurrency,
            PaymentEvent::getFeeMinor,
            PaymentEvent::getNetMinor,
            PaymentEvent::getBatchId)
        .containsExactly(
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CAPTURE,
                "ch_3A01",
                10000L,
                "EUR",
                165L,
                9835L,
                "po_1Tq9ZZ"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.REFUND,
                "re_3A02",
                -4000L,
                "EUR",
                -50L,
                -3950L,
                "po_1Tq9ZZ"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CHARGEBACK,
                "dp_3A03",
                -2500L,
                "EUR",
                1500L,
                -4000L,
                "po_1Tq9ZZ"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CHARGEBACK_REVERSAL,
                "txn_3A04",
                2500L,
                "EUR",
                -1500L,
                4000L,
                "po_1Tq9ZZ"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.FEE,
                "txn_3A05",
                -200L,
                "EUR",
                0L,
                -200L,
                "po_1Tq9ZZ"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.ADJUSTMENT,
                "adj_3A06",
                100L,
                "EUR",
                0L,
                100L,
                "po_1Tq9ZZ"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CAPTURE,
                "ch_3A07",
                5000L,
                "JPY",
                180L,
                4820L,
                "po_1Tq9ZZ"));
    PaymentEvent refund = events(r).get(1);
    assertThat(refund.getPspReference()).isEqualTo("ch_3A01");
    assertThat(refund.getPsp()).isEqualTo("stripe");
    assertThat(refund.getEventTime()).isEqualTo(Instant.parse("2025-03-04T11:00:00Z"));
    assertThat(refund.getProvenance().getLine()).isEqualTo(3);
    assertThat(events(r).get(0).getMetadata())
        .containsEntry("payment_metadata[order_id]", "ord-1001")
        .doesNotContainKey("customer_email");
    // The order id in the payment's metadata is the tenant's reference: L1 pairs on it.
    assertThat(events(r).get(0).getMerchantReference()).isEqualTo("ord-1001");
  }

  @Test
  void balanceChangeReportWithCrlfAndNoFinalNewlineTurnsPayoutRowsIntoSentAmounts() {
    ParseResult r = parse("stripe_balance_change_crlf_no_final_newline.csv");
    assertThat(r.errors()).isEmpty();
    assertThat(events(r))
        .extracting(
            PaymentEvent::getRecordKind,
            PaymentEvent::getType,
            PaymentEvent::getEventId,
            PaymentEvent::getGrossMinor,
            PaymentEvent::getFeeMinor,
            PaymentEvent::getNetMinor,
            PaymentEvent::getGrossCurrency)
        .containsExactly(
            tuple(RecordKind.PSP_TXN, PaymentEventType.CAPTURE, "ch_B1", 1000L, 29L, 971L, "USD"),
            tuple(RecordKind.PAYOUT, PaymentEventType.PAYOUT, "po_B2", 971L, 0L, 971L, "USD"),
            tuple(RecordKind.PAYOUT, PaymentEventType.PAYOUT, "po_B3", -500L, 0L, -500L, "USD"));
    assertThat(events(r).get(2).getProvenance().getLine()).isEqualTo(4);
  }

  @Test
  void payoutsItemizedRowsArePositiveWhenSentToTheBank() {
    ParseResult r = parse("stripe_payouts_itemized.csv");
    assertThat(r.errors()).isEmpty();
    assertThat(events(r))
        .extracting(
            PaymentEvent::getRecordKind,
            PaymentEvent::getEventId,
            PaymentEvent::getGrossMinor,
            PaymentEvent::getGrossCurrency,
            PaymentEvent::getBankReference)
        .containsExactly(
            tuple(RecordKind.PAYOUT, "po_P1", 12050L, "GBP", "TR-000111"),
            tuple(RecordKind.PAYOUT, "po_P2", -3000L, "GBP", null));
  }

  @Test
  void badRowsAreReportedWithLineAndFieldAndParsingGoesOn() {
    ParseResult r = parse("stripe_bad_rows.csv");
    assertThat(events(r))
        .extracting(PaymentEvent::getEventId)
        .containsExactly("ch_C1", "ch_C7", "ch_C9");
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field)
        .containsExactly(
            tuple(3, "gross"),
            tuple(4, "gross"),
            tuple(5, "currency"),
            tuple(6, "created"),
            tuple(7, "reporting_category"),
            tuple(9, "fee"));
    assertThat(r.findings())
        .extracting(DataQualityFinding::line, DataQualityFinding::code)
        .containsExactly(tuple(8, StripeItemizedReportParser.ROW_NOT_FOOTING));
  }

  @Test
  void aReportWithoutAnyIdColumnIsRefused() {
    byte[] csv =
        "created,currency,gross,reporting_category\n2025-03-04 09:15:02,usd,1.00,charge\n"
            .getBytes(StandardCharsets.UTF_8);
    ParseResult r = parser.parse(csv, Fixtures.provenance("x.csv"));
    assertThat(r.records()).isEmpty();
    assertThat(r.errors()).singleElement().extracting(ParseError::line).isEqualTo(1);
  }

  @Test
  void rowLimitIsEnforced() {
    ParserLimits limits = new ParserLimits(1 << 20, 2, 1024, 8);
    ParseResult r =
        new StripeItemizedReportParser(limits)
            .parse(
                Fixtures.bytes("stripe/stripe_payout_reconciliation_itemized.csv"),
                Fixtures.provenance("x.csv"));
    assertThat(r.records()).hasSize(2);
    assertThat(r.errors())
        .singleElement()
        .extracting(ParseError::reason)
        .asString()
        .contains("row limit");
  }
}
