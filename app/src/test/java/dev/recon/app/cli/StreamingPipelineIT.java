package dev.recon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.app.demo.DemoDataGenerator;
import dev.recon.app.pipeline.PipelineContext;
import dev.recon.app.pipeline.SavepointStore;
import dev.recon.app.pipeline.StreamingPipeline;
import dev.recon.app.pipeline.TopicReader;
import dev.recon.app.platform.Platform;
import dev.recon.app.platform.PlatformConfig;
import dev.recon.ingestion.file.FileIngestor;
import dev.recon.ingestion.file.IngestOutcome;
import dev.recon.ingestion.file.RawFile;
import dev.recon.ledger.db.LedgerQueries;
import dev.recon.matching.job.MatchingSettings;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.kafka.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recon run}'s jobs over the main topics: expected payments arrive, the jobs stop with a
 * savepoint, and the PSP report published while they were down is matched after the restart only
 * because the expectations came back from the savepoint (the source offsets did too, so they were
 * not read again).
 */
class StreamingPipelineIT {

  private static final int CAPTURES_PER_CURRENCY = 4;

  /** Two of the generated captures have no exact expectation: one unexpected, one mismatch. */
  private static final int EXACT_MATCHES = 2 * CAPTURES_PER_CURRENCY - 2;

  @TempDir Path tmp;

  @Test
  @Timeout(300)
  void openExpectationsSurviveAStopWithSavepointAndMatchAfterTheRestart() throws Exception {
    DemoDataGenerator.TenantFiles files =
        DemoDataGenerator.write(
            new DemoDataGenerator.Scenario(
                "acme", "AcmeShopEU", 7, LocalDate.of(2026, 11, 20), CAPTURES_PER_CURRENCY, false),
            tmp.resolve("in"));
    PlatformConfig config =
        PlatformConfig.embedded()
            .withDataDir(tmp.resolve("data"))
            .withFlink(2, Duration.ofSeconds(1), 0);
    // matches are decided once the watermark passes a key's records: the report's refund, fee and
    // payout rows come after its captures, so with a one-minute bound every capture is decided
    MatchingSettings settings =
        MatchingSettings.streaming(Duration.ofMinutes(1), Duration.ofSeconds(5));
    try (Platform p = PlatformLauncher.start(config)) {
      PipelineContext context = PlatformLauncher.pipelineContext(p);
      SavepointStore savepoints = new SavepointStore(tmp.resolve("savepoints"));
      TopicReader reader = new TopicReader(p.kafka(), Topics.MAX_MESSAGE_BYTES);

      StreamingPipeline first = StreamingPipeline.start(context, p.flink(), savepoints, settings);
      assertThat(first.jobs()).allMatch(j -> j.restoredFrom().isEmpty());
      publish(p, files.expected(), "expected-csv");
      // the expectations are in the matching job's state once its checkpoint committed them
      awaitTrue(
          () ->
              !reader
                  .readAll(Topics.EXPECTED_PAYMENTS, dev.recon.schemas.ExpectedPayment.class)
                  .isEmpty());
      Thread.sleep(3_000); // let a checkpoint pass after the last expectation was read
      first.stop();
      assertThat(savepoints.latest(StreamingPipeline.MATCH_JOB)).isPresent();
      assertThat(exactMatches(reader)).isEmpty();

      publish(p, files.psp(), "adyen-settlement-detail");
      StreamingPipeline second = StreamingPipeline.start(context, p.flink(), savepoints, settings);
      assertThat(second.jobs()).allMatch(j -> j.restoredFrom().isPresent());
      try {
        awaitTrue(() -> exactMatches(reader).size() >= EXACT_MATCHES);
        assertThat(exactMatches(reader)).hasSize(EXACT_MATCHES);
        LedgerQueries ledger = new LedgerQueries(context.appDatabase().dataSource());
        assertThat(ledger.entryCount("acme")).isPositive();
        // recon.journal carries each entry the ledger holds, once
        awaitTrue(() -> journalEntryIds(reader).size() >= ledger.entryCount("acme"));
        assertThat(journalEntryIds(reader))
            .doesNotHaveDuplicates()
            .hasSize((int) ledger.entryCount("acme"));
      } finally {
        second.stop();
      }
    }
  }

  private static List<Match> exactMatches(TopicReader reader) {
    return reader.readAll(Topics.MATCHES, Match.class).stream()
        .filter(m -> m.getLevel() == MatchLevel.L1)
        .toList();
  }

  private static boolean consumedToEnd(Admin admin, String group) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> ends = endOffsets(admin, Topics.EXPECTED_PAYMENTS);
      return ends.values().stream().anyMatch(end -> end > 0)
          && ends.entrySet().stream()
              .allMatch(
                  e ->
                      committed.get(e.getKey()) != null
                          && committed.get(e.getKey()).offset() >= e.getValue());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return false;
    }
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic)
      throws InterruptedException, ExecutionException {
    int partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (int i = 0; i < partitions; i++) {
      request.put(new TopicPartition(topic, i), OffsetSpec.latest());
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(request).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  private static List<String> journalEntryIds(TopicReader reader) {
    return reader.readAll(Topics.JOURNAL, JournalEntry.class).stream()
        .filter(e -> e.getTenantId().equals("acme"))
        .map(JournalEntry::getEntryId)
        .toList();
  }

  private static void deleteAllRecords(Admin admin, String topic) throws Exception {
    Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
    endOffsets(admin, topic)
        .forEach((tp, end) -> delete.put(tp, RecordsToDelete.beforeOffset(end)));
    admin.deleteRecords(delete).all().get();
  }

  private static void publish(Platform p, Path file, String format) {
    try (Producer<String, byte[]> producer = FileIngestor.reliableProducer(p.kafkaBootstrap())) {
      IngestOutcome outcome =
          new FileIngestor(producer, Topics.RAW, Clock.systemUTC())
              .ingest(
                  file,
                  new RawFile.Origin(
                      "acme", "file:test", null, file.getFileName().toString(), format));
      assertThat(outcome).isInstanceOf(IngestOutcome.Published.class);
    }
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
      Thread.sleep(500);
    }
  }
}
