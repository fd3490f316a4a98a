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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StripeWebhookEventParserTest {
  private static final String SINGLE = "stripe_webhook_charge_succeeded.json";
  private static final String LIST = "stripe_webhook_events_list_crlf.json";

  private final StripeWebhookEventParser parser =
      new StripeWebhookEventParser(ParserLimits.DEFAULT);

  private ParseResult parse(String fixture) {
    return parser.parse(Fixtures.bytes("stripe/" + fixture), Fixtures.provenance(fixture));
  }

  private static ParseResult parseText(StripeWebhookEventParser p, String text) {
    return p.parse(text.getBytes(StandardCharsets.UTF_8), Fixtures.provenance("event.json"));
  }

  private static List<PaymentEvent> events(ParseResult r) {
    return r.records().stream().map(PaymentEvent.class::cast).toList();
  }

  @Test
  void chargeSucceededIsACaptureInMinorUnitsWithTheFeeUnknown() {
    ParseResult r = parse(SINGLE);
    assertThat(r.errors()).isEmpty();
    assertThat(r.findings()).isEmpty();
    PaymentEvent e = events(r).get(0);
    assertThat(events(r)).hasSize(1);
    assertThat(e.getRecordKind()).isEqualTo(RecordKind.PSP_TXN);
    assertThat(e.getType()).isEqualTo(PaymentEventType.CAPTURE);
    assertThat(e.getEventId()).isEqualTo("ch_001");
    assertThat(e.getPspReference()).isEqualTo("ch_001");
    assertThat(e.getMerchantReference()).isEqualTo("ORD-1");
    assertThat(e.getGrossMinor()).isEqualTo(6500L);
    assertThat(e.getGrossCurrency()).isEqualTo("USD");
    assertThat(e.getFeeMinor()).isZero();
    assertThat(e.getNetMinor()).isEqualTo(6500L);
    assertThat(e.getEventTime()).isEqualTo(Instant.ofEpochSecond(1748465448));
    assertThat(e.getProvenance().getLine()).isEqualTo(1);
    assertThat(e.getMetadata())
        .containsEntry("fee_known", "false")
        .containsEntry("payment_intent", "pi_001")
        .containsEntry("stripe_event_id", "evt_test_001")
        .doesNotContainValue("someone@example.com");
  }

  @Test
  void eachEventKindMapsToItsCanonicalTypeAndSign() {
    ParseResult r = parse(LIST);
    assertThat(events(r))
        .extracting(
            e -> e.getProvenance().getLine(),
            PaymentEvent::getRecordKind,
            PaymentEvent::getType,
            PaymentEvent::getEventId,
            PaymentEvent::getPspReference,
            PaymentEvent::getGrossMinor,
            PaymentEvent::getGrossCurrency,
            PaymentEvent::getFeeMinor,
            PaymentEvent::getNetMinor)
        .containsExactly(
            tuple(
                1,
                RecordKind.PSP_TXN,
                PaymentEventType.CAPTURE,
                "ch_002",
                "ch_002",
                1500L,
                "JPY",
                60L,
                1440L),
            tuple(
                3,
                RecordKind.PSP_TXN,
                PaymentEventType.CAPTURE,
                "ch_004",
                "ch_004",
                3000L,
                "EUR",
                0L,
                3000L),
            tuple(
                4,
                RecordKind.PSP_TXN,
                PaymentEventType.REFUND,
                "re_005b",
                "ch_005",
                -1500L,
                "USD",
                0L,
                -1500L),
            // ISK has no minor unit; Stripe writes it x100.
            tuple(
                5,
                RecordKind.PSP_TXN,
                PaymentEventType.REFUND,
                "re_006",
                "ch_006",
                -500L,
                "ISK",
                0L,
                -500L),
            tuple(
                8,
                RecordKind.PSP_TXN,
                PaymentEventType.CHARGEBACK,
                "dp_009",
                "ch_009",
                -2000L,
                "USD",
                1500L,
                -3500L),
            tuple(
                9,
                RecordKind.PSP_TXN,
                PaymentEventType.CHARGEBACK_REVERSAL,
                "dp_009/reinstated",
                "ch_009",
                2000L,
                "USD",
                0L,
                2000L),
            tuple(
                11,
                RecordKind.PAYOUT,
                PaymentEventType.PAYOUT,
                "po_012",
                null,
                120000L,
                "USD",
                0L,
                120000L),
            tuple(
                18,
                RecordKind.PSP_TXN,
                PaymentEventType.CHARGEBACK_REVERSAL,
                "dp_009/reinstated",
                "ch_009",
                2000L,
                "USD",
                0L,
                2000L));
    assertThat(events(r).get(0).getMetadata()).containsEntry("fee_known", "true");
    assertThat(events(r).get(1).getMerchantReference()).isEqualTo("INV-4");
    assertThat(events(r).get(2).getMerchantReference()).isEqualTo("ORD-5");
    PaymentEvent payout = events(r).get(6);
    assertThat(payout.getBatchId()).isEqualTo("po_012");
    assertThat(payout.getBankReference()).isEqualTo("TRACE12");
    assertThat(payout.getEventTime()).isEqualTo(Instant.ofEpochSecond(1748563200));
  }

  @Test
  void eventsThatMovedNoMoneyAreCountedFindings() {
    ParseResult r = parse(LIST);
    assertThat(r.findings())
        .extracting(DataQualityFinding::line, DataQualityFinding::code)
        .containsExactly(
            tuple(2, StripeWebhookEventParser.NOT_BOOKED),
            tuple(6, StripeWebhookEventParser.NOT_BOOKED),
            tuple(7, StripeWebhookEventParser.NOT_BOOKED),
            tuple(10, StripeWebhookEventParser.NOT_BOOKED),
            tuple(12, StripeWebhookEventParser.NOT_BOOKED),
            tuple(13, StripeWebhookEventParser.EVENT_IGNORED),
            // charge.dispute.closed (won) and funds_reinstated share the reversal's id.
            tuple(18, ParseResult.DUPLICATE_RECORD_ID));
    assertThat(r.findings().get(0).message()).contains("ch_003", "not captured");
    assertThat(r.findings().get(3).message()).contains("dp_011", "lost");
    assertThat(r.findings().get(4).message()).contains("po_013", "account_closed");
  }

  @Test
  void eachBadEventKindIsAnErrorNamingTheMember() {
    ParseResult r = parse(LIST);
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field)
        .containsExactly(
            tuple(14, "amount"),
            tuple(15, "currency"),
            tuple(16, "created"),
            tuple(17, "amount"),
            tuple(19, null));
    assertThat(r.errors().get(0).reason()).isEqualTo("not an integer amount in minor units");
    assertThat(r.errors().get(3).reason()).contains("must end in 00");
    assertThat(r.errors().get(0).fileName()).isEqualTo(LIST);
  }

  @Test
  void chargeRefundedWithoutItsRefundListGetsAnIdFromTheRefundedTotal() {
    ParseResult r =
        parseText(
            parser,
            "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"charge.refunded\","
                + "\"created\":1748465448,\"data\":{\"object\":{\"id\":\"ch_9\","
                + "\"object\":\"charge\",\"amount\":5000,\"amount_refunded\":5000,"
                + "\"currency\":\"eur\"},\"previous_attributes\":{\"amount_refunded\":2000}}}");
    assertThat(r.errors()).isEmpty();
    assertThat(events(r))
        .extracting(
            PaymentEvent::getType,
            PaymentEvent::getEventId,
            PaymentEvent::getPspReference,
            PaymentEvent::getGrossMinor)
        .containsExactly(tuple(PaymentEventType.REFUND, "ch_9/refunded/5000", "ch_9", -3000L));
  }

  @Test
  void eventCapturedWithItsDeliveryHeadersIsRead() {
    String wrapped =
        "{\"headers\":{\"Stripe-Signature\":\"t=1,v1=x\"},\"payload\":"
            + new String(Fixtures.bytes("stripe/" + SINGLE), StandardCharsets.UTF_8)
            + "}";
    ParseResult r = parseText(parser, wrapped);
    assertThat(r.errors()).isEmpty();
    assertThat(events(r)).extracting(PaymentEvent::getEventId).containsExactly("ch_001");
  }

  @Test
  void documentsOverALimitOrNotJsonAreOneError() {
    String deep = "[".repeat(100) + "]".repeat(100);
    assertThat(parseText(parser, deep).errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("JSON over a limit", "nesting"));
    ParserLimits small = new ParserLimits(200, 2, 20, 16);
    StripeWebhookEventParser strict = new StripeWebhookEventParser(small);
    assertThat(
            parseText(strict, "{\"object\":\"event\",\"pad\":\"" + "x".repeat(300) + "\"}")
                .errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("exceeds the limit of 200"));
    assertThat(
            parseText(strict, "{\"object\":\"event\",\"type\":\"" + "x".repeat(30) + "\"}")
                .errors())
        .singleElement()
        .satisfies(
            e -> assertThat(e.reason()).contains("JSON over a limit", "String value length"));
    assertThat(parseText(parser, "{\"type\":\"a\",\"type\":\"b\"}").errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("Duplicate field"));
    assertThat(parseText(parser, "{\"object\":\"event\",").errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).startsWith("not valid JSON"));
    assertThat(parseText(parser, "").errors()).hasSize(1);
    assertThat(parseText(strict, "[{},{},{}]").errors())
        .extracting(ParseError::line)
        .containsExactly(1, 2, 3);
    assertThat(parseText(strict, "[{},{},{}]").errors().get(2).reason())
        .contains("event limit of 2");
  }

  @Test
  void detectedFromContentAndRegistered() {
    assertThat(FormatDetector.detect(Fixtures.bytes("stripe/" + SINGLE)))
        .contains(Format.STRIPE_WEBHOOK);
    assertThat(FormatDetector.detect(Fixtures.bytes("stripe/" + LIST)))
        .contains(Format.STRIPE_WEBHOOK);
    assertThat(FormatDetector.detect("{\"object\":\"charge\"}".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(Format.fromName("stripe-webhook")).contains(Format.STRIPE_WEBHOOK);
    assertThat(Parsers.forFormat(Format.STRIPE_WEBHOOK)).isInstanceOf(parser.getClass());
  }
}
