package dev.recon.app.schedule;

import dev.recon.ingestion.schedule.CronSchedule;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One scheduled reconciliation: on its cron schedule, the files waiting in {@code inbox} that match
 * the role patterns are reconciled as one bounded run (as {@code recon reconcile} does), the
 * contract files go to a new folder under {@code out}, and the inputs move to {@code inbox/done/}.
 */
public record ReconciliationSchedule(
    String tenant,
    CronSchedule schedule,
    Path inbox,
    List<String> expected,
    List<String> psp,
    List<String> bank,
    Path out,
    Path rules) {

  public ReconciliationSchedule {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(inbox, "inbox");
    Objects.requireNonNull(out, "out");
    expected = List.copyOf(expected);
    psp = List.copyOf(psp);
    bank = List.copyOf(bank);
  }

  /** Unique per tenant and inbox, so two processes never run the same reconciliation at once. */
  public String taskId() {
    return "reconcile:" + tenant + ":" + inbox.toAbsolutePath().normalize();
  }
}
