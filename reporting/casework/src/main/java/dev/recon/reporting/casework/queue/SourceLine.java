package dev.recon.reporting.casework.queue;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a record came from: its original document and line, and the line's text when the document
 * is kept and numbered by lines.
 *
 * @param line 1-based physical line (or entry ordinal for XML), 0 when not applicable
 * @param documentStored false when the document is not in casework (not recorded, or over the cap)
 */
public record SourceLine(
    String documentSha256,
    String source,
    String fileName,
    Instant receivedAt,
    int line,
    boolean documentStored,
    Optional<String> text) {}
