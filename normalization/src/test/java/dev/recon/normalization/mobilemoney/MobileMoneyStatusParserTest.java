package dev.recon.normalization.mobilemoney;

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
import java.util.List;
import org.junit.jupiter.api.Test;

class MobileMoneyStatusParserTest {
  private static final String MTN_SINGLE = "mtn_momo_collection_successful.json";
  private static final String MTN_BATCH = "mtn_momo_status_batch.json";
  private static final String AIRTEL = "airtel_money_callbacks.json";
  private static final String ZAMTEL = "zamtel_kwacha_status.json";

  private static ParseResult parse(MobileMoneyStatusParser parser, String fixture) {
    return parser.parse(Fixtures.bytes("mobile_money/" + fixture), Fixtures.provenance(fixture));
  }

  private static List<PaymentEvent> events(ParseResult r) {
    return r.records().stream().map(PaymentEvent.class::cast).toList();
  }

  @Test
  void successfulMtnCollectionIsACaptureInMajorUnitsOfItsCurrency() {
    ParseResult r = parse(MobileMoneyStatusParser.mtnMomo(ParserLimits.DEFAULT), MTN_SINGLE);
    assertThat(r.errors()).isEmpty();
    assertThat(r.findings()).isEmpty();
    PaymentEvent e = events(r).get(0);
    assertThat(events(r)).hasSize(1);
    assertThat(e.getRecordKind()).isEqualTo(RecordKind.PSP_TXN);
    assertThat(e.getType()).isEqualTo(PaymentEventType.CAPTURE);
    assertThat(e.getPsp()).isEqualTo("mtn-momo");
    assertThat(e.getEventId()).isEqualTo("23503452");
    assertThat(e.getPspReference()).isEqualTo("23503452");
    assertThat(e.getMerchantReference()).isEqualTo("947354");
    // UGX has no minor unit: "100" is 100 shillings.
    assertThat(e.getGrossMinor()).isEqualTo(100L);
    assertThat(e.getGrossCurrency()).isEqualTo("UGX");
    assertThat(e.getNetMinor()).isEqualTo(100L);
    assertThat(e.getEventTime()).isEqualTo(Fixtures.RECEIVED_AT);
    assertThat(e.getMetadata())
        .containsEntry("direction", "collection")
        .doesNotContainValue("256772123456");
  }

  @Test
  void mtnBatchBooksOnlySuccessfulEntriesAndCountsTheRest() {
    ParseResult r = parse(MobileMoneyStatusParser.mtnMomo(ParserLimits.DEFAULT), MTN_BATCH);
    assertThat(events(r))
        .extracting(
            e -> e.getProvenance().getLine(),
            PaymentEvent::getType,
            PaymentEvent::getEventId,
            PaymentEvent::getMerchantReference,
            PaymentEvent::getGrossMinor,
            PaymentEvent::getGrossCurrency)
        .containsExactly(
            tuple(1, PaymentEventType.CAPTURE, "FT-1001", "ORD-1", 10050L, "EUR"),
            // A disbursement pays out of the wallet.
            tuple(2, PaymentEventType.REFUND, "FT-1002", "PAYOUT-7", -200000L, "EUR"),
            // Numbers where the docs show strings are read the same way.
            tuple(10, PaymentEventType.CAPTURE, "23503452", "947354", 100L, "UGX"));
    assertThat(events(r).get(1).getMetadata()).containsEntry("direction", "disbursement");
    assertThat(r.findings())
        .extracting(DataQualityFinding::line, DataQualityFinding::code)
        .containsExactly(
            tuple(3, MobileMoneyStatusParser.NOT_BOOKED),
            tuple(4, MobileMoneyStatusParser.NOT_BOOKED),
            tuple(5, MobileMoneyStatusParser.NOT_BOOKED));
    assertThat(r.findings().get(0).message()).contains("ORD-3", "pending");
    assertThat(r.findings().get(1).message()).contains("ORD-4", "failed", "PAYER_NOT_FOUND");
    assertThat(r.findings().get(2).message()).contains("INTERNAL_PROCESSING_ERROR");
  }

