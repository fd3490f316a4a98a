package dev.recon.normalization.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.RawRecord;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.TaskMetricGroup;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.metrics.util.InterceptingTaskMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedeliveryFilterTest {
  private static final Duration WINDOW = Duration.ofDays(30);

  private KeyedOneInputStreamOperatorTestHarness<String, RawRecord, RawRecord> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new RedeliveryFilter(WINDOW), new RawDeliveryKey(), Types.STRING);
    harness.setStateTtlProcessingTime(0L);
  }

  @AfterEach
  void close() throws Exception {
    // Expiry is the state backend's TTL cleanup: nothing may ever rest on timers.
    assertThat(harness.numProcessingTimeTimers()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    harness.close();
  }

  @Test
  void theSameFileTwiceIsPassedOnOnce() throws Exception {
    RawRecord raw = RawRecords.of("adyen/adyen_settlement_detail_batch_501.csv", null);
    harness.processElement(raw, 0);
    harness.processElement(RawRecords.again(raw), 0);
    assertThat(harness.extractOutputValues()).containsExactly(raw);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    assertThat(harness.getSideOutput(NormalizationJob.DEAD_LETTERS)).isNull();
  }

  @Test
  void aDroppedRedeliveryIsCounted() throws Exception {
    InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
    TaskMetricGroup taskMetrics =
        new InterceptingTaskMetricGroup() {
          @Override
          public InternalOperatorMetricGroup getOrAddOperator(
              OperatorID id, String name, Map<String, String> info) {
            return metrics;
          }
        };
    harness.close();
    try (MockEnvironment env = new MockEnvironmentBuilder().setMetricGroup(taskMetrics).build()) {
      harness =
          new KeyedOneInputStreamOperatorTestHarness<>(
              new KeyedProcessOperator<>(new RedeliveryFilter(WINDOW)),
              new RawDeliveryKey(),
              Types.STRING,
              env);
      harness.open();
      RawRecord raw = RawRecords.of("expected/expected_basic.csv", null);
      harness.processElement(raw, 0);
      harness.processElement(RawRecords.again(raw), 0);
      harness.processElement(RawRecords.again(raw), 0);
      assertThat(harness.extractOutputValues()).hasSize(1);
      assertThat(((Counter) metrics.get("redeliveriesDropped")).getCount()).isEqualTo(2);
    }
  }

  @Test
  void filesWithDifferentContentArePassedOnBoth() throws Exception {
    RawRecord first = RawRecords.of("expected/expected_basic.csv", null);
    RawRecord second = RawRecords.of("expected/expected_bad_rows.csv", null);
    harness.processElement(first, 0);
    harness.processElement(second, 0);
    harness.processElement(RawRecords.again(first), 0);
    assertThat(harness.extractOutputValues()).containsExactly(first, second);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
  }

  @Test
  void theSameContentForAnotherTenantIsAnotherFile() throws Exception {
    RawRecord tenantA = RawRecords.of("expected/expected_basic.csv", null);
    RawRecord tenantB = RawRecords.again(tenantA);
    tenantB.getProvenance().setTenantId("tenant-b");
    harness.processElement(tenantA, 0);
    harness.processElement(tenantB, 0);
    assertThat(harness.extractOutputValues()).containsExactly(tenantA, tenantB);
  }

  @Test
  void aFileIsRememberedForTheWindowOnly() throws Exception {
    RawRecord raw = RawRecords.of("expected/expected_basic.csv", null);
    harness.processElement(raw, 0);
    harness.setStateTtlProcessingTime(WINDOW.toMillis() - 1);
    harness.processElement(RawRecords.again(raw), 0);
    assertThat(harness.extractOutputValues()).hasSize(1);

    harness.setStateTtlProcessingTime(WINDOW.toMillis());
    harness.processElement(RawRecords.again(raw), 0);
    assertThat(harness.extractOutputValues()).hasSize(2);
  }

  @Test
  void aCheckpointHoldsOneSmallEntryPerFileAndRestoresIt() throws Exception {
    RawRecord raw = RawRecords.of("expected/expected_basic.csv", null);
    harness.processElement(raw, 0);
    var snapshot = harness.snapshot(1L, 1L);
    harness.close();

    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new RedeliveryFilter(WINDOW)),
            new RawDeliveryKey(),
            Types.STRING);
    harness.setup();
    harness.initializeState(snapshot);
    harness.open();
    harness.setStateTtlProcessingTime(1L);
    harness.processElement(RawRecords.again(raw), 0);
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
  }
}
