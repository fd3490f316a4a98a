package dev.recon.app.connectors;

import dev.recon.ingestion.api.ConnectorState;
import dev.recon.ingestion.publish.RawRecordPublisher;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.store.ConnectorAuditLog;
import dev.recon.ingestion.store.ConnectorOffsets;
import dev.recon.ingestion.store.PublishedObjects;
import dev.recon.ingestion.store.TenantTransactions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;

/** What every connector is built from: one publish path, the connector-state stores, secrets. */
public record ConnectorServices(
    RawRecordPublisher publisher,
    ConnectorOffsets offsets,
    PublishedObjects published,
    ConnectorAuditLog audit,
    SecretResolver secrets,
    MeterRegistry meters,
    Clock clock) {

  public ConnectorServices {
    Objects.requireNonNull(meters, "meters");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(offsets, "offsets");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(clock, "clock");
  }

  public static ConnectorServices of(
      RawRecordPublisher publisher,
      TenantTransactions transactions,
      SecretResolver secrets,
      MeterRegistry meters,
      Clock clock) {
    return new ConnectorServices(
        publisher,
        new ConnectorOffsets(transactions),
        new PublishedObjects(transactions),
        new ConnectorAuditLog(transactions),
        secrets,
        meters,
        clock);
  }

  /** The API pollers' view of the same stores. */
  public ConnectorState state() {
    return new ConnectorState(offsets, published, audit);
  }
}
