package dev.recon.normalization.adyen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.normalization.Fixtures;
import dev.recon.normalization.format.ControlTotal;
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

class AdyenSettlementDetailParserTest {
  private final AdyenSettlementDetailParser parser =
      new AdyenSettlementDetailParser(ParserLimits.DEFAULT);

  private ParseResult parse(String fixture) {
    return parser.parse(Fixtures.bytes("adyen/" + fixture), Fixtures.provenance(fixture));
  }

  private static List<PaymentEvent> events(ParseResult r) {
    return r.records().stream().map(PaymentEvent.class::cast).toList();
  }

  @Test
  void everyRowTypeWithItsSignsIdsAndFees() {
    ParseResult r = parse("adyen_settlement_detail_batch_501.csv");
    assertThat(r.errors()).isEmpty();
    assertThat(r.findings()).as("nets foot to the payouts, rows foot").isEmpty();
    assertThat(events(r))
        .extracting(
            PaymentEvent::getRecordKind,
            PaymentEvent::getType,
            PaymentEvent::getEventId,
            PaymentEvent::getGrossMinor,
            PaymentEvent::getGrossCurrency,
            PaymentEvent::getFeeMinor,
            PaymentEvent::getNetMinor,
            PaymentEvent::getNetCurrency)
        .containsExactly(
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CAPTURE,
                "8815000000000001",
                10000L,
                "USD",
                190L,
                9810L,
                "USD"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CAPTURE,
                "8815000000000002",
                5000L,
                "JPY",
                65L,
                3285L,
                "USD"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CAPTURE,
                "8815000000000003",
                100L,
                "USD",
                9L,
                91L,
                "USD"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.REFUND,
                "8815000000000201",
                -2000L,
                "USD",
                0L,
                -2000L,
                "USD"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CHARGEBACK,
                "8815000000000301",
                -1000L,
                "USD",
                1500L,
                -2500L,
                "USD"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CHARGEBACK_REVERSAL,
                "8815000000000302",
                1000L,
                "USD",
                0L,
                1000L,
                "USD"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.FEE,
                "Fee for batch 501",
                -250L,
                "USD",
                0L,
                -250L,
                "USD"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.FEE,
                "501-MiscCosts-L9",
                -100L,
                "USD",
                0L,
                -100L,
                "USD"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.FEE,
                "Invoice US202503000123 Discounts and additional costs (1/1)",
                -6L,
                "USD",
                0L,
                -6L,
                "USD"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.ADJUSTMENT,
                "501-DepositCorrection-L11",
                500L,
                "USD",
                0L,
                500L,
                "USD"),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CAPTURE,
                "8815000000000005",
                5000L,
                "EUR",
                100L,
                4900L,
                "EUR"),
            tuple(
                RecordKind.PAYOUT,
                PaymentEventType.PAYOUT,
                "501-USD",
                9830L,
                "USD",
                0L,
                9830L,
                "USD"),
            tuple(
                RecordKind.PAYOUT,
                PaymentEventType.PAYOUT,
                "501-EUR",
                4900L,
                "EUR",
                0L,
                4900L,
                "EUR"));
  }

  @Test
  void referencesTimesBatchAndProvenance() {
    List<PaymentEvent> es = events(parse("adyen_settlement_detail_batch_501.csv"));
    PaymentEvent capture = es.get(0);
    assertThat(capture.getPsp()).isEqualTo("adyen");
    assertThat(capture.getPspReference()).isEqualTo("8815000000000001");
    assertThat(capture.getMerchantReference()).isEqualTo("ORD-1001");
    assertThat(capture.getBatchId()).isEqualTo("501");
    assertThat(capture.getEventTime())
        .as("10:15 CET")
        .isEqualTo(Instant.parse("2025-03-03T09:15:00Z"));
    assertThat(capture.getExchangeRate()).isEqualTo("1");
    assertThat(capture.getBankReference()).isNull();
    assertThat(capture.getProvenance().getLine()).isEqualTo(2);
    assertThat(capture.getMetadata())
        .containsEntry("Merchant Account", "AcmeShopEU")
        .containsEntry("Type", "Settled")
        .containsEntry("Payment Method", "visa")
        .doesNotContainKeys("Reserved4", "Gross Currency", "Batch Number");

    assertThat(es.get(1).getExchangeRate()).isEqualTo("0.00657");

    PaymentEvent refund = es.get(3);
    assertThat(refund.getPspReference()).isEqualTo("8815000000000001");
    assertThat(refund.getMetadata())
        .containsEntry("Modification Merchant Reference", "ORD-1001-R1");

    PaymentEvent chargeback = es.get(4);
    assertThat(chargeback.getMetadata())
        .containsEntry(
            "Metadata", "{\"order_channel\":\"web\",\"buyer_email\":\"jane.doe@example.com\"}");

    PaymentEvent fee = es.get(6);
    assertThat(fee.getPspReference()).isNull();
    assertThat(fee.getMerchantReference()).isNull();

    PaymentEvent payout = es.get(11);
    assertThat(payout.getBankReference()).isEqualTo("TX12345678901XT batch 501, AcmeShopEU");
    assertThat(payout.getBatchId()).isEqualTo("501");
    assertThat(payout.getPspReference()).isNull();
    assertThat(payout.getEventTime()).isEqualTo(Instant.parse("2025-03-05T08:00:00Z"));
    assertThat(payout.getProvenance().getLine()).isEqualTo(13);
  }

  @Test
  void controlTotalsPerKindAndCurrency() {
    ParseResult r = parse("adyen_settlement_detail_batch_501.csv");
    assertThat(r.controlTotals())
        .containsExactly(
            new ControlTotal(RecordKind.PSP_TXN, "EUR", 1, 5000, false),
            new ControlTotal(RecordKind.PSP_TXN, "JPY", 1, 5000, false),
            new ControlTotal(
                RecordKind.PSP_TXN,
                "USD",
                9,
                10000 + 100 - 2000 - 1000 + 1000 - 250 - 100 - 6 + 500,
                false),
            new ControlTotal(RecordKind.PAYOUT, "EUR", 1, 4900, false),
            new ControlTotal(RecordKind.PAYOUT, "USD", 1, 9830, false));
  }

  @Test
  void reorderedAndExtraColumnsCrlfAndPacificTime() {
    ParseResult r = parse("adyen_settlement_detail_reordered_crlf.csv");
    assertThat(r.errors()).isEmpty();
    assertThat(r.findings()).isEmpty();
    List<PaymentEvent> es = events(r);
    assertThat(es)
        .extracting(
            PaymentEvent::getEventId,
            PaymentEvent::getGrossMinor,
            PaymentEvent::getFeeMinor,
            PaymentEvent::getNetMinor)
        .containsExactly(
            tuple("9915000000000001", 5000L, 125L, 4875L),
            tuple("9915000000000201", -1000L, 0L, -1000L),
            tuple("777-EUR", 3875L, 0L, 3875L));
    assertThat(es.get(0).getEventTime())
        .as("23:30 PDT")
        .isEqualTo(Instant.parse("2025-07-02T06:30:00Z"));
    assertThat(es.get(0).getMetadata())
        .containsEntry("Acquirer", "AcquirerX")
        .containsEntry("Payment Requester Type", "ecommerce")
        .doesNotContainKey("Reserved11");
    assertThat(es.get(2).getProvenance().getLine()).isEqualTo(4);
  }

  @Test
  void badRowsBecomeErrorsAndTotalsThatDoNotFootBecomeFindings() {
    ParseResult r = parse("adyen_settlement_detail_bad_rows.csv");
    assertThat(events(r))
        .extracting(PaymentEvent::getEventId)
        .containsExactly("8815000000000011", "8815000000000016", "502-USD");
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field, ParseError::reason)
        .containsExactly(
            tuple(3, "Type", "unknown Adyen record type"),
            tuple(4, "TimeZone", "unknown time zone"),
            tuple(5, "Commission (NC)", "truncated row: 16 of 34 fields"),
            tuple(
                6,
                "Gross Credit (GC)",
                "more than 2 decimal(s) for USD: 10.001 (amounts are never rounded)"));
    assertThat(r.errors().get(0).excerpt()).isEqualTo("SettledMysteriously");
    assertThat(r.findings())
        .extracting(DataQualityFinding::line, DataQualityFinding::code, DataQualityFinding::message)
        .containsExactly(
            tuple(
                7,
                AdyenSettlementDetailParser.ROW_NOT_FOOTING,
                "gross - fees != net: gross=10.00, fees=0.20, net=9.90 USD"),
            tuple(
                8,
                AdyenSettlementDetailParser.PAYOUT_MISMATCH,
                "batch 502 USD: sum of row nets 19.70 != payout 19.80"));
  }

  @Test
  void missingRequiredColumnRefusesTheFile() {
    String csv =
        "Merchant Account,Psp Reference,Type,Batch Number,Net Currency\nA,1,Settled,1,EUR\n";
    ParseResult r =
        parser.parse(csv.getBytes(StandardCharsets.UTF_8), Fixtures.provenance("a.csv"));
    assertThat(r.records()).isEmpty();
    assertThat(r.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.field()).isEqualTo("Merchant Reference");
            });
  }

  @Test
  void netDebitOnPayoutIsPositiveAndNetCreditNegative() {
    String header =
        "Psp Reference,Merchant Reference,Creation Date,TimeZone,Type,Modification Reference,"
            + "Gross Currency,Gross Debit (GC),Gross Credit (GC),Net Currency,Net Debit (NC),Net Credit (NC),"
            + "Batch Number\n";
    String csv =
        header
            + ",,2025-01-01 00:00:00,UTC,MerchantPayout,ref,,,,KWD,,1.250,9\n"
            + ",,2025-01-01 00:00:00,GMT,MerchantPayout,ref,,,,JPY,500,,9\n"
            + ",,2025-01-01 00:00:00,UTC,MerchantPayout,ref,,,,EUR,1.00,,\n";
    ParseResult r =
        parser.parse(csv.getBytes(StandardCharsets.UTF_8), Fixtures.provenance("p.csv"));
    assertThat(events(r))
        .extracting(PaymentEvent::getEventId, PaymentEvent::getGrossMinor)
        .containsExactly(tuple("9-KWD", -1250L), tuple("9-JPY", 500L));
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field)
        .containsExactly(tuple(4, "Batch Number"));
  }

  @Test
  void timeZonesAreExplicitAndAmbiguousOnesRefused() {
    assertThat(AdyenTimeZones.resolve("PDT"))
        .hasValueSatisfying(z -> assertThat(z.getId()).isEqualTo("-07:00"));
    assertThat(AdyenTimeZones.resolve("cest"))
        .hasValueSatisfying(z -> assertThat(z.getId()).isEqualTo("+02:00"));
    assertThat(AdyenTimeZones.resolve("Europe/Amsterdam")).isPresent();
    assertThat(AdyenTimeZones.resolve("+05:30")).isPresent();
    assertThat(AdyenTimeZones.resolve("CST")).isEmpty();
    assertThat(AdyenTimeZones.resolve("IST")).isEmpty();
    assertThat(AdyenTimeZones.resolve("Mars/Olympus")).isEmpty();
    assertThat(AdyenTimeZones.resolve("")).isEmpty();
  }

  @Test
  void typesMapExplicitly() {
    assertThat(AdyenRecordTypes.classify("SecondChargeback")).contains(PaymentEventType.CHARGEBACK);
    assertThat(AdyenRecordTypes.classify("SecondChargebackReversed"))
        .contains(PaymentEventType.CHARGEBACK_REVERSAL);
    assertThat(AdyenRecordTypes.classify("PaymentCost")).contains(PaymentEventType.FEE);
    assertThat(AdyenRecordTypes.classify("merchantpayout")).contains(PaymentEventType.PAYOUT);
    assertThat(AdyenRecordTypes.classify("Authorised")).isEmpty();
  }
}
