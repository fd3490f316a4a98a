package dev.recon.app.bench;

import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.kafka.AvroCodec;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Puts the workload on the benchmark's input topics the way canonical records reach them in the
 * platform: Avro bodies (the bytes Flink's Avro serialization writes), keyed by tenant, from an
 * idempotent producer with acks from all replicas and no compression (the normalization job's sinks
 * compress nothing either). Each tenant goes to partition {@code tenant % partitions}, so a few
 * tenants spread evenly over the job's source readers instead of wherever their key hashes.
 */
final class WorkloadPublisher implements MatchWorkload.Records, AutoCloseable {

  /** Batches records for throughput; the workload is written before timing starts. */
  private static final int LINGER_MS = 20;

  private static final int BATCH_BYTES = 512 * 1024;

  /**
   * Kafka's default gives a batch two minutes from creation to acknowledgement; the whole workload
   * is queued at once, so on a busy machine its last batches waited longer than that (seen in CI
   * under load). Nothing is timed while publishing, so waiting longer costs no accuracy. The same
   * bound applies to a send waiting for room in the producer's buffer.
   */
  private static final int DELIVERY_TIMEOUT_MS = 10 * 60 * 1000;

  private final Producer<byte[], byte[]> producer;
  private final BenchTopics topics;
  private final int partitions;
  private final AvroCodec<ExpectedPayment> expectedCodec = AvroCodec.of(ExpectedPayment.class);
  private final AvroCodec<PaymentEvent> paymentCodec = AvroCodec.of(PaymentEvent.class);
  private final AvroCodec<BankLine> bankCodec = AvroCodec.of(BankLine.class);
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

  WorkloadPublisher(String bootstrapServers, BenchTopics topics, int partitions) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, DELIVERY_TIMEOUT_MS);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    this.producer = new KafkaProducer<>(p);
    this.topics = topics;
    this.partitions = partitions;
  }

  @Override
  public void expected(int tenant, ExpectedPayment payment) {
    send(
        topics.expected(),
        tenant,
        payment.getProvenance().getTenantId(),
        expectedCodec.encode(payment));
  }

  @Override
  public void payment(int tenant, PaymentEvent event) {
    send(
        topics.payments(), tenant, event.getProvenance().getTenantId(), paymentCodec.encode(event));
  }

  @Override
  public void bank(int tenant, BankLine line) {
    send(topics.bank(), tenant, line.getProvenance().getTenantId(), bankCodec.encode(line));
  }

  private void send(String topic, int tenant, String tenantId, byte[] value) {
    Exception failed = firstFailure.get();
    if (failed != null) {
      throw new IllegalStateException("Kafka refused a workload record", failed);
    }
    producer.send(
        new ProducerRecord<>(
            topic, tenant % partitions, tenantId.getBytes(StandardCharsets.UTF_8), value),
        (metadata, e) -> {
          if (e != null) {
            firstFailure.compareAndSet(null, e);
          }
        });
  }

  /** Waits until Kafka acknowledged every record. */
  @Override
  public void close() {
    try {
      producer.flush();
    } finally {
      producer.close();
    }
    Exception failed = firstFailure.get();
    if (failed != null) {
      throw new IllegalStateException("Kafka refused a workload record", failed);
    }
  }
}
