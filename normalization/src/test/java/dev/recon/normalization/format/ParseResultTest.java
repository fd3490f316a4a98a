package dev.recon.normalization.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.normalization.Fixtures;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParseResultTest {

  private static ExpectedPayment expected(String id, long amount, String currency, int line) {
    return ExpectedPayment.newBuilder()
        .setExpectedId(id)
        .setPsp("adyen")
        .setMerchantReference("M-" + id)
        .setAmountMinor(amount)
        .setCurrency(currency)
        .setExpectedAt(Instant.EPOCH)
        .setProvenance(Provenance.newBuilder(Fixtures.provenance("x.csv")).setLine(line).build())
        .build();
  }

  @Test
  void controlTotalsPerKindAndCurrency() {
    ParseResult r =
        ParseResult.builder(Fixtures.provenance("x.csv"))
            .add(expected("a", 100, "EUR", 2))
            .add(expected("b", -30, "EUR", 3))
            .add(expected("c", 5, "JPY", 4))
            .build();
    assertThat(r.controlTotals())
        .containsExactly(
            new ControlTotal(RecordKind.EXPECTED, "EUR", 2, 70, false),
            new ControlTotal(RecordKind.EXPECTED, "JPY", 1, 5, false));
    assertThat(r.findings()).isEmpty();
    assertThat(r.controlTotals().get(0).describe())
        .isEqualTo("control total EXPECTED EUR: records=2 amount_minor=70");
  }

  @Test
  void duplicateIdsAreFindingsNotErrors() {
    ParseResult r =
        ParseResult.builder(Fixtures.provenance("x.csv"))
            .add(expected("a", 1, "EUR", 2))
            .add(expected("a", 1, "EUR", 7))
            .build();
    assertThat(r.records()).hasSize(2);
    assertThat(r.findings())
        .containsExactly(
            new DataQualityFinding(
                "x.csv",
                7,
                ParseResult.DUPLICATE_RECORD_ID,
                "EXPECTED record id of line 7 repeats line 2"));
  }

  @Test
  void overflowingTotalIsAFinding() {
    ParseResult r =
        ParseResult.builder(Fixtures.provenance("x.csv"))
            .add(expected("a", Long.MAX_VALUE, "EUR", 2))
            .add(expected("b", 1, "EUR", 3))
            .build();
    assertThat(r.controlTotals())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.overflowed()).isTrue();
              assertThat(t.describe()).endsWith("amount_minor=overflow");
            });
    assertThat(r.findings())
        .extracting(DataQualityFinding::code)
        .containsExactly(ParseResult.CONTROL_TOTAL_OVERFLOW);
  }

  @Test
  void errorsAreMaskedAndDescribed() {
    Provenance unnamed = Provenance.newBuilder(Fixtures.provenance("x")).setFileName(null).build();
    ParseResult r = ParseResult.builder(unnamed).error(3, "amount", "bad", "mail a@b.org").build();
    ParseError e = r.errors().get(0);
    assertThat(e.fileName()).isEqualTo("-");
    assertThat(e.excerpt()).isEqualTo("mail ***@***");
    assertThat(e.describe()).isEqualTo("-:3: amount: bad [mail ***@***]");
  }
}
