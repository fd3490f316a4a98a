package dev.recon.ingestion.schedule;

import java.time.Instant;

/** What the database knows about a scheduled task: its lease and its last run. */
public record TaskRecord(
    String taskId,
    String cron,
    String leaseOwner,
    Instant leaseUntil,
    Instant lastStartedAt,
    Instant lastFinishedAt,
    String lastOutcome,
    String lastDetail,
    long runs) {}
