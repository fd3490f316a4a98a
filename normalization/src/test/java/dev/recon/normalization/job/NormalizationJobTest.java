package dev.recon.normalization.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.BankLine;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.RawRecord;
import dev.recon.schemas.RecordKind;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.functions.FromElementsGeneratorFunction;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class NormalizationJobTest {
  private final CollectingSink<PaymentEvent> payments = new CollectingSink<>();
  private final CollectingSink<ExpectedPayment> expected = new CollectingSink<>();
  private final CollectingSink<BankLine> bankLines = new CollectingSink<>();
  private final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();

  @AfterEach
  void release() {
    payments.release();
    expected.release();
    bankLines.release();
    deadLetters.release();
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void normalizesEachFileOnceOnAMiniCluster() throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);

    RawRecord adyen = RawRecords.of("adyen/adyen_settlement_detail_batch_501.csv", null);
    RawRecord badExpected = RawRecords.of("expected/expected_bad_rows.csv", "expected-csv");
    // The Adyen file and the bad expected file are each delivered twice (at-least-once
    // connectors): the repeats, on whichever source subtask, must change none of the counts.
    RawRecord[] raws = {
      adyen,
      RawRecords.of("camt053/camt053_v02_two_statements.xml", null),
      RawRecords.of("camt053/camt053_v08_mismatch.xml", null),
      badExpected,
      RawRecords.of("other/unknown_bank_export.csv", null),
      RawRecords.again(adyen),
      RawRecords.again(badExpected)
    };
    AvroTypeInfo<RawRecord> rawType = new AvroTypeInfo<>(RawRecord.class);
    DataGeneratorSource<RawRecord> source =
        new DataGeneratorSource<>(
            new FromElementsGeneratorFunction<>(rawType, raws), raws.length, rawType);

    new NormalizationJob(source, payments, expected, bankLines, deadLetters).addTo(env);
    env.execute("normalization-job-test");

    List<PaymentEvent> events = payments.collected();
    assertThat(events).hasSize(13);
    assertThat(events)
        .filteredOn(e -> e.getRecordKind() == RecordKind.PAYOUT)
        .extracting(PaymentEvent::getEventId, PaymentEvent::getGrossMinor)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("501-USD", 9830L),
            org.assertj.core.groups.Tuple.tuple("501-EUR", 4900L));
    assertThat(events)
        .extracting(PaymentEvent::getEventId)
        .contains("8815000000000001", "8815000000000301", "501-MiscCosts-L9");

    assertThat(bankLines.collected())
        .extracting(BankLine::getLineId)
        .containsExactlyInAnyOrder(
            "BANKREF-0001",
            "STMT-2025-03-04-001-2",
            "BANKREF-0003",
            "BANKREF-0004",
            "STMT-USD-0001-1",
            "JP-REF-1",
            "JP-STMT-0008-2");

    assertThat(expected.collected())
        .extracting(ExpectedPayment::getExpectedId)
        .containsExactlyInAnyOrder("EXP-4006", "EXP-4009");

    List<DeadLetter> dead = deadLetters.collected();
    assertThat(dead).hasSize(7 + 1 + 1);
    assertThat(dead)
        .filteredOn(d -> "expected_bad_rows.csv".equals(d.getProvenance().getFileName()))
        .extracting(d -> d.getProvenance().getLine(), DeadLetter::getField)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(2, "amount"),
            org.assertj.core.groups.Tuple.tuple(3, "currency"),
            org.assertj.core.groups.Tuple.tuple(4, "expected_at"),
            org.assertj.core.groups.Tuple.tuple(5, "amount"),
            org.assertj.core.groups.Tuple.tuple(6, "expected_at"),
            org.assertj.core.groups.Tuple.tuple(8, "expected_id"),
            org.assertj.core.groups.Tuple.tuple(9, null));
    assertThat(dead)
        .extracting(DeadLetter::getReason)
        .contains(
            "unknown format: unknown_bank_export.csv, first line: date,description,value",
            "DATA_QUALITY:CAMT_BALANCE_MISMATCH: camt.053 statement 1: opening + entries !="
                + " closing: opening=10000, entries=3158, closing=20000 JPY");
    assertThat(dead)
        .allSatisfy(
            d ->
                assertThat(d.getProvenance().getTenantId())
                    .isEqualTo(dev.recon.normalization.Fixtures.TENANT));
  }
}
