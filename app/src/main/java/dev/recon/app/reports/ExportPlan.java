package dev.recon.app.reports;

import dev.recon.ingestion.schedule.CronSchedule;
import dev.recon.reporting.export.ExportFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code exports} section: on its schedule, each tenant's analyst datasets are exported as
 * {@code recon export} does, continuing from the watermark of the last manifest at the destination.
 */
public record ExportPlan(
    CronSchedule schedule,
    List<String> tenants,
    Set<ExportFormat> formats,
    List<String> datasets,
    StorageLocation to) {

  public ExportPlan {
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(to, "to");
    tenants = List.copyOf(tenants);
    formats = Set.copyOf(EnumSet.copyOf(formats));
    datasets = List.copyOf(datasets);
  }
}
