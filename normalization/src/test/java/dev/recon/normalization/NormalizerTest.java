package dev.recon.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.PaymentEvent;
import org.junit.jupiter.api.Test;

class NormalizerTest {
  private final Normalizer normalizer = new Normalizer();

  private Normalized normalize(String fixture, String hint) {
    String name = fixture.substring(fixture.indexOf('/') + 1);
    return normalizer.normalize(Fixtures.bytes(fixture), Fixtures.provenance(name), hint);
  }

  @Test
  void anUnconfirmedCallbackIsReportedButNothingOfItIsBooked() {
    byte[] body = Fixtures.bytes("mobile_money/mtn_momo_collection_successful.json");
    var confirmed =
        normalizer.normalize(body, Fixtures.provenance("status.json"), "mtn-momo").result();
    var provenance = Fixtures.provenance("webhook-x.json");
    provenance.setSource("webhook:mtn-momo" + Normalizer.UNCONFIRMED_SOURCE_SUFFIX);
    var unconfirmed = normalizer.normalize(body, provenance, "mtn-momo").result();

    assertThat(confirmed.records()).isNotEmpty();
    assertThat(unconfirmed.records()).isEmpty();
    assertThat(unconfirmed.findings())
        .filteredOn(f -> f.code().equals(Normalizer.UNCONFIRMED_CALLBACK))
        .hasSameSizeAs(confirmed.records());
  }

  @Test
  void detectsAndParses() {
    Normalized n = normalize("adyen/adyen_settlement_detail_batch_501.csv", null);
    assertThat(n.format()).contains(Format.ADYEN_SETTLEMENT_DETAIL);
    assertThat(n.result().records()).hasSize(13).allMatch(PaymentEvent.class::isInstance);

    Normalized camt = normalize("camt053/camt053_v02_two_statements.xml", " ");
    assertThat(camt.format()).contains(Format.CAMT_053);
    assertThat(camt.result().records()).hasSize(5).allMatch(BankLine.class::isInstance);
  }

  @Test
  void hintForcesTheFormat() {
    Normalized n = normalize("adyen/adyen_settlement_detail_batch_501.csv", "expected-csv");
    assertThat(n.format()).contains(Format.EXPECTED_PAYMENTS_CSV);
    assertThat(n.result().records()).isEmpty();
    assertThat(n.result().errors())
        .singleElement()
        .satisfies(
            e -> assertThat(e.reason()).startsWith("missing required column(s): expected_id"));
  }

  @Test
  void unknownHintIsAnError() {
    Normalized n = normalize("adyen/adyen_settlement_detail_batch_501.csv", "mt999");
    assertThat(n.format()).isEmpty();
    assertThat(n.result().errors())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.reason())
                    .isEqualTo(
                        "unknown format name: mt999 (known: "
                            + String.join(", ", Format.cliNames())
                            + ")"));
    assertThat(n.result().errors().get(0).reason())
        .contains("expected-csv, adyen-settlement-detail", "paypal-trr", "mtn-momo");
  }

  @Test
  void unknownContentIsAnErrorNamingTheFileAndFirstLine() {
    Normalized n = normalize("other/unknown_bank_export.csv", null);
    assertThat(n.format()).isEmpty();
    assertThat(n.result().records()).isEmpty();
    assertThat(n.result().errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reason())
                  .isEqualTo(
                      "unknown format: unknown_bank_export.csv, first line: date,description,value");
              assertThat(e.line()).isZero();
            });
  }

  @Test
  void oversizedPayloadIsRefusedBeforeDetection() {
    Normalizer small = new Normalizer(new ParserLimits(100, 10, 100, 10));
    Normalized n =
        small.normalize(
            Fixtures.bytes("adyen/adyen_settlement_detail_batch_501.csv"),
            Fixtures.provenance("a.csv"),
            null);
    assertThat(n.format()).isEmpty();
    assertThat(n.result().errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).endsWith("exceeds the limit of 100"));
  }

  @Test
  void everyFormatHasAParser() {
    for (Format f : Format.values()) {
      assertThat(Parsers.forFormat(f).format()).isEqualTo(f);
    }
  }

  @Test
  void defaultLimitRefusesMoreThanEightMebibytes() {
    byte[] big = new byte[ParserLimits.MAX_PAYLOAD_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    Normalized n = normalizer.normalize(big, Fixtures.provenance("big.csv"), "expected-csv");
    assertThat(n.result().errors())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.reason())
                    .isEqualTo("payload of 8388609 bytes exceeds the limit of 8388608"));
    for (Format f : Format.values()) {
      assertThat(Parsers.forFormat(f).parse(big, Fixtures.provenance("big")).errors())
          .singleElement()
          .satisfies(e -> assertThat(e.reason()).endsWith("exceeds the limit of 8388608"));
    }
  }
}
