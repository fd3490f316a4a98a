package dev.recon.normalization.expected;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.normalization.Fixtures;
import dev.recon.normalization.format.ParseError;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.schemas.ExpectedPayment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectedPaymentsCsvParserTest {
  private final ExpectedPaymentsCsvParser parser =
      new ExpectedPaymentsCsvParser(ParserLimits.DEFAULT);

  private ParseResult parse(String fixture) {
    return parser.parse(Fixtures.bytes("expected/" + fixture), Fixtures.provenance(fixture));
  }

  private static List<ExpectedPayment> expected(ParseResult r) {
    return r.records().stream().map(ExpectedPayment.class::cast).toList();
  }

  @Test
  void parsesAllContractColumnsWithCurrencyExponents() {
    ParseResult r = parse("expected_basic.csv");
    assertThat(r.errors()).isEmpty();
    List<ExpectedPayment> xs = expected(r);
    assertThat(xs)
        .extracting(ExpectedPayment::getExpectedId)
        .containsExactly("EXP-1001", "EXP-1002", "EXP-1003", "EXP-1004");

    ExpectedPayment usd = xs.get(0);
    assertThat(usd.getAmountMinor()).isEqualTo(10000);
    assertThat(usd.getCurrency()).isEqualTo("USD");
    assertThat(usd.getExpectedAt()).isEqualTo(Instant.parse("2025-03-03T00:00:00Z"));
    assertThat(usd.getPspReference()).isEqualTo("8815000000000001");
    assertThat(usd.getCustomerId()).isEqualTo("CUST-1");
    assertThat(usd.getDescription()).isEqualTo("Order 1001");
    assertThat(usd.getMetadata()).isEqualTo(Map.of("order_channel", "web"));
    assertThat(usd.getProvenance().getLine()).isEqualTo(2);
    assertThat(usd.getProvenance().getTenantId()).isEqualTo(Fixtures.TENANT);

    ExpectedPayment jpy = xs.get(1);
    assertThat(jpy.getPsp()).isEqualTo("adyen");
    assertThat(jpy.getAmountMinor()).isEqualTo(5000);
    assertThat(jpy.getAmountMinMinor()).isEqualTo(4990);
    assertThat(jpy.getAmountMaxMinor()).isEqualTo(5010);
    assertThat(jpy.getExpectedAt()).isEqualTo(Instant.parse("2025-03-03T10:15:00Z"));
    assertThat(jpy.getExpectedFrom()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
    assertThat(jpy.getExpectedTo()).isEqualTo(Instant.parse("2025-03-10T00:00:00Z"));
    assertThat(jpy.getPspReference()).isNull();
    assertThat(jpy.getDescription()).isNull();

    ExpectedPayment kwd = xs.get(2);
    assertThat(kwd.getAmountMinor()).isEqualTo(12345);
    assertThat(kwd.getExpectedAt()).isEqualTo(Instant.parse("2025-03-03T07:15:00Z"));
    assertThat(kwd.getDescription()).isEqualTo("Invoice 1003, net 30");
    assertThat(kwd.getMetadata()).isEmpty();

    ExpectedPayment eur = xs.get(3);
    assertThat(eur.getCurrency()).isEqualTo("EUR");
    assertThat(eur.getAmountMinor()).isEqualTo(50);
    assertThat(eur.getPsp()).isEqualTo("stripe");
    assertThat(eur.getExpectedAt())
        .as("local timestamp is UTC")
        .isEqualTo(Instant.parse("2025-03-03T10:15:00Z"));
  }

  @Test
  void bomCrlfReorderedColumnsAndNoFinalNewline() {
    ParseResult r = parse("expected_bom_crlf_reordered.csv");
    assertThat(r.errors()).isEmpty();
    List<ExpectedPayment> xs = expected(r);
    assertThat(xs).hasSize(2);
    assertThat(xs.get(0).getExpectedId()).isEqualTo("EXP-2001");
    assertThat(xs.get(0).getAmountMinor()).isEqualTo(1999);
    assertThat(xs.get(0).getMetadata()).isEqualTo(Map.of("Notes", "first"));
    assertThat(xs.get(1).getCurrency()).isEqualTo("GBP");
    assertThat(xs.get(1).getAmountMinor()).isEqualTo(500);
    assertThat(xs.get(1).getProvenance().getLine()).as("after a blank line").isEqualTo(4);
    assertThat(xs.get(1).getMetadata()).isEqualTo(Map.of("Notes", "multi\r\nline note"));
  }

  @Test
  void windows1252FileIsReadWhenNotUtf8() {
    ParseResult r = parse("expected_windows1252.csv");
    assertThat(r.errors()).isEmpty();
    assertThat(expected(r))
        .singleElement()
        .satisfies(x -> assertThat(x.getDescription()).isEqualTo("Café crème € 5"));
  }

  @Test
  void badRowsAreReportedWithLineAndFieldAndTheRestIsParsed() {
    ParseResult r = parse("expected_bad_rows.csv");
    assertThat(expected(r))
        .extracting(ExpectedPayment::getExpectedId)
        .containsExactly("EXP-4006", "EXP-4009");
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "amount"),
            org.assertj.core.groups.Tuple.tuple(3, "currency"),
            org.assertj.core.groups.Tuple.tuple(4, "expected_at"),
            org.assertj.core.groups.Tuple.tuple(5, "amount"),
            org.assertj.core.groups.Tuple.tuple(6, "expected_at"),
            org.assertj.core.groups.Tuple.tuple(8, "expected_id"),
            org.assertj.core.groups.Tuple.tuple(9, null));
    assertThat(r.errors().get(0).reason())
        .isEqualTo("more than 2 decimal(s) for EUR: 10.005 (amounts are never rounded)");
    assertThat(r.errors().get(0).excerpt()).isEqualTo("10.005");
    assertThat(r.errors().get(1).reason()).isEqualTo("unknown currency code");
    assertThat(r.errors().get(2).reason()).isEqualTo("truncated row: 5 of 6 fields");
    assertThat(r.errors().get(3).reason()).isEqualTo("not a decimal amount: 1,234.56");
    assertThat(r.errors().get(4).reason()).isEqualTo("not an ISO-8601 date or timestamp");
    assertThat(r.errors().get(5).reason()).isEqualTo("required value missing");
    assertThat(r.errors().get(6).reason()).isEqualTo("unexpected character after a closing quote");
    assertThat(r.errors())
        .allSatisfy(e -> assertThat(e.fileName()).isEqualTo("expected_bad_rows.csv"));
  }

  @Test
  void missingRequiredColumnGivesOneFileErrorAndNoRecords() {
    ParseResult r = parse("expected_missing_currency_column.csv");
    assertThat(r.records()).isEmpty();
    assertThat(r.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.field()).isEqualTo("currency");
            });
  }

  @Test
  void rangeAndWindowMustBeOrdered() {
    String csv =
        "expected_id,merchant_reference,psp,amount,currency,expected_at,amount_min,amount_max,"
            + "expected_from,expected_to\n"
            + "E1,M1,adyen,10.00,EUR,2025-03-05,11.00,9.00,2025-03-06,2025-03-01\n";
    ParseResult r =
        parser.parse(csv.getBytes(StandardCharsets.UTF_8), Fixtures.provenance("x.csv"));
    assertThat(r.records()).isEmpty();
    assertThat(r.errors())
        .extracting(ParseError::field)
        .containsExactly("amount_min", "expected_from");
  }

  @Test
  void severalProblemsOfOneRowAreAllReported() {
    String csv =
        "expected_id,merchant_reference,psp,amount,currency,expected_at\n,,,abc,EUR,nope\n";
    ParseResult r =
        parser.parse(csv.getBytes(StandardCharsets.UTF_8), Fixtures.provenance("x.csv"));
    assertThat(r.errors())
        .extracting(ParseError::field)
        .containsExactly("expected_id", "merchant_reference", "psp", "amount", "expected_at");
  }

  @Test
  void duplicateExpectedIdIsAFinding() {
    String csv =
        """
        expected_id,merchant_reference,psp,amount,currency,expected_at
        E1,M1,adyen,1.00,EUR,2025-03-05
        E1,M2,adyen,2.00,EUR,2025-03-05
        """;
    ParseResult r =
        parser.parse(csv.getBytes(StandardCharsets.UTF_8), Fixtures.provenance("x.csv"));
    assertThat(r.records()).hasSize(2);
    assertThat(r.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.code()).isEqualTo(ParseResult.DUPLICATE_RECORD_ID));
  }

  @Test
  void timestampsAccepted() {
    assertThat(IsoTimestamp.parse("2025-03-05")).contains(Instant.parse("2025-03-05T00:00:00Z"));
    assertThat(IsoTimestamp.parse("2025-03-05T10:00:00.250Z"))
        .contains(Instant.parse("2025-03-05T10:00:00.250Z"));
    assertThat(IsoTimestamp.parse("2025-03-05T10:00:00-05:00"))
        .contains(Instant.parse("2025-03-05T15:00:00Z"));
    assertThat(IsoTimestamp.parse("2025-03-05T10:00"))
        .contains(Instant.parse("2025-03-05T10:00:00Z"));
    assertThat(IsoTimestamp.parse("2025-02-30")).isEmpty();
    assertThat(IsoTimestamp.parse("05.03.2025")).isEmpty();
    assertThat(IsoTimestamp.parse("2025-03-05 10:00:00")).isEmpty();
    assertThat(IsoTimestamp.parse("2".repeat(100))).isEmpty();
  }
}
