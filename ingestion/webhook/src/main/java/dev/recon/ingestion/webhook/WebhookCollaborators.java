package dev.recon.ingestion.webhook;

import dev.recon.ingestion.publish.RawRecordPublisher;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.store.ConnectorAuditLog;
import dev.recon.ingestion.store.PublishedObjects;
import dev.recon.ingestion.store.TenantTransactions;
import java.time.Clock;
import java.util.Objects;

/**
 * What the receiver works with. The caller owns them: closing the server does not close the
 * publisher (its producer may be shared with other connectors).
 */
public record WebhookCollaborators(
    RawRecordPublisher publisher,
    PublishedObjects publishedObjects,
    ConnectorAuditLog auditLog,
    SecretResolver secrets,
    Clock clock) {

  public WebhookCollaborators {
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(publishedObjects, "publishedObjects");
    Objects.requireNonNull(auditLog, "auditLog");
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(clock, "clock");
  }

  /** The usual wiring: dedupe and audit in the connector-state database of the app role. */
  public static WebhookCollaborators of(
      RawRecordPublisher publisher, TenantTransactions tx, SecretResolver secrets, Clock clock) {
    return new WebhookCollaborators(
        publisher, new PublishedObjects(tx), new ConnectorAuditLog(tx), secrets, clock);
  }
}