  @Test
  void eachBadMtnEntryKindIsAnErrorNamingTheMember() {
    ParseResult r = parse(MobileMoneyStatusParser.mtnMomo(ParserLimits.DEFAULT), MTN_BATCH);
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field)
        .containsExactly(
            tuple(6, "amount"),
            tuple(7, "amount"),
            tuple(8, "financialTransactionId"),
            tuple(9, "status"),
            tuple(11, "status"),
            tuple(12, "status"),
            tuple(13, "amount"));
    assertThat(r.errors().get(0).reason()).contains("never rounded");
    assertThat(r.errors().get(1).reason()).contains("more than 0 decimal(s) for UGX");
  }

  @Test
  void airtelCallbacksAndEnquiriesBookOnlyTsWithAnAmount() {
    ParseResult r = parse(MobileMoneyStatusParser.airtelMoney(ParserLimits.DEFAULT), AIRTEL);
    assertThat(events(r))
        .extracting(
            e -> e.getProvenance().getLine(),
            PaymentEvent::getEventId,
            PaymentEvent::getMerchantReference,
            PaymentEvent::getGrossMinor,
            PaymentEvent::getGrossCurrency,
            PaymentEvent::getPsp)
        .containsExactly(
            tuple(1, "MP260203.1657.A0001", "ORD-A1", 5000L, "UGX", "airtel-money"),
            tuple(5, "MP260203.1700.A0005", "ORD-A5", 150050L, "KES", "airtel-money"));
    assertThat(events(r).get(0).getMetadata().toString()).doesNotContain("zK1aX2Fd3c");
    assertThat(r.findings())
        .extracting(DataQualityFinding::line, DataQualityFinding::code)
        .containsExactly(
            tuple(2, MobileMoneyStatusParser.NOT_BOOKED),
            tuple(3, MobileMoneyStatusParser.NOT_BOOKED));
    assertThat(r.findings().get(0).message()).contains("failed", "TF");
    assertThat(r.findings().get(1).message()).contains("pending", "TIP");
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field)
        .containsExactly(tuple(4, "amount"));
    assertThat(r.errors().get(0).reason()).contains("confirm it by enquiry");
  }

  @Test
  void zamtelWithoutACurrencyIsInKwacha() {
    ParseResult r = parse(MobileMoneyStatusParser.zamtelKwacha(ParserLimits.DEFAULT), ZAMTEL);
    assertThat(r.errors()).isEmpty();
    assertThat(events(r))
        .extracting(
            PaymentEvent::getEventId,
            PaymentEvent::getMerchantReference,
            PaymentEvent::getGrossMinor,
            PaymentEvent::getGrossCurrency,
            PaymentEvent::getPsp)
        .containsExactly(tuple("ZT20260203001", "INV-9", 25050L, "ZMW", "zamtel-kwacha"));
  }

  @Test
  void limitsAreErrors() {
    ParseResult few =
        parse(
            MobileMoneyStatusParser.mtnMomo(
                new ParserLimits(ParserLimits.MAX_PAYLOAD_BYTES, 2, 10_000, 10)),
            MTN_BATCH);
    assertThat(few.records()).hasSize(2);
    assertThat(few.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("entry limit of 2"));
    ParseResult longString =
        MobileMoneyStatusParser.mtnMomo(
                new ParserLimits(ParserLimits.MAX_PAYLOAD_BYTES, 10, 16, 10))
            .parse(
                ("{\"status\":\"SUCCESSFUL\",\"externalId\":\"" + "9".repeat(40) + "\"}")
                    .getBytes(StandardCharsets.UTF_8),
                Fixtures.provenance("long.json"));
    assertThat(longString.records()).isEmpty();
    assertThat(longString.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("JSON over a limit"));
    ParseResult hugeNumber =
        MobileMoneyStatusParser.mtnMomo(ParserLimits.DEFAULT)
            .parse(
                ("{\"status\":\"SUCCESSFUL\",\"amount\":1" + "0".repeat(60) + "}")
                    .getBytes(StandardCharsets.UTF_8),
                Fixtures.provenance("n.json"));
    assertThat(hugeNumber.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("JSON over a limit"));
  }

  @Test
  void detectedFromContentAndRegistered() {
    assertThat(FormatDetector.detect(Fixtures.bytes("mobile_money/" + MTN_SINGLE)))
        .contains(Format.MTN_MOMO);
    assertThat(FormatDetector.detect(Fixtures.bytes("mobile_money/" + MTN_BATCH)))
        .contains(Format.MTN_MOMO);
    assertThat(FormatDetector.detect(Fixtures.bytes("mobile_money/" + AIRTEL)))
        .contains(Format.AIRTEL_MONEY);
    assertThat(FormatDetector.detect(Fixtures.bytes("mobile_money/" + ZAMTEL)))
        .contains(Format.ZAMTEL_KWACHA);
    assertThat(
            FormatDetector.detect(
                "{\"transaction\":{\"id\":\"X\",\"message\":\"Paid\",\"status_code\":\"TS\"}}"
                    .getBytes(StandardCharsets.UTF_8)))
        .contains(Format.AIRTEL_MONEY);
    assertThat(Format.fromName("mtn-momo")).contains(Format.MTN_MOMO);
    assertThat(Format.fromName("airtel")).contains(Format.AIRTEL_MONEY);
    assertThat(Format.fromName("zamtel")).contains(Format.ZAMTEL_KWACHA);
    for (Format f : List.of(Format.MTN_MOMO, Format.AIRTEL_MONEY, Format.ZAMTEL_KWACHA)) {
      assertThat(Parsers.forFormat(f).format()).isEqualTo(f);
    }
  }
}
