package dev.recon.ingestion.api;

import dev.recon.ingestion.schedule.TaskOutcome;
import java.util.Objects;

/**
 * What one poll of a provider API did. A failing provider ends the poll with {@link Status#FAILED}
 * and a reason; progress made before the failure is kept and the next poll resumes from it.
 *
 * @param published responses published to Kafka as raw records in this poll
 * @param duplicates responses already published earlier (same dedupe key): not published again
 * @param detail why the poll failed or stopped early, or a short note; never secrets or content
 */
public record PollSummary(
    String tenantId,
    String connectorId,
    Status status,
    int published,
    int duplicates,
    String detail) {

  public enum Status {
    /** Everything available was fetched. */
    COMPLETED,
    /** A per-poll limit was reached; the next poll continues where this one stopped. */
    PARTIAL,
    /** The provider or Kafka failed; the next poll retries from the last saved progress. */
    FAILED
  }

  public PollSummary {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(status, "status");
    detail = Objects.requireNonNullElse(detail, "");
  }

  /** For the scheduler's run record: a partial poll succeeded (it made progress). */
  public TaskOutcome toTaskOutcome() {
    String text =
        connectorId
            + " for "
            + tenantId
            + ": "
            + status
            + ", "
            + published
            + " published, "
            + duplicates
            + " duplicate(s)"
            + (detail.isEmpty() ? "" : "; " + detail);
    return status == Status.FAILED ? TaskOutcome.failed(text) : TaskOutcome.succeeded(text);
  }
}
