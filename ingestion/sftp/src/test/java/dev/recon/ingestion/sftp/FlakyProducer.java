package dev.recon.ingestion.sftp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A MockProducer that can refuse the next sends (as a broker outage would) and run a hook right
 * after a record was acknowledged (to simulate a crash at that point).
 */
final class FlakyProducer extends MockProducer<String, byte[]> {

  final AtomicInteger sendsToFail = new AtomicInteger();
  final AtomicReference<Runnable> afterAck = new AtomicReference<>(() -> {});

  FlakyProducer() {
    super(true, null, new StringSerializer(), new ByteArraySerializer());
  }

  @Override
  public synchronized Future<RecordMetadata> send(
      ProducerRecord<String, byte[]> record, Callback callback) {
    if (sendsToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return CompletableFuture.failedFuture(new TimeoutException("simulated broker outage"));
    }
    Future<RecordMetadata> acked = super.send(record, callback);
    afterAck.get().run();
    return acked;
  }
}
