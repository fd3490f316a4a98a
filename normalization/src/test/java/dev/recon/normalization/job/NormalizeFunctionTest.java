package dev.recon.normalization.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.normalization.format.ParserLimits;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.RawRecord;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NormalizeFunctionTest {
  private OneInputStreamOperatorTestHarness<RawRecord, PaymentEvent> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forProcessFunction(
            new NormalizeFunction(ParserLimits.DEFAULT));
  }

  @AfterEach
  void close() throws Exception {
    // Stateless by design: a checkpoint of the operator holds nothing.
    var snapshot = harness.snapshot(1L, 1L);
    assertThat(snapshot.getManagedOperatorState()).isEmpty();
    assertThat(snapshot.getManagedKeyedState()).isEmpty();
    assertThat(snapshot.getRawOperatorState()).isEmpty();
    assertThat(snapshot.getRawKeyedState()).isEmpty();
    harness.close();
  }

  private <T> List<T> side(org.apache.flink.util.OutputTag<T> tag) {
    var queue = harness.getSideOutput(tag);
    return queue == null ? List.of() : queue.stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void routesEachKindToItsOutput() throws Exception {
    harness.processElement(RawRecords.of("adyen/adyen_settlement_detail_batch_501.csv", null), 0);
    harness.processElement(RawRecords.of("camt053/camt053_v02_two_statements.xml", null), 0);
    harness.processElement(RawRecords.of("expected/expected_basic.csv", null), 0);
    assertThat(harness.extractOutputValues()).hasSize(13);
    assertThat(side(NormalizationJob.BANK_LINES))
        .extracting(BankLine::getLineId)
        .contains("BANKREF-0001", "STMT-USD-0001-1")
        .hasSize(5);
    assertThat(side(NormalizationJob.EXPECTED_PAYMENTS))
        .extracting(ExpectedPayment::getExpectedId)
        .containsExactly("EXP-1001", "EXP-1002", "EXP-1003", "EXP-1004");
    assertThat(side(NormalizationJob.DEAD_LETTERS)).isEmpty();
  }

  @Test
  void oneDeadLetterPerErrorAndPerFinding() throws Exception {
    harness.processElement(RawRecords.of("adyen/adyen_settlement_detail_bad_rows.csv", null), 0);
    List<DeadLetter> dead = side(NormalizationJob.DEAD_LETTERS);
    assertThat(dead)
        .extracting(DeadLetter::getDeadLetterId)
        .containsExactly(
            "raw-adyen_settlement_detail_bad_rows.csv/error/0",
            "raw-adyen_settlement_detail_bad_rows.csv/error/1",
            "raw-adyen_settlement_detail_bad_rows.csv/error/2",
            "raw-adyen_settlement_detail_bad_rows.csv/error/3",
            "raw-adyen_settlement_detail_bad_rows.csv/finding/0",
            "raw-adyen_settlement_detail_bad_rows.csv/finding/1");
    DeadLetter first = dead.get(0);
    assertThat(first.getField()).isEqualTo("Type");
    assertThat(first.getFormat()).isEqualTo("adyen-settlement-detail");
    assertThat(first.getProvenance().getLine()).isEqualTo(3);
    assertThat(first.getProvenance().getFileName())
        .isEqualTo("adyen_settlement_detail_bad_rows.csv");
    assertThat(first.getExcerpt()).isEqualTo("SettledMysteriously");
    assertThat(dead.get(5).getReason())
        .isEqualTo(
            "DATA_QUALITY:ADYEN_PAYOUT_MISMATCH: batch 502 USD: sum of row nets 19.70"
                + " != payout 19.80");
    assertThat(dead.get(5).getProvenance().getLine()).isEqualTo(8);
    assertThat(harness.extractOutputValues()).hasSize(3);
  }

  @Test
  void unknownFormatAndForcedFormat() throws Exception {
    harness.processElement(RawRecords.of("other/unknown_bank_export.csv", null), 0);
    harness.processElement(RawRecords.of("expected/expected_basic.csv", "camt053"), 0);
    List<DeadLetter> dead = side(NormalizationJob.DEAD_LETTERS);
    assertThat(dead).hasSize(2);
    assertThat(dead.get(0).getFormat()).isNull();
    assertThat(dead.get(0).getReason())
        .isEqualTo("unknown format: unknown_bank_export.csv, first line: date,description,value");
    assertThat(dead.get(1).getFormat()).isEqualTo("camt053");
    assertThat(dead.get(1).getReason()).startsWith("malformed XML");
    assertThat(side(NormalizationJob.EXPECTED_PAYMENTS)).isEmpty();
  }
}
