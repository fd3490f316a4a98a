package dev.recon.normalization.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recon.normalization.Fixtures;
import dev.recon.normalization.Parsers;
import dev.recon.normalization.format.DataQualityFinding;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.FormatDetector;
import dev.recon.normalization.format.ParseError;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.normalization.inspect.InspectJson;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaypalSettlementReportParserTest {
  private static final String TWO_SECTIONS = "paypal_stl_two_sections.csv";
  private static final String NOT_FOOTING = "paypal_stl_not_footing_bad_rows.csv";

  private final PaypalSettlementReportParser parser =
      new PaypalSettlementReportParser(ParserLimits.DEFAULT);

  private ParseResult parse(String fixture) {
    return parser.parse(Fixtures.bytes("paypal/" + fixture), Fixtures.provenance(fixture));
  }

  private ParseResult parseText(String text) {
    return parser.parse(text.getBytes(StandardCharsets.UTF_8), Fixtures.provenance("t.csv"));
  }

  private static List<PaymentEvent> events(ParseResult r) {
    return r.records().stream().map(PaymentEvent.class::cast).toList();
  }

  @Test
  void signsTypesReferencesAndX100AmountsAcrossSections() {
    ParseResult r = parse(TWO_SECTIONS);
    assertThat(r.errors()).isEmpty();
    assertThat(events(r))
        .extracting(
            PaymentEvent::getRecordKind,
            PaymentEvent::getType,
            PaymentEvent::getEventId,
            PaymentEvent::getMerchantReference,
            PaymentEvent::getGrossMinor,
            PaymentEvent::getGrossCurrency,
            PaymentEvent::getFeeMinor,
            PaymentEvent::getNetMinor)
        .containsExactly(
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CAPTURE,
                "TX100USD",
                "INV-1",
                2500L,
                "USD",
                103L,
                2397L),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.REFUND,
                "TX101USD",
                "cust-ref-9",
                -1000L,
                "USD",
                -30L,
                -970L),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CHARGEBACK,
                "TX102USD",
                "INV-2",
                -2500L,
                "USD",
                0L,
                -2500L),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.FEE,
                "TX103USD",
                null,
                -2000L,
                "USD",
                0L,
                -2000L),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CHARGEBACK_REVERSAL,
                "TX104USD",
                "INV-2",
                2500L,
                "USD",
                0L,
                2500L),
            tuple(
                RecordKind.PAYOUT,
                PaymentEventType.PAYOUT,
                "TX105USD",
                null,
                50000L,
                "USD",
                0L,
                50000L),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.OTHER,
                "TX106USD",
                null,
                100L,
                "USD",
                0L,
                100L),
            // JPY has no minor unit: 15000 in the report is 150 yen.
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CAPTURE,
                "TX200JPY",
                "INV-3",
                150L,
                "JPY",
                6L,
                144L),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.ADJUSTMENT,
                "TX201JPY",
                "conv-1",
                -144L,
                "JPY",
                0L,
                -144L),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.ADJUSTMENT,
                "TX202USD",
                "conv-1",
                98L,
                "USD",
                0L,
                98L));
    PaymentEvent capture = events(r).get(0);
    assertThat(capture.getPsp()).isEqualTo("paypal");
    assertThat(capture.getPspReference()).isEqualTo("TX100USD");
    assertThat(capture.getEventTime()).isEqualTo(Instant.parse("2026-02-03T17:15:00Z"));
    assertThat(capture.getProvenance().getLine()).isEqualTo(5);
    PaymentEvent refund = events(r).get(1);
    assertThat(refund.getBatchId()).isNull();
    assertThat(refund.getMetadata())
        .containsEntry("event_code", "T1107")
        .containsEntry("paypal_reference_id", "TX100USD");
    PaymentEvent payout = events(r).get(5);
    assertThat(payout.getBankReference()).isEqualTo("BANKREF77");
    assertThat(payout.getBatchId()).isEqualTo("TX105USD");
  }

  @Test
  void footingFileHasOnlyTheUnknownEventCodeFinding() {
    ParseResult r = parse(TWO_SECTIONS);
    assertThat(r.findings())
        .extracting(DataQualityFinding::line, DataQualityFinding::code)
        .containsExactly(tuple(11, PaypalSettlementReportParser.UNKNOWN_EVENT_CODE));
    assertThat(r.findings().get(0).message()).contains("T9999");
  }

  @Test
  void badRowsBecomeErrorsWithLineAndFieldAndParsingContinues() {
    ParseResult r = parse(NOT_FOOTING);
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field)
        .containsExactly(
            tuple(5, "Gross Transaction Amount"),
            tuple(6, "Transaction Debit or Credit"),
            tuple(7, "Transaction Initiation Date"));
    assertThat(r.errors().get(0).reason()).contains("does not convert exactly to JPY");
    assertThat(events(r)).extracting(PaymentEvent::getEventId).containsExactly("TX303USD");
  }

  @Test
  void sectionFooterNotFootingIsAFindingWithTheNumbers() {
    ParseResult r = parse(NOT_FOOTING);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(PaypalSettlementReportParser.FOOTER_MISMATCH);
              assertThat(f.line()).isEqualTo(9);
              assertThat(f.message())
                  .isEqualTo(
                      "SF USD totals differ from the body rows: gross credit footer=26.00"
                          + " body=25.00;");
            });
  }

  @Test
  void bodyCurrencyWithoutFooterIsAFinding() {
    ParseResult r =
        parseText(
            "RH,2026/02/04 01:00:00 -0800,A\n"
                + "CH,Transaction ID,Transaction Event Code,Transaction Initiation Date,"
                + "Transaction Debit or Credit,Gross Transaction Amount,Gross Transaction Currency\n"
                + "SB,T1,T0006,2026/02/03 09:15:00 -0800,CR,1234,EUR\n"
                + "SC,1\n");
    assertThat(r.errors()).isEmpty();
    assertThat(events(r)).extracting(PaymentEvent::getGrossMinor).containsExactly(1234L);
    assertThat(r.findings())
        .extracting(DataQualityFinding::code)
        .containsExactly(
            PaypalSettlementReportParser.FOOTER_MISSING,
            PaypalSettlementReportParser.FOOTER_MISSING);
  }

  @Test
  void threeDecimalCurrencyScalesUp() {
    ParseResult r =
        parseText(
            "RH,2026/02/04 01:00:00 -0800,A\n"
                + "CH,Transaction ID,Transaction Event Code,Transaction Initiation Date,"
                + "Transaction Debit or Credit,Gross Transaction Amount,Gross Transaction Currency\n"
                + "SB,T1,T0006,2026/02/03 09:15:00 -0800,DR,1234,KWD\n");
    assertThat(events(r)).extracting(PaymentEvent::getGrossMinor).containsExactly(-12340L);
  }

  @Test
  void invalidFeeAmountIsAnErrorNotACrash() {
    ParseResult r =
        parseText(
            "RH,2026/02/04 01:00:00 -0800,A\n"
                + "CH,Transaction ID,Transaction Event Code,Transaction Initiation Date,"
                + "Transaction Debit or Credit,Gross Transaction Amount,Gross Transaction Currency,"
                + "Fee Debit or Credit,Fee Amount,Fee Currency\n"
                + "SB,T1,T0006,2026/02/03 09:15:00 -0800,CR,1234,EUR,DR,1.5,EUR\n");
    assertThat(r.records()).isEmpty();
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field)
        .containsExactly(tuple(3, "Fee Amount"));
  }

  @Test
  void fileNotStartingWithRhIsOneError() {
    ParseResult r = parseText("CH,Transaction ID\nSB,T1\n");
    assertThat(r.records()).isEmpty();
    assertThat(r.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("record type"));
  }

  @Test
  void bodyRowWithTooManyDigitsIsAnError() {
    ParseResult r =
        parseText(
            "RH,2026/02/04 01:00:00 -0800,A\n"
                + "CH,Transaction ID,Transaction Event Code,Transaction Initiation Date,"
                + "Transaction Debit or Credit,Gross Transaction Amount,Gross Transaction Currency\n"
                + "SB,T1,T0006,2026/02/03 09:15:00 -0800,CR,1234567890123456,USD\n");
    assertThat(r.records()).isEmpty();
    assertThat(r.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.field()).isEqualTo("Gross Transaction Amount");
            });
  }

  @Test
  void detectedFromContentAndRegistered() {
    assertThat(FormatDetector.detect(Fixtures.bytes("paypal/" + TWO_SECTIONS)))
        .contains(Format.PAYPAL_STL);
    assertThat(FormatDetector.detect(Fixtures.bytes("paypal/" + NOT_FOOTING)))
        .contains(Format.PAYPAL_STL);
    assertThat(FormatDetector.detect("RH,hello\nFH,1\n".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(Format.fromName("paypal-stl")).contains(Format.PAYPAL_STL);
    assertThat(Parsers.forFormat(Format.PAYPAL_STL)).isInstanceOf(parser.getClass());
  }

  @Test
  void inspectJsonLine() throws Exception {
    ParseResult r = parse(TWO_SECTIONS);
    JsonNode json = new ObjectMapper().readTree(InspectJson.toJsonLine(r.records().get(7)));
    assertThat(json.get("record_kind").asText()).isEqualTo("PSP_TXN");
    assertThat(json.get("type").asText()).isEqualTo("CAPTURE");
    assertThat(json.get("record_id").asText()).isEqualTo("TX200JPY");
    assertThat(json.get("currency").asText()).isEqualTo("JPY");
    assertThat(json.get("amount_minor").asLong()).isEqualTo(150);
    assertThat(json.get("fee_minor").asLong()).isEqualTo(6);
  }
}
