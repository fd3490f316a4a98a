package dev.recon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.app.demo.DemoDataGenerator;
import dev.recon.app.pipeline.TopicReader;
import dev.recon.app.platform.Platform;
import dev.recon.app.platform.PlatformConfig;
import dev.recon.app.schedule.ReconciliationSchedule;
import dev.recon.app.schedule.ScheduledReconciliation;
import dev.recon.ingestion.schedule.CronSchedule;
import dev.recon.ingestion.schedule.TaskOutcome;
import dev.recon.ledger.db.LedgerQueries;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.kafka.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A scheduled reconciliation's task: what is waiting in the inbox is reconciled once. */
class ScheduledReconciliationIT {

  @TempDir Path tmp;

  @Test
  @Timeout(240)
  void theInboxIsReconciledIntoANewRunFolderAndEmptiedSoTheNextRunFindsNothing() throws Exception {
    Path inbox = tmp.resolve("inbox");
    DemoDataGenerator.write(
        new DemoDataGenerator.Scenario(
            "acme", "AcmeShopEU", 11, LocalDate.of(2026, 10, 5), 4, false),
        inbox);
    Files.writeString(inbox.resolve("notes.txt"), "not an input");
    ReconciliationSchedule schedule =
        new ReconciliationSchedule(
            "acme",
            CronSchedule.parse("0 7 * * *", ZoneOffset.UTC),
            inbox,
            List.of("expected-payments-*.csv"),
            List.of("settlement_detail_report_batch_*.csv"),
            List.of("camt053-*.xml"),
            tmp.resolve("reports"),
            null);
    try (Platform p =
        PlatformLauncher.start(PlatformConfig.embedded().withDataDir(tmp.resolve("data")))) {
      ScheduledReconciliation task =
          new ScheduledReconciliation(
              schedule, PlatformLauncher.pipelineContext(p), Clock.systemUTC());

      TaskOutcome first = task.call();
      assertThat(first.status()).as(first.detail()).isEqualTo(TaskOutcome.Status.SUCCEEDED);
      assertThat(first.detail()).startsWith("3 file(s) -> ").contains("match(es)");
      try (Stream<Path> runs = Files.list(tmp.resolve("reports"))) {
        Path run = runs.findFirst().orElseThrow();
        assertThat(run.resolve("matches.csv")).isNotEmptyFile();
        assertThat(run.resolve("report.html")).isNotEmptyFile();
      }
      try (Stream<Path> left = Files.list(inbox)) {
        assertThat(left.map(f -> f.getFileName().toString()))
            .containsExactlyInAnyOrder("notes.txt", "done");
      }

      // what the run booked is on the ledger's outbound topic, each entry once
      long entries =
          new LedgerQueries(PlatformLauncher.pipelineContext(p).appDatabase().dataSource())
              .entryCount("acme");
      assertThat(entries).isPositive();
      List<String> published =
          new TopicReader(p.kafka(), Topics.MAX_MESSAGE_BYTES)
              .readAll(Topics.JOURNAL, JournalEntry.class).stream()
                  .filter(e -> e.getTenantId().equals("acme"))
                  .map(JournalEntry::getEntryId)
                  .toList();
      assertThat(published).doesNotHaveDuplicates().hasSize((int) entries);

      TaskOutcome second = task.call();
      assertThat(second.status()).isEqualTo(TaskOutcome.Status.SUCCEEDED);
      assertThat(second.detail()).startsWith("nothing waiting");
    }
  }
}
