package dev.recon.normalization.job;

import dev.recon.normalization.format.ParserLimits;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.RawRecord;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.OutputTag;

/**
 * The normalization job: raw files in, canonical PaymentEvents, ExpectedPayments and BankLines out,
 * plus a dead letter for every parse error, unknown format, oversized payload and data-quality
 * finding. A file delivered again within the redelivery window (connectors deliver at least once)
 * is dropped before parsing, so each of its events comes out once. Sources and sinks are given, so
 * the same wiring runs on Kafka in production and on in-memory data in tests.
 */
public final class NormalizationJob {

  static final OutputTag<ExpectedPayment> EXPECTED_PAYMENTS =
      new OutputTag<>("expected-payments", new AvroTypeInfo<>(ExpectedPayment.class));
  static final OutputTag<BankLine> BANK_LINES =
      new OutputTag<>("bank-lines", new AvroTypeInfo<>(BankLine.class));
  static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters", new AvroTypeInfo<>(DeadLetter.class));

  private final Source<RawRecord, ?, ?> source;
  private final Sink<PaymentEvent> paymentEvents;
  private final Sink<ExpectedPayment> expectedPayments;
  private final Sink<BankLine> bankLines;
  private final Sink<DeadLetter> deadLetters;
  private final NormalizationSettings settings;

  public NormalizationJob(
      Source<RawRecord, ?, ?> source,
      Sink<PaymentEvent> paymentEvents,
      Sink<ExpectedPayment> expectedPayments,
      Sink<BankLine> bankLines,
      Sink<DeadLetter> deadLetters) {
    this(
        source,
        paymentEvents,
        expectedPayments,
        bankLines,
        deadLetters,
        NormalizationSettings.DEFAULT);
  }

  public NormalizationJob(
      Source<RawRecord, ?, ?> source,
      Sink<PaymentEvent> paymentEvents,
      Sink<ExpectedPayment> expectedPayments,
      Sink<BankLine> bankLines,
      Sink<DeadLetter> deadLetters,
      ParserLimits limits) {
    this(
        source,
        paymentEvents,
        expectedPayments,
        bankLines,
        deadLetters,
        NormalizationSettings.DEFAULT.withLimits(limits));
  }

  public NormalizationJob(
      Source<RawRecord, ?, ?> source,
      Sink<PaymentEvent> paymentEvents,
      Sink<ExpectedPayment> expectedPayments,
      Sink<BankLine> bankLines,
      Sink<DeadLetter> deadLetters,
      NormalizationSettings settings) {
    this.source = Objects.requireNonNull(source, "source");
    this.paymentEvents = Objects.requireNonNull(paymentEvents, "paymentEvents");
    this.expectedPayments = Objects.requireNonNull(expectedPayments, "expectedPayments");
    this.bankLines = Objects.requireNonNull(bankLines, "bankLines");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Adds the job's operators to {@code env}; the caller executes it. */
  public void addTo(StreamExecutionEnvironment env) {
    DataStream<RawRecord> raw =
        env.fromSource(
                source,
                WatermarkStrategy.noWatermarks(),
                "raw-records",
                new AvroTypeInfo<>(RawRecord.class))
            .uid("normalization-raw-source");
    DataStream<RawRecord> firstDeliveries =
        raw.keyBy(new RawDeliveryKey(), Types.STRING)
            .process(
                new RedeliveryFilter(settings.redeliveryWindow()),
                new AvroTypeInfo<>(RawRecord.class))
            .name("drop-redeliveries")
            .uid("normalization-drop-redeliveries");
    SingleOutputStreamOperator<PaymentEvent> normalized =
        firstDeliveries
            .process(
                new NormalizeFunction(settings.limits()), new AvroTypeInfo<>(PaymentEvent.class))
            .name("normalize")
            .uid("normalization-normalize");
    normalized.sinkTo(paymentEvents).name("payment-events").uid("normalization-payment-events");
    normalized
        .getSideOutput(EXPECTED_PAYMENTS)
        .sinkTo(expectedPayments)
        .name("expected-payments")
        .uid("normalization-expected-payments");
    normalized
        .getSideOutput(BANK_LINES)
        .sinkTo(bankLines)
        .name("bank-lines")
        .uid("normalization-bank-lines");
    normalized
        .getSideOutput(DEAD_LETTERS)
        .sinkTo(deadLetters)
        .name("dead-letters")
        .uid("normalization-dead-letters");
  }
}
