package dev.recon.reporting.casework;

import java.util.List;

/**
 * What {@link CaseStore#recordRun} changed. Everything already stored is skipped, so recording the
 * same outputs again gives all zeros and no audit event.
 *
 * @param documentsOverCap sha256 of documents larger than {@link CaseStore#MAX_DOCUMENT_BYTES},
 *     stored without their content (their lines cannot be shown)
 * @param exceptionsResolved open breaks this run resolved
 * @param auditSeq the seq of the run's audit event, 0 when nothing changed
 */
public record RecordRunResult(
    int documentsStored,
    List<String> documentsOverCap,
    int recordsStored,
    int matchesStored,
    int exceptionsStored,
    int resolutionsStored,
    int exceptionsResolved,
    int deadLettersStored,
    long auditSeq) {

  public RecordRunResult {
    documentsOverCap = List.copyOf(documentsOverCap);
  }

  public boolean changedAnything() {
    return documentsStored
            + recordsStored
            + matchesStored
            + exceptionsStored
            + resolutionsStored
            + exceptionsResolved
            + deadLettersStored
        > 0;
  }
}
