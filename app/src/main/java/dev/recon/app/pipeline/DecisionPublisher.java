package dev.recon.app.pipeline;

import dev.recon.app.platform.KafkaConnection;
import dev.recon.app.platform.ReliableProducer;
import dev.recon.ingestion.publish.RawRecordPublisher;
import dev.recon.schemas.ManualDecision;
import dev.recon.schemas.kafka.AvroCodec;
import dev.recon.schemas.kafka.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes the decision steps users take in the UI (propose, approve, reject) to {@code
 * recon.decisions}, where the matching job applies an approved decision once and books what
 * follows. Returns only after Kafka acknowledged every step, so the UI never reports a decision the
 * platform did not receive.
 */
public final class DecisionPublisher implements Consumer<List<ManualDecision>>, AutoCloseable {
  static final Duration ACK_WAIT = RawRecordPublisher.ACK_WAIT;
  private static final AvroCodec<ManualDecision> CODEC = AvroCodec.of(ManualDecision.class);

  private final Producer<String, byte[]> producer;

  public DecisionPublisher(KafkaConnection kafka) {
    this.producer = ReliableProducer.create(kafka);
  }

  @Override
  public void accept(List<ManualDecision> steps) {
    List<Future<RecordMetadata>> sent =
        steps.stream()
            .map(
                d ->
                    producer.send(
                        new ProducerRecord<>(Topics.DECISIONS, d.getTenantId(), CODEC.encode(d))))
            .toList();
    for (Future<RecordMetadata> ack : sent) {
      try {
        ack.get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while publishing a decision", e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("Kafka did not take the decision: " + e, e);
      }
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
