package dev.recon.ingestion.api.mobilemoney;

import java.util.Objects;

/**
 * What a status check found for one payment reference.
 *
 * @param providerStatus the provider's status word (e.g. SUCCESSFUL, PENDING, TS), or null
 * @param detail why it was not checked or failed; never secrets
 */
public record ReferenceStatus(
    String reference, Result result, String providerStatus, String detail) {

  public enum Result {
    /** The status body was published as a raw record now. */
    PUBLISHED,
    /** The same status body had been published before (status unchanged): not published again. */
    UNCHANGED,
    /** The provider does not know this reference (a spoofed or mistyped callback). */
    NOT_FOUND,
    /** Not a reference of this provider's shape: never sent. */
    INVALID_REFERENCE,
    /** The provider refused or failed for this reference, or Kafka did not acknowledge. */
    FAILED,
    /** Not asked, because the provider was unavailable or a per-check limit was reached. */
    NOT_CHECKED
  }

  public ReferenceStatus {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(result, "result");
    detail = Objects.requireNonNullElse(detail, "");
  }
}
