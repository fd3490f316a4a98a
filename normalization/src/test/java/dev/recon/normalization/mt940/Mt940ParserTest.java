package dev.recon.normalization.mt940;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.normalization.Fixtures;
import dev.recon.normalization.format.DataQualityFinding;
import dev.recon.normalization.format.ParseError;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.schemas.BankLine;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class Mt940ParserTest {
  private final Mt940Parser parser = new Mt940Parser(ParserLimits.DEFAULT);

  private ParseResult parse(String fixture) {
    return parser.parse(Fixtures.bytes("mt940/" + fixture), Fixtures.provenance(fixture));
  }

  private static List<BankLine> lines(ParseResult r) {
    return r.records().stream().map(BankLine.class::cast).toList();
  }

  @Test
  void signsReversalsIdsAndDatesOfAnEnvelopedCrlfFile() {
    ParseResult r = parse("mt940_envelope_two_messages_crlf.sta");
    assertThat(r.errors()).isEmpty();
    assertThat(r.findings()).as("both messages foot").isEmpty();
    assertThat(lines(r))
        .extracting(
            BankLine::getLineId,
            BankLine::getAmountMinor,
            BankLine::getCurrency,
            BankLine::getReversal,
            BankLine::getBookingDate,
            BankLine::getValueDate,
            BankLine::getBankTxCode)
        .containsExactly(
            tuple(
                "BK0001",
                25000L,
                "EUR",
                false,
                LocalDate.of(2026, 1, 2),
                LocalDate.of(2025, 12, 31),
                "NTRF"),
            tuple(
                "BK0002",
                -900L,
                "EUR",
                false,
                LocalDate.of(2026, 1, 2),
                LocalDate.of(2026, 1, 2),
                "NCHG"),
            tuple(
                "BK0003",
                10000L,
                "EUR",
                true,
                LocalDate.of(2026, 1, 2),
                LocalDate.of(2026, 1, 2),
                "NTRF"),
            tuple(
                "STMT250102/00001/001/2025-12-31:4",
                -4000L,
                "EUR",
                true,
                LocalDate.of(2026, 1, 2),
                LocalDate.of(2026, 1, 2),
                "NTRF"),
            tuple(
                "STMT250102/00001/001/2025-12-31:5",
                -1239L,
                "EUR",
                false,
                LocalDate.of(2026, 1, 2),
                LocalDate.of(2026, 1, 2),
                "NMSC"),
            tuple(
                "STMT260103/00002/001/2026-01-02:1",
                2500L,
                "EUR",
                false,
                LocalDate.of(2026, 1, 3),
                LocalDate.of(2026, 1, 3),
                "NTRF"));
    BankLine first = lines(r).get(0);
    assertThat(first.getBankAccount()).isEqualTo("DE89370400440532013000");
    assertThat(first.getStatementId()).isEqualTo("STMT250102/00001/001/2025-12-31");
    assertThat(first.getReferences()).containsExactly("INV-1001", "BK0001", "E2E-1001");
    assertThat(first.getRemittanceInfo())
        .as("a line filled to 65 characters was wrapped mid-word")
        .isEqualTo("/EREF/E2E-1001/REMI/Payment for invoice 1001 from the customer account 42");
    assertThat(first.getProvenance().getLine()).isEqualTo(6);
    assertThat(lines(r).get(1).getReferences())
        .as("NONREF is no reference")
        .containsExactly("BK0002");
    assertThat(lines(r).get(4).getRemittanceInfo()).isNull();
    assertThat(lines(r).get(5).getRemittanceInfo()).isEqualTo("?00GUTSCHRIFT?20Order 77");
  }

  @Test
  void statementSplitOverSequencesIsCheckedPerMessage() {
    ParseResult r = parse("mt940_split_sequences_cp1252_no_final_newline.sta");
    assertThat(r.errors()).isEmpty();
    assertThat(lines(r))
        .extracting(BankLine::getLineId, BankLine::getAmountMinor, BankLine::getCurrency)
        .containsExactly(
            tuple("BKREF-S1", 150000L, "USD"),
            tuple("REF-SPLIT/00012/002/2025-03-03:1", -20000L, "USD"));
    assertThat(lines(r).get(0).getRemittanceInfo()).isEqualTo("STRIPE PAYOUT po_123 Café");
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(Mt940Parser.BALANCE_MISMATCH);
              assertThat(f.line()).isEqualTo(10);
              assertThat(f.message())
                  .contains("opening=1000.00, lines=-200.00, closing=850.00 USD");
            });
  }

  @Test
  void badLinesAreReportedWithLineAndFieldAndParsingGoesOn() {
    ParseResult r = parse("mt940_bad_lines.sta");
    assertThat(lines(r)).extracting(BankLine::getLineId).containsExactly("B1", "B2");
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field)
        .containsExactly(
            tuple(1, null),
            tuple(7, ":61:amount"),
            tuple(7, ":61:transaction type"),
            tuple(8, ":61:debit/credit mark"),
            tuple(9, ":61:value date"),
            tuple(14, ":60F:"));
    assertThat(r.findings())
        .extracting(DataQualityFinding::line, DataQualityFinding::code)
        .containsExactly(tuple(12, Mt940Parser.BALANCE_UNCHECKED));
  }

  @Test
  void blankEntryDateAndDecimalCommaWithoutDecimals() {
    String mt940 =
        ":20:R\n:25:A\n:60F:C250301JPY0,\n:61:250302    RC1000,NCHGX\n:62F:D250302JPY1000,";
    ParseResult r =
        parser.parse(mt940.getBytes(StandardCharsets.US_ASCII), Fixtures.provenance("x.sta"));
    assertThat(r.errors()).isEmpty();
    assertThat(r.findings()).isEmpty();
    assertThat(lines(r))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.getAmountMinor()).isEqualTo(-1000L);
              assertThat(b.getReversal()).isTrue();
              assertThat(b.getBookingDate()).isEqualTo(LocalDate.of(2025, 3, 2));
              assertThat(b.getReferences()).containsExactly("X");
            });
  }

  @Test
  void statementLineLimitIsEnforced() {
    ParserLimits limits = new ParserLimits(1 << 20, 2, 1024, 8);
    ParseResult r =
        new Mt940Parser(limits)
            .parse(
                Fixtures.bytes("mt940/mt940_envelope_two_messages_crlf.sta"),
                Fixtures.provenance("x.sta"));
    assertThat(r.records()).hasSize(2);
    assertThat(r.errors())
        .singleElement()
        .extracting(ParseError::reason)
        .asString()
        .contains("line limit");
  }

  @Test
  void overLongLinesAreReportedAndSkipped() {
    ParserLimits limits = new ParserLimits(1 << 20, 100, 60, 8);
    ParseResult r =
        new Mt940Parser(limits)
            .parse(
                Fixtures.bytes("mt940/mt940_envelope_two_messages_crlf.sta"),
                Fixtures.provenance("x.sta"));
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::reason)
        .containsExactly(
            tuple(1, "line longer than 60 characters"),
            tuple(7, "line longer than 60 characters"),
            tuple(8, "text outside any :nn: field"));
    assertThat(r.records()).hasSize(6);
  }

  @Test
  void textWithoutStatementIsAnError() {
    ParseResult r =
        parser.parse("\n\n".getBytes(StandardCharsets.US_ASCII), Fixtures.provenance("x"));
    assertThat(r.records()).isEmpty();
    assertThat(r.errors()).singleElement().extracting(ParseError::field).isEqualTo(":20:");
  }

  @Test
  void wrappedInformationJoinsFullLinesWithoutSpace() {
    assertThat(Mt940Parser.joinWrapped(List.of("a".repeat(65), "bc", "d")))
        .isEqualTo("a".repeat(65) + "bc d");
  }
}
