package dev.recon.ingestion.api;

import dev.recon.ingestion.api.http.ProviderSettings;
import dev.recon.ingestion.publish.RawRecordPublisher;
import dev.recon.ingestion.secret.EnvironmentSecrets;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.store.TenantTransactions;
import dev.recon.schemas.RawRecord;
import dev.recon.schemas.kafka.AvroCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the poller ITs share: test settings, secrets, and a producer that can fail on cue. */
public final class PollerFixture {

  public static final String TOPIC = "recon.raw";
  public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private PollerFixture() {}

  /** Small backoffs so retries cost milliseconds; a circuit that stays open once opened. */
  public static ProviderSettings settings(String baseUrl) {
    return new ProviderSettings(
        baseUrl,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        3,
        Duration.ofMillis(5),
        Duration.ofMillis(20),
        4,
        50,
        Duration.ofHours(1),
        100,
        64 * 1024,
        true);
  }

  public static SecretResolver secrets(Map<String, String> environment) {
    return new SecretResolver(
        List.of(new EnvironmentSecrets(environment)),
        Duration.ofSeconds(60),
        java.time.Clock.systemUTC());
  }

  public static ConnectorState state(TenantTransactions tx) {
    return ConnectorState.of(tx);
  }

  public static RawRecordPublisher publisher(MockProducer<String, byte[]> producer) {
    return new RawRecordPublisher(producer, TOPIC);
  }

  public static List<RawRecord> published(MockProducer<String, byte[]> producer) {
    AvroCodec<RawRecord> codec = AvroCodec.of(RawRecord.class);
    return producer.history().stream().map(r -> codec.decode(r.value())).toList();
  }

  public static List<String> fileNames(MockProducer<String, byte[]> producer) {
    return published(producer).stream().map(r -> r.getProvenance().getFileName()).toList();
  }

  public static String payload(RawRecord record) {
    byte[] bytes = new byte[record.getPayload().remaining()];
    record.getPayload().duplicate().get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A producer whose n-th send (1-based) fails once, as a broker that did not acknowledge. */
  public static final class FlakyProducer extends MockProducer<String, byte[]> {
    private final int failingSend;
    private int sends;

    public FlakyProducer(int failingSend) {
      super(true, null, new StringSerializer(), new ByteArraySerializer());
      this.failingSend = failingSend;
    }

    public static FlakyProducer reliable() {
      return new FlakyProducer(0);
    }

    @Override
    public synchronized Future<RecordMetadata> send(
        ProducerRecord<String, byte[]> record, Callback callback) {
      sends++;
      if (sends == failingSend) {
        CompletableFuture<RecordMetadata> failed = new CompletableFuture<>();
        failed.completeExceptionally(new TimeoutException("broker did not acknowledge"));
        return failed;
      }
      return super.send(record, callback);
    }
  }
}
