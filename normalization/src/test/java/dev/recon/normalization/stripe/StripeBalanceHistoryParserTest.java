package dev.recon.normalization.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.normalization.Fixtures;
import dev.recon.normalization.Parsers;
import dev.recon.normalization.format.DataQualityFinding;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.FormatDetector;
import dev.recon.normalization.format.ParseError;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StripeBalanceHistoryParserTest {
  private static final String BASIC = "stripe_balance_history.csv";
  private static final String LAYOUT_2021 = "stripe_balance_history_2021_crlf.csv";
  private static final String BAD = "stripe_balance_history_bad_rows.csv";

  private final StripeBalanceHistoryParser parser =
      new StripeBalanceHistoryParser(ParserLimits.DEFAULT);

  private ParseResult parse(String fixture) {
    return parser.parse(Fixtures.bytes("stripe/" + fixture), Fixtures.provenance(fixture));
  }

  private static List<PaymentEvent> events(ParseResult r) {
    return r.records().stream().map(PaymentEvent.class::cast).toList();
  }

  @Test
  void rowsBecomeEventsSignedAsTheBalanceChanges() {
    ParseResult r = parse(BASIC);
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
                "ch_1",
                2500L,
                "USD",
                103L,
                2397L,
                "po_9"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.REFUND,
                "re_1",
                -1000L,
                "USD",
                -30L,
                -970L,
                "po_9"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CHARGEBACK,
                "dp_1",
                -2500L,
                "USD",
                1500L,
                -4000L,
                "po_9"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CHARGEBACK_REVERSAL,
                "txn_4",
                2500L,
                "USD",
                -1500L,
                4000L,
                "po_9"),
            tuple(
                RecordKind.PSP_TXN, PaymentEventType.FEE, "txn_5", -200L, "USD", 0L, -200L, "po_9"),
            tuple(
                RecordKind.PAYOUT,
                PaymentEventType.PAYOUT,
                "po_9",
                50000L,
                "USD",
                0L,
                50000L,
                "po_9"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CAPTURE,
                "ch_3",
                1500L,
                "JPY",
                45L,
                1455L,
                null),
            // A failed payout returns funds to the balance: negative as sent to the bank.
            tuple(
                RecordKind.PAYOUT,
                PaymentEventType.PAYOUT,
                "po_8",
                -50000L,
                "USD",
                0L,
                -50000L,
                "po_8"));
    PaymentEvent charge = events(r).get(0);
    assertThat(charge.getEventTime()).isEqualTo(Instant.parse("2019-03-04T10:00:00Z"));
    assertThat(charge.getPspReference()).isEqualTo("ch_1");
    assertThat(charge.getMetadata()).containsEntry("balance_transaction_id", "txn_1");
    assertThat(events(r).get(6).getEventTime()).isEqualTo(Instant.parse("2019-03-08T09:30:15Z"));
  }

  @Test
  void laterLayoutWithReorderedAndExtraColumnsBomAndCrlfBindsByName() {
    ParseResult r = parse(LAYOUT_2021);
    assertThat(r.errors()).isEmpty();
    assertThat(events(r))
        .extracting(
            PaymentEvent::getType,
            PaymentEvent::getEventId,
            PaymentEvent::getGrossMinor,
            PaymentEvent::getFeeMinor,
            PaymentEvent::getBatchId)
        .containsExactly(
            tuple(PaymentEventType.CAPTURE, "py_21", 1234L, 42L, "po_21"),
            tuple(PaymentEventType.PAYOUT, "tr_22", 1192L, 0L, "tr_22"));
    assertThat(events(r).get(0).getMetadata())
        .containsEntry("Processing Fee", "0.30")
        .containsEntry("Network Fee", "0.12");
  }

  @Test
  void eachBadRowKindIsAnErrorAndNetMismatchIsAFinding() {
    ParseResult r = parse(BAD);
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field)
        .containsExactly(
            tuple(2, "Type"),
            tuple(3, "Amount"),
            tuple(3, "Net"),
            tuple(4, "Created (UTC)"),
            tuple(5, "Currency"),
            tuple(7, "Fee"));
    assertThat(r.errors().get(1).reason()).contains("never rounded");
    assertThat(r.findings())
        .extracting(DataQualityFinding::line, DataQualityFinding::code)
        .containsExactly(tuple(6, StripeBalanceHistoryParser.ROW_NOT_FOOTING));
    assertThat(events(r)).extracting(PaymentEvent::getEventId).containsExactly("ch_35", "ch_37");
  }

  @Test
  void rowLimitIsAnError() {
    ParseResult r =
        new StripeBalanceHistoryParser(
                new ParserLimits(ParserLimits.MAX_PAYLOAD_BYTES, 2, 10_000, 10))
            .parse(Fixtures.bytes("stripe/" + BASIC), Fixtures.provenance(BASIC));
    assertThat(r.records()).hasSize(2);
    assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(4));
  }

  @Test
  void detectedFromContentAndRegistered() {
    assertThat(FormatDetector.detect(Fixtures.bytes("stripe/" + BASIC)))
        .contains(Format.STRIPE_BALANCE_HISTORY);
    assertThat(FormatDetector.detect(Fixtures.bytes("stripe/" + LAYOUT_2021)))
        .contains(Format.STRIPE_BALANCE_HISTORY);
    assertThat(Format.fromName("stripe-balance-history")).contains(Format.STRIPE_BALANCE_HISTORY);
    assertThat(Parsers.forFormat(Format.STRIPE_BALANCE_HISTORY)).isInstanceOf(parser.getClass());
  }
}
