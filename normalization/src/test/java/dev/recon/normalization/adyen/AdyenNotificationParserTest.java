package dev.recon.normalization.adyen;

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

class AdyenNotificationParserTest {
  private static final String BATCH = "adyen_notification_batch.json";
  private static final String SINGLE = "adyen_notification_capture.json";

  private final AdyenNotificationParser parser = new AdyenNotificationParser(ParserLimits.DEFAULT);

  private ParseResult parse(String fixture) {
    return parser.parse(Fixtures.bytes("adyen/" + fixture), Fixtures.provenance(fixture));
  }

  private static List<PaymentEvent> events(ParseResult r) {
    return r.records().stream().map(PaymentEvent.class::cast).toList();
  }

  @Test
  void moneyMovingItemsBecomeSignedEventsInMinorUnits() {
    ParseResult r = parse(BATCH);
    assertThat(events(r))
        .extracting(
            e -> e.getProvenance().getLine(),
            PaymentEvent::getType,
            PaymentEvent::getEventId,
            PaymentEvent::getPspReference,
            PaymentEvent::getGrossMinor,
            PaymentEvent::getGrossCurrency,
            PaymentEvent::getNetMinor)
        .containsExactly(
            tuple(
                2,
                PaymentEventType.CAPTURE,
                "PAY0000000000001",
                "PAY0000000000001",
                10100L,
                "EUR",
                10100L),
            tuple(
                3,
                PaymentEventType.REFUND,
                "REF0000000000001",
                "PAY0000000000001",
                -2500L,
                "EUR",
                -2500L),
            tuple(
                5,
                PaymentEventType.REFUND,
                "COR0000000000001",
                "PAY0000000000009",
                -1000L,
                "EUR",
                -1000L),
            tuple(
                7,
                PaymentEventType.CHARGEBACK,
                "CHB0000000000001",
                "PAY0000000000001",
                -10100L,
                "EUR",
                -10100L),
            tuple(
                8,
                PaymentEventType.CHARGEBACK_REVERSAL,
                "CHR0000000000001",
                "PAY0000000000001",
                10100L,
                "EUR",
                10100L),
            tuple(
                10,
                PaymentEventType.CAPTURE,
                "PAY0000000000003",
                "PAY0000000000003",
                1500L,
                "JPY",
                1500L),
            // A failed refund returns the money: three decimals for KWD.
            tuple(
                17,
                PaymentEventType.ADJUSTMENT,
                "REF0000000000003",
                "PAY0000000000010",
                700L,
                "KWD",
                700L));
    PaymentEvent capture = events(r).get(0);
    assertThat(capture.getRecordKind()).isEqualTo(RecordKind.PSP_TXN);
    assertThat(capture.getPsp()).isEqualTo("adyen");
    assertThat(capture.getMerchantReference()).isEqualTo("ORDER-1");
    assertThat(capture.getEventTime()).isEqualTo(Instant.parse("2026-02-03T09:15:00Z"));
    assertThat(capture.getMetadata())
        .containsEntry("event_code", "CAPTURE")
        .containsEntry("live", "false")
        .doesNotContainKey("hmacSignature")
        .doesNotContainValue("c2lnbmF0dXJlLW5vdC1jaGVja2VkLWhlcmU=");
    assertThat(events(r).get(3).getMetadata()).containsEntry("chargeback_reason_code", "10.4");
  }

  @Test
  void authorisationsFailuresCancellationsAndNoticesAreCountedFindings() {
    ParseResult r = parse(BATCH);
    assertThat(r.findings())
        .extracting(DataQualityFinding::line, DataQualityFinding::code)
        .containsExactly(
            tuple(1, AdyenNotificationParser.NOT_BOOKED),
            tuple(4, AdyenNotificationParser.NOT_BOOKED),
            tuple(6, AdyenNotificationParser.NOT_BOOKED),
            tuple(9, AdyenNotificationParser.NOT_BOOKED),
            tuple(11, AdyenNotificationParser.EVENT_IGNORED));
    assertThat(r.findings().get(0).message()).contains("AUTHORISATION").doesNotContain("7777");
    assertThat(r.findings().get(1).message()).contains("REF0000000000002", "failed");
    assertThat(r.findings().get(2).message()).contains("cancel");
  }

  @Test
  void eachBadItemKindIsAnErrorNamingTheMember() {
    ParseResult r = parse(BATCH);
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field)
        .containsExactly(
            tuple(12, "amount.value"),
            tuple(13, "amount.currency"),
            tuple(14, "eventDate"),
            tuple(15, "success"),
            tuple(16, "NotificationRequestItem"));
  }

  @Test
  void documentWithoutItemsOrOverLimitsIsOneError() {
    ParseResult noItems =
        parser.parse(
            "{\"live\":\"true\"}".getBytes(StandardCharsets.UTF_8), Fixtures.provenance("x"));
    assertThat(noItems.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("notificationItems"));
    ParseResult tooMany =
        new AdyenNotificationParser(new ParserLimits(ParserLimits.MAX_PAYLOAD_BYTES, 3, 10_000, 10))
            .parse(Fixtures.bytes("adyen/" + BATCH), Fixtures.provenance(BATCH));
    assertThat(tooMany.records()).hasSize(2);
    assertThat(tooMany.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("item limit of 3"));
    ParseResult tooDeep =
        new AdyenNotificationParser(new ParserLimits(ParserLimits.MAX_PAYLOAD_BYTES, 10, 10_000, 3))
            .parse(Fixtures.bytes("adyen/" + SINGLE), Fixtures.provenance(SINGLE));
    assertThat(tooDeep.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("JSON over a limit"));
  }

  @Test
  void detectedFromContentAndRegistered() {
    assertThat(FormatDetector.detect(Fixtures.bytes("adyen/" + BATCH)))
        .contains(Format.ADYEN_WEBHOOK);
    assertThat(FormatDetector.detect(Fixtures.bytes("adyen/" + SINGLE)))
        .contains(Format.ADYEN_WEBHOOK);
    assertThat(Format.fromName("adyen-webhook")).contains(Format.ADYEN_WEBHOOK);
    assertThat(Parsers.forFormat(Format.ADYEN_WEBHOOK)).isInstanceOf(parser.getClass());
    ParseResult single = parse(SINGLE);
    assertThat(events(single))
        .extracting(
            PaymentEvent::getEventId, PaymentEvent::getGrossMinor, PaymentEvent::getGrossCurrency)
        .containsExactly(tuple("PAY0000000000100", 4200L, "USD"));
  }
}
