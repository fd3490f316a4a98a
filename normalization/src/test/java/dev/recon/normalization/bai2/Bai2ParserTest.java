package dev.recon.normalization.bai2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.normalization.Fixtures;
import dev.recon.normalization.format.ParseError;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.schemas.BankLine;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class Bai2ParserTest {
  private final Bai2Parser parser = new Bai2Parser(ParserLimits.DEFAULT);

  private ParseResult parse(String fixture) {
    return parser.parse(Fixtures.bytes("bai2/" + fixture), Fixtures.provenance(fixture));
  }

  private static List<BankLine> lines(ParseResult r) {
    return r.records().stream().map(BankLine.class::cast).toList();
  }

  @Test
  void detailsWithSignsCurrenciesDatesAndContinuations() {
    ParseResult r = parse("bai2_two_accounts_crlf.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(r.findings()).as("every trailer foots").isEmpty();
    assertThat(lines(r))
        .extracting(
            BankLine::getLineId,
            BankLine::getAmountMinor,
            BankLine::getCurrency,
            BankLine::getBookingDate,
            BankLine::getValueDate,
            BankLine::getBankTxCode,
            BankLine::getRemittanceInfo)
        .containsExactly(
            tuple(
                "BR-0001",
                10000L,
                "EUR",
                LocalDate.of(2025, 3, 4),
                LocalDate.of(2025, 3, 3),
                "195",
                "INCOMING WIRE PO 123"),
            tuple(
                "DE000111/2025-03-04:2",
                2500L,
                "EUR",
                LocalDate.of(2025, 3, 4),
                LocalDate.of(2025, 3, 4),
                "175",
                "DEPOSIT BRANCH 12"),
            tuple(
                "BR-0003",
                -2500L,
                "EUR",
                LocalDate.of(2025, 3, 4),
                LocalDate.of(2025, 3, 4),
                "475",
                "CHEQUE 1002 PAID TO SUPPLIER"),
            tuple(
                "BR-0004",
                1500L,
                "JPY",
                LocalDate.of(2025, 3, 4),
                LocalDate.of(2025, 3, 4),
                "108",
                "YEN CREDIT"));
    BankLine first = lines(r).get(0);
    assertThat(first.getReferences()).containsExactly("BR-0001", "CUST-77");
    assertThat(first.getBankAccount()).isEqualTo("DE000111");
    assertThat(first.getStatementId()).isEqualTo("DE000111/2025-03-04");
    assertThat(first.getProvenance().getLine()).isEqualTo(5);
  }

  @Test
  void aFileThatDoesNotFootIsAFindingAndItsRecordsStillFlow() {
    ParseResult r = parse("bai2_not_footing_lf_no_final_newline.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(lines(r))
        .extracting(
            BankLine::getLineId,
            BankLine::getAmountMinor,
            BankLine::getCurrency,
            BankLine::getRemittanceInfo)
        .containsExactly(
            tuple("DD1620", 1500000L, "USD", "DEALER PAYMENTS"),
            tuple("0975312468/2025-03-05:2", -250000L, "USD", "ACH DEBIT"));
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(Bai2Parser.CONTROL_MISMATCH);
              assertThat(f.line()).isEqualTo(8);
              assertThat(f.message()).contains("control total 1 != sum of amounts 72250000");
            });
  }

  @Test
  void badRecordsAreReportedWithLineAndFieldAndParsingGoesOn() {
    ParseResult r = parse("bai2_bad_records.txt");
    assertThat(lines(r)).extracting(BankLine::getLineId).containsExactly("BR-9");
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field)
        .containsExactly(
            tuple(4, "16 amount"),
            tuple(5, "16 type code"),
            tuple(6, "16 funds type"),
            tuple(7, "16 funds type value date"),
            tuple(9, "record code"));
    assertThat(r.findings()).as("rejected records still count in the controls").isEmpty();
  }

  @Test
  void wrongRecordCountsAndMissingTrailersAreFindings() {
    String bai2 =
        "01,S,R,250306,0100,F,,,2/\n02,R,B,1,250306,,USD,2/\n03,A,USD/\n"
            + "16,115,100,0,,,X/\n49,100,9/\n98,100,1,5/\n";
    ParseResult r =
        parser.parse(bai2.getBytes(StandardCharsets.US_ASCII), Fixtures.provenance("x"));
    assertThat(lines(r)).hasSize(1);
    assertThat(r.findings())
        .extracting(f -> f.line() + " " + f.code() + " " + f.message())
        .containsExactly(
            "5 BAI2_CONTROL_MISMATCH account from line 3 does not foot: number of records 9 != 3",
            "1 BAI2_CONTROL_UNCHECKED file from line 1 has no 99 trailer;"
                + " its control totals are not checked");
  }

  @Test
  void anAccountReportedTwiceInADayKeepsDistinctLineIds() {
    String bai2 =
        "01,S,R,250306,0100,F,,,2/\r\n02,R,B,1,250306,,USD,2/\r\n"
            + "03,A,USD/\r\n16,115,100,0,,,X/\r\n49,100,3/\r\n"
            + "03,A,USD/\r\n16,475,40,0,,,Y/\r\n49,40,3/\r\n98,140,2,8/\r\n99,140,1,10/";
    ParseResult r =
        parser.parse(bai2.getBytes(StandardCharsets.US_ASCII), Fixtures.provenance("x"));
    assertThat(r.errors()).isEmpty();
    assertThat(r.findings()).isEmpty();
    assertThat(lines(r))
        .extracting(BankLine::getLineId, BankLine::getAmountMinor)
        .containsExactly(tuple("A/2025-03-06:1", 100L), tuple("A/2025-03-06:2", -40L));
  }

  @Test
  void overLongLinesAreReportedAndSkipped() {
    ParserLimits limits = new ParserLimits(1 << 20, 100, 72, 8);
    ParseResult r =
        new Bai2Parser(limits)
            .parse(Fixtures.bytes("bai2/bai2_two_accounts_crlf.txt"), Fixtures.provenance("x"));
    assertThat(r.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).as("the 88 of the first account").isEqualTo(4);
              assertThat(e.reason()).isEqualTo("line longer than 72 characters");
            });
    assertThat(r.records()).hasSize(4);
    assertThat(r.findings())
        .as("the skipped line is missing from the account, group and file controls")
        .extracting(f -> f.line() + " " + f.code())
        .containsExactly(
            "9 BAI2_CONTROL_MISMATCH", "13 BAI2_CONTROL_MISMATCH", "14 BAI2_CONTROL_MISMATCH");
  }

  @Test
  void recordLimitIsEnforced() {
    ParserLimits limits = new ParserLimits(1 << 20, 4, 1024, 8);
    ParseResult r =
        new Bai2Parser(limits)
            .parse(Fixtures.bytes("bai2/bai2_two_accounts_crlf.txt"), Fixtures.provenance("x"));
    assertThat(r.records()).isEmpty();
    assertThat(r.errors()).extracting(ParseError::reason).anyMatch(s -> s.contains("record limit"));
  }
}
