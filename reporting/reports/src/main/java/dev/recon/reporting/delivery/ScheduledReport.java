package dev.recon.reporting.delivery;

import dev.recon.ledger.posting.JournalEntryInvariants;
import dev.recon.reporting.render.ReportFormat;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One configured report: what, for whom, when (a Unix five-field cron expression read in a zone, so
 * "0 6 * * *" is six in the morning where the finance team sits), in which formats, mailed to whom.
 *
 * @param recipients who gets the mail; empty to store only
 */
public record ScheduledReport(
    String tenant,
    ReportKind kind,
    String cron,
    ZoneId zone,
    Set<ReportFormat> formats,
    List<String> recipients) {

  public ScheduledReport {
    if (!JournalEntryInvariants.isTenantId(tenant)) {
      throw new IllegalArgumentException("not a tenant id: " + tenant);
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(cron, "cron");
    Objects.requireNonNull(zone, "zone");
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("a scheduled report needs at least one format");
    }
    formats = Set.copyOf(EnumSet.copyOf(formats));
    recipients = List.copyOf(recipients);
    if (recipients.size() > EmailDelivery.MAX_RECIPIENTS) {
      throw new IllegalArgumentException("at most " + EmailDelivery.MAX_RECIPIENTS + " recipients");
    }
  }
}
