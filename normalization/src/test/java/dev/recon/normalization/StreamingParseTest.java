package dev.recon.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.normalization.format.RecordParser;
import dev.recon.schemas.Provenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming parse (records to a sink as they are read) and the list parse give the same records
 * in the same order, and the same errors, findings and control totals, for every format: over every
 * fixture, good and bad, fed to every parser, with default and with small limits.
 */
class StreamingParseTest {
  private static final ParserLimits SMALL = new ParserLimits(4096, 3, 80, 5);

  static Stream<Arguments> fixturesByFormat() {
    List<Arguments> cases = new ArrayList<>();
    for (String fixture : fixtures()) {
      for (Format format : Format.values()) {
        cases.add(Arguments.of(format, fixture));
      }
    }
    return cases.stream();
  }

  private static List<String> fixtures() {
    try {
      Path root = Path.of(StreamingParseTest.class.getResource("/fixtures").toURI());
      try (Stream<Path> files = Files.walk(root)) {
        return files
            .filter(Files::isRegularFile)
            .map(p -> root.relativize(p).toString().replace('\\', '/'))
            .sorted()
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("fixturesByFormat")
  void streamingGivesTheSameOutcomeAsTheList(Format format, String fixture) {
    byte[] payload = Fixtures.bytes(fixture);
    Provenance provenance = Fixtures.provenance(fixture);
    for (ParserLimits limits : List.of(ParserLimits.DEFAULT, SMALL)) {
      RecordParser parser = Parsers.forFormat(format, limits);
      ParseResult listed = parser.parse(payload, provenance);
      List<SpecificRecord> streamedRecords = new ArrayList<>();
      ParseResult streamed = parser.parse(payload, provenance, streamedRecords::add);

      assertThat(streamed.records()).isEmpty();
      assertThat(streamedRecords).isEqualTo(listed.records());
      assertThat(streamed.errors()).isEqualTo(listed.errors());
      assertThat(streamed.findings()).isEqualTo(listed.findings());
      assertThat(streamed.controlTotals()).isEqualTo(listed.controlTotals());
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void theNormalizerStreamsWhatItWouldList(Format format) {
    byte[] payload = Fixtures.bytes(fixtureOf(format));
    Provenance provenance = Fixtures.provenance("f");
    Normalizer normalizer = new Normalizer();
    for (String hint : new String[] {format.cliName(), null}) {
      Normalized listed = normalizer.normalize(payload, provenance, hint);
      List<SpecificRecord> records = new ArrayList<>();
      Normalized streamed = normalizer.normalize(payload, provenance, hint, records::add);

      assertThat(listed.result().records()).isNotEmpty();
      assertThat(streamed.format()).isEqualTo(listed.format());
      assertThat(records).isEqualTo(listed.result().records());
      assertThat(streamed.result().withRecords(records)).isEqualTo(listed.result());
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Format.class,
      names = {"MTN_MOMO", "AIRTEL_MONEY", "ZAMTEL_KWACHA"})
  void unconfirmedCallbacksReachNoSink(Format format) {
    byte[] payload = Fixtures.bytes(fixtureOf(format));
    Provenance provenance =
        Provenance.newBuilder(Fixtures.provenance("cb.json"))
            .setSource("webhook:" + format.cliName() + Normalizer.UNCONFIRMED_SOURCE_SUFFIX)
            .build();
    Normalizer normalizer = new Normalizer();
    List<SpecificRecord> records = new ArrayList<>();
    Normalized streamed = normalizer.normalize(payload, provenance, format.cliName(), records::add);

    assertThat(records).isEmpty();
    assertThat(streamed.result())
        .isEqualTo(normalizer.normalize(payload, provenance, format.cliName()).result());
    assertThat(streamed.result().findings())
        .anyMatch(f -> f.code().equals(Normalizer.UNCONFIRMED_CALLBACK));
  }

  private static String fixtureOf(Format format) {
    return switch (format) {
      case EXPECTED_PAYMENTS_CSV -> "expected/expected_basic.csv";
      case ADYEN_SETTLEMENT_DETAIL -> "adyen/adyen_settlement_detail_batch_501.csv";
      case CAMT_053 -> "camt053/camt053_v02_two_statements.xml";
      case STRIPE_ITEMIZED -> "stripe/stripe_payout_reconciliation_itemized.csv";
      case MT940 -> "mt940/mt940_envelope_two_messages_crlf.sta";
      case BAI2 -> "bai2/bai2_two_accounts_crlf.txt";
      case PAYPAL_STL -> "paypal/paypal_stl_two_sections.csv";
      case PAYPAL_TRR -> "paypal/paypal_trr_two_sections_crlf.csv";
      case STRIPE_WEBHOOK -> "stripe/stripe_webhook_events_list_crlf.json";
      case STRIPE_BALANCE_HISTORY -> "stripe/stripe_balance_history.csv";
      case ADYEN_WEBHOOK -> "adyen/adyen_notification_batch.json";
      case ADYEN_PAYMENTS_ACCOUNTING -> "adyen/adyen_payments_accounting.csv";
      case MTN_MOMO -> "mobile_money/mtn_momo_status_batch.json";
      case AIRTEL_MONEY -> "mobile_money/airtel_money_callbacks.json";
      case ZAMTEL_KWACHA -> "mobile_money/zamtel_kwacha_status.json";
    };
  }
}
