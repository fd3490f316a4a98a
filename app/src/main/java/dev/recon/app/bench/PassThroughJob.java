package dev.recon.app.bench;

import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.PaymentEvent;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The yardstick of {@code recon bench match}: reads the matching job's three inputs with the same
 * sources and writes every record unchanged (deserialised to its Avro class and serialised again)
 * to the same kind of sink. What it costs is what Kafka, Avro and Flink cost before any matching.
 */
final class PassThroughJob {

  static final String EXPECTED_SOURCE = "expected-payments";
  static final String PAYMENT_SOURCE = "payment-events";
  static final String BANK_SOURCE = "bank-lines";

  private final Source<ExpectedPayment, ?, ?> expectedPayments;
  private final Source<PaymentEvent, ?, ?> paymentEvents;
  private final Source<BankLine, ?, ?> bankLines;
  private final Sink<ExpectedPayment> expectedSink;
  private final Sink<PaymentEvent> paymentSink;
  private final Sink<BankLine> bankSink;

  PassThroughJob(
      Source<ExpectedPayment, ?, ?> expectedPayments,
      Source<PaymentEvent, ?, ?> paymentEvents,
      Source<BankLine, ?, ?> bankLines,
      Sink<ExpectedPayment> expectedSink,
      Sink<PaymentEvent> paymentSink,
      Sink<BankLine> bankSink) {
    this.expectedPayments = Objects.requireNonNull(expectedPayments, "expectedPayments");
    this.paymentEvents = Objects.requireNonNull(paymentEvents, "paymentEvents");
    this.bankLines = Objects.requireNonNull(bankLines, "bankLines");
    this.expectedSink = Objects.requireNonNull(expectedSink, "expectedSink");
    this.paymentSink = Objects.requireNonNull(paymentSink, "paymentSink");
    this.bankSink = Objects.requireNonNull(bankSink, "bankSink");
  }

  void addTo(StreamExecutionEnvironment env) {
    env.fromSource(
            expectedPayments,
            WatermarkStrategy.noWatermarks(),
            EXPECTED_SOURCE,
            new AvroTypeInfo<>(ExpectedPayment.class))
        .uid("expected-payments-source")
        .sinkTo(expectedSink)
        .name("expected-payments-copy")
        .uid("expected-payments-copy");
    env.fromSource(
            paymentEvents,
            WatermarkStrategy.noWatermarks(),
            PAYMENT_SOURCE,
            new AvroTypeInfo<>(PaymentEvent.class))
        .uid("payment-events-source")
        .sinkTo(paymentSink)
        .name("payment-events-copy")
        .uid("payment-events-copy");
    env.fromSource(
            bankLines,
            WatermarkStrategy.noWatermarks(),
            BANK_SOURCE,
            new AvroTypeInfo<>(BankLine.class))
        .uid("bank-lines-source")
        .sinkTo(bankSink)
        .name("bank-lines-copy")
        .uid("bank-lines-copy");
  }
}
