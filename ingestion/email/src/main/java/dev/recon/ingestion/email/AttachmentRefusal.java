package dev.recon.ingestion.email;

import java.util.Objects;

/**
 * Why a file from a message was not published. {@code fileName} is the name as sent (it may be
 * hostile, e.g. {@code ../evil.csv}); {@code detail} is fit for the audit log.
 */
public record AttachmentRefusal(String fileName, Reason reason, String detail) {

  public enum Reason {
    TOO_MANY_ATTACHMENTS,
    UNSAFE_NAME,
    TYPE_NOT_ALLOWED,
    CONTENT_TYPE_MISMATCH,
    TOO_LARGE,
    EMPTY,
    ZIP_TOO_MANY_ENTRIES,
    ZIP_TOO_LARGE_UNCOMPRESSED,
    ZIP_COMPRESSION_RATIO,
    ZIP_NESTED_ARCHIVE,
    ZIP_UNSAFE_ENTRY_NAME,
    ZIP_DUPLICATE_ENTRY,
    ZIP_METADATA_ENTRY,
    ZIP_UNREADABLE
  }

  public AttachmentRefusal {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** One line for the audit log: the reason code and its detail. */
  public String auditDetail() {
    return reason + ": " + detail;
  }
}
