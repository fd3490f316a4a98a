package dev.recon.app.reports;

import dev.recon.ingestion.store.ConnectorOffsets;
import dev.recon.ingestion.store.TenantTransactions;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Schedule progress as a small offset record in {@code ingestion.connector_offsets}, under the
 * schedule's tenant (row-level security applies) with connector id {@value #CONNECTOR_ID}: the same
 * durable, per-tenant progress table the connectors use, so no further schema is needed.
 */
public final class OffsetProgressStore implements ScheduleProgressStore {

  public static final String CONNECTOR_ID = "report-scheduler";

  private final ConnectorOffsets offsets;

  /**
   * @param appRole a login of the application role
   */
  public OffsetProgressStore(DataSource appRole) {
    this.offsets = new ConnectorOffsets(new TenantTransactions(appRole));
  }

  @Override
  public Optional<ScheduleProgress> load(String tenant, String scheduleKey) {
    return offsets.load(tenant, CONNECTOR_ID, scheduleKey).map(ScheduleProgress::fromMap);
  }

  @Override
  public void save(String tenant, String scheduleKey, ScheduleProgress progress) {
    offsets.save(tenant, CONNECTOR_ID, scheduleKey, progress.toMap());
  }
}
