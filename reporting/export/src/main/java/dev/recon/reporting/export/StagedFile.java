package dev.recon.reporting.export;

import java.nio.file.Path;
import java.time.LocalDate;

/** A part file written locally, before it is stored in the target under {@code key}. */
record StagedFile(String key, Path file, ExportFormat format, LocalDate date, long rows) {}
