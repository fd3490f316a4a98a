package dev.recon.app.pipeline;

import dev.recon.app.observability.ConnectorLag;
import dev.recon.app.observability.KnownTenants;
import dev.recon.app.platform.KafkaConnection;
import dev.recon.reporting.casework.CaseStore;
import dev.recon.reporting.casework.RunOutputs;
import dev.recon.reporting.casework.SourceDocument;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.Match;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.RawRecord;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.kafka.AvroCodec;
import dev.recon.schemas.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the casework store (what the UI shows) up to date with the streaming platform: reads the
 * main topics (raw inputs, canonical records, matches, exceptions, resolutions, dead letters) as a
 * consumer group, stores each poll's records per tenant, and commits the offsets only after the
 * store did. A crash in between re-delivers the batch, and storing is idempotent by the records'
 * own ids, so nothing is lost or shown twice.
 */
public final class CaseworkFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CaseworkFeed.class);

  public static final String GROUP_ID = "recon-casework";
  static final Duration POLL = Duration.ofSeconds(1);

  /** Records per poll: one batch is one casework transaction per tenant. */
  static final int MAX_POLL_RECORDS = 5_000;

  static final List<String> TOPICS =
      List.of(
          Topics.RAW,
          Topics.EXPECTED_PAYMENTS,
          Topics.PAYMENT_EVENTS,
          Topics.BANK_LINES,
          Topics.MATCHES,
          Topics.EXCEPTIONS,
          Topics.EXCEPTION_RESOLUTIONS,
          Topics.DEAD_LETTERS);

  private static final AvroCodec<RawRecord> RAW_CODEC = AvroCodec.of(RawRecord.class);
  private static final AvroCodec<ExpectedPayment> EXPECTED_CODEC =
      AvroCodec.of(ExpectedPayment.class);
  private static final AvroCodec<PaymentEvent> PAYMENT_CODEC = AvroCodec.of(PaymentEvent.class);
  private static final AvroCodec<BankLine> BANK_CODEC = AvroCodec.of(BankLine.class);
  private static final AvroCodec<Match> MATCH_CODEC = AvroCodec.of(Match.class);
  private static final AvroCodec<ReconException> EXCEPTION_CODEC =
      AvroCodec.of(ReconException.class);
  private static final AvroCodec<ExceptionResolution> RESOLUTION_CODEC =
      AvroCodec.of(ExceptionResolution.class);
  private static final AvroCodec<DeadLetter> DEAD_LETTER_CODEC = AvroCodec.of(DeadLetter.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final CaseStore store;
  private final ConnectorLag lag;
  private final KnownTenants tenants;
  private final LongConsumer deadLetters;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private long batches;

  private CaseworkFeed(
      KafkaConsumer<byte[], byte[]> consumer,
      CaseStore store,
      ConnectorLag lag,
      KnownTenants tenants,
      LongConsumer deadLetters) {
    this.consumer = consumer;
    this.store = store;
    this.lag = lag;
    this.tenants = tenants;
    this.deadLetters = deadLetters;
    this.thread = new Thread(this::run, "recon-casework-feed");
    this.thread.setDaemon(true);
  }

  /**
   * @param lag told what each batch shows of the connectors' records: raw ones published, and
   *     normalization's outputs of them (see {@link ConnectorLag} for why this measures its lag)
   * @param tenants told every tenant whose records the feed stored, for the per-tenant gauges
   * @param deadLetters told how many dead letters each stored batch held, after its offsets are
   *     committed (a crash before the commit stores and counts the batch again), e.g. {@link
   *     dev.recon.app.observability.AlarmMetrics#deadLetters}
   */
  public static CaseworkFeed start(
      KafkaConnection kafka,
      CaseStore store,
      ConnectorLag lag,
      KnownTenants tenants,
      LongConsumer deadLetters) {
    Properties p = kafka.properties();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    CaseworkFeed feed = new CaseworkFeed(new KafkaConsumer<>(p), store, lag, tenants, deadLetters);
    feed.consumer.subscribe(TOPICS);
    feed.thread.start();
    return feed;
  }

  private void run() {
    try {
      while (running.get()) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        if (records.isEmpty()) {
          continue;
        }
        List<RunOutputs> batch = byTenant(records, "stream batch " + (++batches));
        for (RunOutputs outputs : batch) {
          store.recordRun(outputs);
        }
        consumer.commitSync();
        batch.forEach(outputs -> observe(outputs, lag, tenants));
        deadLetters.accept(deadLettersIn(batch));
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      // Offsets of the failed batch are not committed: a restart stores it again.
      LOG.error("casework feed stopped: the UI no longer sees new streaming results", e);
    } finally {
      consumer.close();
    }
  }

  /**
   * Tells the gauges what a stored batch showed: its tenant, the raw records the connectors
   * published (by connector and received-at) and what normalization made of them (canonical records
   * and dead letters carry their raw record's provenance).
   */
  public static void observe(RunOutputs outputs, ConnectorLag lag, KnownTenants tenants) {
    tenants.add(outputs.tenantId());
    outputs.documents().forEach(d -> lag.published(d.source(), d.receivedAt()));
    outputs.expected().forEach(x -> processed(lag, x.getProvenance()));
    outputs.paymentEvents().forEach(x -> processed(lag, x.getProvenance()));
    outputs.bankLines().forEach(x -> processed(lag, x.getProvenance()));
    outputs.deadLetters().forEach(x -> processed(lag, x.getProvenance()));
  }

  /** Dead letters in a stored batch. */
  static long deadLettersIn(List<RunOutputs> batch) {
    long count = 0;
    for (RunOutputs outputs : batch) {
      count += outputs.deadLetters().size();
    }
    return count;
  }

  private static void processed(ConnectorLag lag, Provenance p) {
    lag.processed(p.getSource(), p.getReceivedAt());
  }

  /** One poll's records as one {@link RunOutputs} per tenant, in tenant order. */
  static List<RunOutputs> byTenant(Iterable<ConsumerRecord<byte[], byte[]>> records, String label) {
    Map<String, Batch> tenants = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      byte[] value = r.value();
      switch (r.topic()) {
        case Topics.RAW -> {
          RawRecord raw = RAW_CODEC.decode(value);
          batch(tenants, raw.getProvenance().getTenantId())
              .documents
              .add(CaseworkRecorder.documentOf(raw));
        }
        case Topics.EXPECTED_PAYMENTS -> {
          ExpectedPayment x = EXPECTED_CODEC.decode(value);
          batch(tenants, x.getProvenance().getTenantId()).expected.add(x);
        }
        case Topics.PAYMENT_EVENTS -> {
          PaymentEvent e = PAYMENT_CODEC.decode(value);
          batch(tenants, e.getProvenance().getTenantId()).payments.add(e);
        }
        case Topics.BANK_LINES -> {
          BankLine b = BANK_CODEC.decode(value);
          batch(tenants, b.getProvenance().getTenantId()).bank.add(b);
        }
        case Topics.MATCHES -> {
          Match m = MATCH_CODEC.decode(value);
          batch(tenants, m.getTenantId()).matches.add(m);
        }
        case Topics.EXCEPTIONS -> {
          ReconException x = EXCEPTION_CODEC.decode(value);
          batch(tenants, x.getTenantId()).exceptions.add(x);
        }
        case Topics.EXCEPTION_RESOLUTIONS -> {
          ExceptionResolution x = RESOLUTION_CODEC.decode(value);
          batch(tenants, x.getTenantId()).resolutions.add(x);
        }
        case Topics.DEAD_LETTERS -> {
          DeadLetter d = DEAD_LETTER_CODEC.decode(value);
          batch(tenants, d.getProvenance().getTenantId()).deadLetters.add(d);
        }
        default -> throw new IllegalStateException("not subscribed to " + r.topic());
      }
    }
    List<RunOutputs> out = new ArrayList<>();
    tenants.forEach((tenant, b) -> out.add(b.outputs(tenant, label)));
    return out;
  }

  private static Batch batch(Map<String, Batch> tenants, String tenant) {
    return tenants.computeIfAbsent(tenant, t -> new Batch());
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class Batch {
    final List<SourceDocument> documents = new ArrayList<>();
    final List<ExpectedPayment> expected = new ArrayList<>();
    final List<PaymentEvent> payments = new ArrayList<>();
    final List<BankLine> bank = new ArrayList<>();
    final List<Match> matches = new ArrayList<>();
    final List<ReconException> exceptions = new ArrayList<>();
    final List<ExceptionResolution> resolutions = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();

    RunOutputs outputs(String tenant, String label) {
      return new RunOutputs(
          tenant,
          label,
          documents,
          expected,
          payments,
          bank,
          matches,
          exceptions,
          resolutions,
          deadLetters);
    }
  }
}
