package dev.recon.app.schedule;

import dev.recon.app.pipeline.PipelineContext;
import dev.recon.app.pipeline.ReconcileRequest;
import dev.recon.app.pipeline.ReconcileResult;
import dev.recon.app.pipeline.ReconcileRun;
import dev.recon.app.pipeline.TenantPostingTables;
import dev.recon.app.pipeline.TopicAdmin;
import dev.recon.ingestion.schedule.TaskOutcome;
import dev.recon.matching.tolerant.ParsedRuleSet;
import dev.recon.matching.tolerant.ToleranceRuleSet;
import dev.recon.matching.tolerant.ToleranceRuleYaml;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/** Runs one {@link ReconciliationSchedule} once: the task behind its cron schedule. */
public final class ScheduledReconciliation implements Callable<TaskOutcome> {

  static final String DONE_FOLDER = "done";
  private static final DateTimeFormatter RUN_FOLDER =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final ReconciliationSchedule schedule;
  private final PipelineContext context;
  private final Clock clock;
  private TenantPostingTables postingTables = TenantPostingTables.builtIn();

  public ScheduledReconciliation(
      ReconciliationSchedule schedule, PipelineContext context, Clock clock) {
    this.schedule = schedule;
    this.context = context;
    this.clock = clock;
  }

  /** Books by these tables ({@code recon run --posting-rules}); the built-in one by default. */
  public ScheduledReconciliation withPostingTables(TenantPostingTables tables) {
    this.postingTables = Objects.requireNonNull(tables, "tables");
    return this;
  }

  @Override
  public TaskOutcome call() throws Exception {
    List<Path> expected = InboxFiles.matching(schedule.inbox(), schedule.expected());
    List<Path> psp = InboxFiles.matching(schedule.inbox(), schedule.psp());
    List<Path> bank = InboxFiles.matching(schedule.inbox(), schedule.bank());
    if (expected.isEmpty() && psp.isEmpty() && bank.isEmpty()) {
      return TaskOutcome.succeeded("nothing waiting in " + schedule.inbox());
    }
    Path runDir = schedule.out().resolve(RUN_FOLDER.format(clock.instant()));
    ReconcileRequest request =
        new ReconcileRequest(
            schedule.tenant(),
            expected,
            psp,
            bank,
            Map.of(),
            runDir,
            clock.instant(),
            ToleranceRuleSet.defaults());
    if (schedule.rules() != null) {
      ParsedRuleSet parsed = ToleranceRuleYaml.read(schedule.rules());
      if (!parsed.isValid()) {
        return TaskOutcome.failed(schedule.rules() + ": " + parsed.errors());
      }
      request = request.withRules(parsed);
    }
    StringWriter log = new StringWriter();
    ReconcileResult result;
    try (TopicAdmin admin = new TopicAdmin(context.kafka())) {
      result =
          new ReconcileRun(context, admin, new PrintWriter(log, true), clock)
              .withPostingTables(postingTables)
              .run(request);
    }
    if (!result.couldRun()) {
      return TaskOutcome.failed("could not run: " + result.problems());
    }
    List<Path> inputs = new ArrayList<>(expected);
    inputs.addAll(psp);
    inputs.addAll(bank);
    moveToDone(inputs);
    return TaskOutcome.succeeded(
        inputs.size()
            + " file(s) -> "
            + runDir
            + ": "
            + result.matches()
            + " match(es), "
            + result.exceptions()
            + " exception(s), "
            + result.deadLetters()
            + " bad row(s), "
            + result.newLedgerEntries()
            + " new ledger entries"
            + (result.problems().isEmpty() ? "" : "; problems: " + result.problems()));
  }

  /** Reconciled files leave the inbox so the next run does not take them again. */
  private void moveToDone(List<Path> files) throws java.io.IOException {
    Path done = Files.createDirectories(schedule.inbox().resolve(DONE_FOLDER));
    String stamp = RUN_FOLDER.format(clock.instant());
    for (Path file : files) {
      Path target = done.resolve(file.getFileName());
      if (Files.exists(target)) {
        target = done.resolve(stamp + "-" + file.getFileName());
      }
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
