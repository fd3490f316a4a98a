package dev.recon.normalization.paypal;

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

class PaypalTransactionDetailParserTest {
  private static final String TWO_SECTIONS = "paypal_trr_two_sections_crlf.csv";
  private static final String NOT_FOOTING = "paypal_trr_not_footing_bad_rows.csv";
  private static final String PART_2 = "paypal_trr_part2.csv";

  private static final String CH =
      "CH,Transaction ID,Transaction Event Code,Transaction Initiation Date,"
          + "Transaction Debit or Credit,Gross Transaction Amount,Gross Transaction Currency,"
          + "Transactional Status\n";

  private final PaypalTransactionDetailParser parser =
      new PaypalTransactionDetailParser(ParserLimits.DEFAULT);

  private ParseResult parse(String fixture) {
    return parser.parse(Fixtures.bytes("paypal/" + fixture), Fixtures.provenance(fixture));
  }

  private static ParseResult parseText(PaypalTransactionDetailParser p, String text) {
    return p.parse(text.getBytes(StandardCharsets.UTF_8), Fixtures.provenance("t.csv"));
  }

  private static List<PaymentEvent> events(ParseResult r) {
    return r.records().stream().map(PaymentEvent.class::cast).toList();
  }

  @Test
  void bookedRowsBecomeSignedEventsWithX100AmountsInEveryCurrency() {
    ParseResult r = parse(TWO_SECTIONS);
    assertThat(r.errors()).isEmpty();
    assertThat(events(r))
        .extracting(
            PaymentEvent::getRecordKind,
            PaymentEvent::getType,
            PaymentEvent::getEventId,
            PaymentEvent::getGrossMinor,
            PaymentEvent::getGrossCurrency,
            PaymentEvent::getFeeMinor,
            PaymentEvent::getNetMinor)
        .containsExactly(
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CAPTURE,
                "TR100USD",
                2500L,
                "USD",
                103L,
                2397L),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.REFUND,
                "TR101USD",
                -1000L,
                "USD",
                -30L,
                -970L),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CHARGEBACK,
                "TR102USD",
                -2500L,
                "USD",
                0L,
                -2500L),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CHARGEBACK_REVERSAL,
                "TR103USD",
                2500L,
                "USD",
                0L,
                2500L),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CHARGEBACK,
                "TR104USD",
                -700L,
                "USD",
                0L,
                -700L),
            tuple(RecordKind.PSP_TXN, PaymentEventType.FEE, "TR105USD", -2000L, "USD", 0L, -2000L),
            tuple(
                RecordKind.PAYOUT, PaymentEventType.PAYOUT, "TR108USD", 50000L, "USD", 0L, 50000L),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.ADJUSTMENT,
                "TR109USD",
                -300L,
                "USD",
                0L,
                -300L),
            tuple(
                RecordKind.PSP_TXN, PaymentEventType.CAPTURE, "TR110USD", 1200L, "USD", 0L, 1200L),
            tuple(RecordKind.PSP_TXN, PaymentEventType.OTHER, "TR111USD", 100L, "USD", 0L, 100L),
            // JPY has no minor unit: 15000 in the report is 150 yen; KWD has three.
            tuple(RecordKind.PSP_TXN, PaymentEventType.CAPTURE, "TR200JPY", 150L, "JPY", 6L, 144L),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CAPTURE,
                "TR201KWD",
                12340L,
                "KWD",
                0L,
                12340L),
            tuple(
                RecordKind.PSP_TXN,
                PaymentEventType.CHARGEBACK_REVERSAL,
                "TR202USD",
                2500L,
                "USD",
                0L,
                2500L));
    PaymentEvent capture = events(r).get(0);
    assertThat(capture.getPsp()).isEqualTo("paypal");
    assertThat(capture.getMerchantReference()).isEqualTo("INV-1");
    assertThat(capture.getEventTime()).isEqualTo(Instant.parse("2026-02-03T17:15:00Z"));
    assertThat(capture.getProvenance().getLine()).isEqualTo(5);
    assertThat(capture.getMetadata()).containsEntry("transactional_status", "S");
    PaymentEvent refund = events(r).get(1);
    assertThat(refund.getMerchantReference()).isEqualTo("cust-ref-9");
    assertThat(refund.getMetadata())
        .containsEntry("event_code", "T1107")
        .containsEntry("paypal_reference_id", "TR100USD");
    assertThat(events(r).get(6).getBatchId()).isEqualTo("TR108USD");
  }

  @Test
  void pendingAndDeniedRowsAreCountedFindingsNotRecords() {
    ParseResult r = parse(TWO_SECTIONS);
    assertThat(r.findings())
        .extracting(DataQualityFinding::line, DataQualityFinding::code)
        .containsExactly(
            tuple(11, PaypalTransactionDetailParser.NOT_BOOKED),
            tuple(12, PaypalTransactionDetailParser.NOT_BOOKED),
            tuple(16, PaypalTransactionDetailParser.UNKNOWN_EVENT_CODE));
    assertThat(r.findings().get(0).message()).contains("TR106USD", "pending");
    assertThat(r.findings().get(1).message()).contains("TR107USD", "denied");
  }

  @Test
  void eachBadRowKindIsAnErrorWithLineAndFieldAndParsingContinues() {
    ParseResult r = parse(NOT_FOOTING);
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field)
        .containsExactly(
            tuple(5, "Gross Transaction Amount"),
            tuple(6, "Transaction Debit or Credit"),
            tuple(7, "Transaction Initiation Date"),
            tuple(8, "Transactional Status"),
            tuple(9, "Gross Transaction Currency"),
            tuple(10, "Gross Transaction Amount"),
            tuple(12, "PayPal Reference ID"));
    assertThat(r.errors().get(0).reason()).contains("does not convert exactly to JPY");
    assertThat(r.errors().get(0).fileName()).isEqualTo(NOT_FOOTING);
    assertThat(events(r)).extracting(PaymentEvent::getEventId).containsExactly("TR306USD");
  }

  @Test
  void sectionCountNotFootingIsAFindingAndRowsStillFlow() {
    ParseResult r = parse(NOT_FOOTING);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(PaypalTransactionDetailParser.COUNT_MISMATCH);
              assertThat(f.line()).isEqualTo(13);
              assertThat(f.message()).isEqualTo("SF count=9 but 8 body rows read");
            });
    assertThat(r.records()).hasSize(1);
  }

  @Test
  void laterPartOfAMultiPartReportSaysWhichCountsItCannotCheck() {
    ParseResult r = parse(PART_2);
    assertThat(r.errors()).isEmpty();
    assertThat(events(r))
        .extracting(
            PaymentEvent::getEventId, PaymentEvent::getGrossMinor, PaymentEvent::getNetMinor)
        .containsExactly(tuple("TR400EUR", 4990L, 4840L));
    assertThat(r.findings())
        .extracting(DataQualityFinding::line, DataQualityFinding::code)
        .containsExactly(
            tuple(5, PaypalTransactionDetailParser.COUNT_SPANS_PARTS),
            tuple(6, PaypalTransactionDetailParser.COUNT_SPANS_PARTS),
            tuple(7, PaypalTransactionDetailParser.COUNT_SPANS_PARTS),
            tuple(8, PaypalTransactionDetailParser.COUNT_SPANS_PARTS));
  }

  @Test
  void partCutShortWithoutFileFooterIsAFinding() {
    ParseResult r =
        parseText(
            parser,
            "RH,2026/02/04 01:00:00 -0800,A\nFH,1\nSH,x\n"
                + CH
                + "SB,T1,T0006,2026/02/03 09:15:00 -0800,CR,1234,EUR,S\n");
    assertThat(events(r)).extracting(PaymentEvent::getGrossMinor).containsExactly(1234L);
    assertThat(r.findings())
        .extracting(DataQualityFinding::code)
        .containsExactly(PaypalTransactionDetailParser.FOOTER_MISSING);
  }

  @Test
  void stlStyleCurrencyTotalsInFootersAreCheckedToo() {
    ParseResult r =
        parseText(
            parser,
            "RH,2026/02/04 01:00:00 -0800,A\nFH,1\nSH,x\n"
                + CH
                + "SB,T1,T0006,2026/02/03 09:15:00 -0800,CR,1234,EUR,S\n"
                + "SF,EUR,1235,0,0,0\nSC,1\nRF,EUR,1234,0,0,0\nRC,1\nFF,1\n");
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(PaypalTransactionDetailParser.FOOTER_MISMATCH);
              assertThat(f.line()).isEqualTo(6);
              assertThat(f.message()).contains("gross credit footer=12.35 body=12.34");
            });
  }

  @Test
  void headerWithoutStatusColumnIsOneErrorAndBodyRowsAreReported() {
    ParseResult r =
        parseText(
            parser,
            "RH,2026/02/04 01:00:00 -0800,A\n"
                + "CH,Transaction ID,Transaction Event Code\n"
                + "SB,T1,T0006\nFF,1\n");
    assertThat(r.records()).isEmpty();
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field)
        .containsExactly(tuple(2, "Transaction Initiation Date"), tuple(3, "record type"));
  }

  @Test
  void invalidFeeAmountIsAnErrorNotACrash() {
    ParseResult r =
        parseText(
            parser,
            "RH,2026/02/04 01:00:00 -0800,A\n"
                + "CH,Transaction ID,Transaction Event Code,Transaction Initiation Date,"
                + "Transaction Debit or Credit,Gross Transaction Amount,Gross Transaction Currency,"
                + "Transactional Status,Fee Debit or Credit,Fee Amount,Fee Currency\n"
                + "SB,T1,T0006,2026/02/03 09:15:00 -0800,CR,1234,EUR,S,DR,1.5,EUR\nFF,1\n");
    assertThat(r.records()).isEmpty();
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field)
        .containsExactly(tuple(3, "Fee Amount"));
  }

  @Test
  void fileNotStartingWithRhIsOneError() {
    ParseResult r = parseText(parser, "CH,Transaction ID\nSB,T1\n");
    assertThat(r.records()).isEmpty();
    assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(1));
  }

  @Test
  void limitsOnPayloadRowsAndLineLengthAreErrors() {
    byte[] file = Fixtures.bytes("paypal/" + TWO_SECTIONS);
    ParseResult tooBig =
        new PaypalTransactionDetailParser(
                new ParserLimits(100, ParserLimits.MAX_ROWS_PER_FILE, 1000, 10))
            .parse(file, Fixtures.provenance("big.csv"));
    assertThat(tooBig.records()).isEmpty();
    assertThat(tooBig.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("exceeds the limit of 100"));

    ParseResult fewRows =
        new PaypalTransactionDetailParser(
                new ParserLimits(ParserLimits.MAX_PAYLOAD_BYTES, 6, 10_000, 10))
            .parse(file, Fixtures.provenance("rows.csv"));
    assertThat(events(fewRows))
        .extracting(PaymentEvent::getEventId)
        .containsExactly("TR100USD", "TR101USD");
    assertThat(fewRows.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(7);
              assertThat(e.reason()).contains("row limit of 6");
            });

    ParseResult shortLines =
        new PaypalTransactionDetailParser(
                new ParserLimits(ParserLimits.MAX_PAYLOAD_BYTES, 100, 200, 10))
            .parse(file, Fixtures.provenance("lines.csv"));
    assertThat(shortLines.records()).isEmpty();
    assertThat(shortLines.errors()).extracting(ParseError::line).contains(4);
  }

  @Test
  void detectedFromContentApartFromTheSettlementReportAndRegistered() {
    assertThat(FormatDetector.detect(Fixtures.bytes("paypal/" + TWO_SECTIONS)))
        .contains(Format.PAYPAL_TRR);
    assertThat(FormatDetector.detect(Fixtures.bytes("paypal/" + PART_2)))
        .contains(Format.PAYPAL_TRR);
    String quoted =
        "\"RH\",\"2026/02/04 01:00:00 -0800\",\"A\"\n\"FH\",1\n"
            + "\"CH\",\"Transaction ID\",\"Transactional Status\",\"Payment Source\"\n";
    assertThat(FormatDetector.detect(quoted.getBytes(StandardCharsets.UTF_8)))
        .contains(Format.PAYPAL_TRR);
    assertThat(FormatDetector.detect(Fixtures.bytes("paypal/paypal_stl_two_sections.csv")))
        .contains(Format.PAYPAL_STL);
    assertThat(Format.fromName("paypal-trr")).contains(Format.PAYPAL_TRR);
    assertThat(Format.fromName("trr")).contains(Format.PAYPAL_TRR);
    assertThat(Parsers.forFormat(Format.PAYPAL_TRR)).isInstanceOf(parser.getClass());
  }
}
