package dev.recon.normalization.adyen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.normalization.Fixtures;
import dev.recon.normalization.Parsers;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.FormatDetector;
import dev.recon.normalization.format.ParseError;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdyenPaymentsAccountingParserTest {
  private static final String REPORT = "adyen_payments_accounting.csv";
  private static final String BAD = "adyen_payments_accounting_bad_rows.csv";

  private final AdyenPaymentsAccountingParser parser =
      new AdyenPaymentsAccountingParser(ParserLimits.DEFAULT);

  private ParseResult parse(String fixture) {
    return parser.parse(Fixtures.bytes("adyen/" + fixture), Fixtures.provenance(fixture));
  }

  private static List<PaymentEvent> events(ParseResult r) {
    return r.records().stream().map(PaymentEvent.class::cast).toList();
  }

  @Test
  void rowsMovingPayableBecomeEventsWithCostsAsFees() {
    ParseResult r = parse(REPORT);
    assertThat(r.errors()).isEmpty();
    assertThat(events(r))
        .extracting(
            e -> e.getProvenance().getLine(),
            PaymentEvent::getType,
            PaymentEvent::getEventId,
            PaymentEvent::getGrossMinor,
            PaymentEvent::getFeeMinor,
            PaymentEvent::getNetMinor,
            PaymentEvent::getGrossCurrency)
        .containsExactly(
            tuple(5, PaymentEventType.CAPTURE, "PAY0000000000001", 10000L, 250L, 9750L, "EUR"),
            tuple(
                7,
                PaymentEventType.REFUND,
                "PAY0000000000001-Refunded",
                -2500L,
                10L,
                -2510L,
                "EUR"),
            tuple(
                8,
                PaymentEventType.CHARGEBACK,
                "PAY0000000000002-Chargeback",
                -5000L,
                0L,
                -5000L,
                "EUR"),
            tuple(
                9,
                PaymentEventType.CHARGEBACK_REVERSAL,
                "PAY0000000000002-ChargebackReversed",
                5000L,
                0L,
                5000L,
                "EUR"),
            tuple(11, PaymentEventType.CAPTURE, "PAY0000000000004", 3158L, 58L, 3100L, "JPY"));
    PaymentEvent settled = events(r).get(0);
    assertThat(settled.getPspReference()).isEqualTo("PAY0000000000001");
    assertThat(settled.getMerchantReference()).isEqualTo("ORDER-1");
    assertThat(settled.getEventTime()).isEqualTo(Instant.parse("2026-02-05T01:00:00Z"));
    assertThat(events(r).get(2).getEventTime()).isEqualTo(Instant.parse("2026-02-07T18:00:00Z"));
    assertThat(events(r).get(1).getMetadata())
        .containsEntry("modification_merchant_reference", "REFUND-1")
        .containsEntry("record_type", "Refunded");
  }

  @Test
  void lifecycleRowsAreCountedInOneFinding() {
    ParseResult r = parse(REPORT);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(AdyenPaymentsAccountingParser.LIFECYCLE_ROWS);
              assertThat(f.message())
                  .isEqualTo(
                      "5 rows record status changes without money movement: Authorised=1"
                          + " Received=1 Refused=1 SentForRefund=1 SentForSettle=1");
            });
  }

  @Test
  void eachBadRowKindIsAnErrorWithLineAndField() {
    ParseResult r = parse(BAD);
    assertThat(r.records()).isEmpty();
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field)
        .containsExactly(
            tuple(2, "Payable (SC)"),
            tuple(3, "TimeZone"),
            tuple(4, "Booking Date"),
            tuple(5, "Record Type"),
            tuple(6, "Settlement Currency"),
            tuple(7, "Psp Reference"),
            tuple(8, "Merchant Reference"));
    assertThat(r.errors().get(0).reason()).contains("never rounded");
  }

  @Test
  void limitsAreErrors() {
    ParseResult r =
        new AdyenPaymentsAccountingParser(
                new ParserLimits(ParserLimits.MAX_PAYLOAD_BYTES, 4, 10_000, 10))
            .parse(Fixtures.bytes("adyen/" + REPORT), Fixtures.provenance(REPORT));
    assertThat(r.records()).hasSize(1);
    assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(6));
    ParseResult tooBig =
        new AdyenPaymentsAccountingParser(new ParserLimits(64, 4, 10_000, 10))
            .parse(Fixtures.bytes("adyen/" + REPORT), Fixtures.provenance(REPORT));
    assertThat(tooBig.errors()).singleElement().satisfies(e -> assertThat(e.line()).isZero());
  }

  @Test
  void detectedFromContentApartFromTheSettlementDetailsAndRegistered() {
    assertThat(FormatDetector.detect(Fixtures.bytes("adyen/" + REPORT)))
        .contains(Format.ADYEN_PAYMENTS_ACCOUNTING);
    assertThat(FormatDetector.detect(Fixtures.bytes("adyen/adyen_settlement_detail_batch_501.csv")))
        .contains(Format.ADYEN_SETTLEMENT_DETAIL);
    assertThat(Format.fromName("adyen-par")).contains(Format.ADYEN_PAYMENTS_ACCOUNTING);
    assertThat(Parsers.forFormat(Format.ADYEN_PAYMENTS_ACCOUNTING)).isInstanceOf(parser.getClass());
  }
}
