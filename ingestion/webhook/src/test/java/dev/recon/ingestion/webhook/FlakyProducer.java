package dev.recon.ingestion.webhook;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A MockProducer whose next send can be made to fail as a broker outage would. */
final class FlakyProducer extends MockProducer<String, byte[]> {
  final AtomicBoolean failNext = new AtomicBoolean();

  FlakyProducer() {
    super(true, null, new StringSerializer(), new ByteArraySerializer());
  }

  @Override
  public synchronized Future<RecordMetadata> send(
      ProducerRecord<String, byte[]> record, Callback callback) {
    if (failNext.getAndSet(false)) {
      TimeoutException down = new TimeoutException("broker unavailable");
      if (callback != null) {
        callback.onCompletion(null, down);
      }
      return CompletableFuture.failedFuture(down);
    }
    return super.send(record, callback);
  }
}
