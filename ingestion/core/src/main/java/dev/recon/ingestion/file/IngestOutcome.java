package dev.recon.ingestion.file;

import java.nio.file.Path;

/** What happened to one file handed to the ingestor: published to Kafka, or refused with why. */
public sealed interface IngestOutcome {

  Path file();

  /** The file is durably on the raw topic (acknowledged by all in-sync replicas). */
  record Published(Path file, String rawId, String contentSha256, int partition, long offset)
      implements IngestOutcome {}

  /** The file never reached Kafka; reason names the limit or I/O problem. */
  record Refused(Path file, String reason) implements IngestOutcome {}
}
