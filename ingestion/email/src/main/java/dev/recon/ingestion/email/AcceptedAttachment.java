package dev.recon.ingestion.email;

import java.util.Objects;

/**
 * A file that passed every check and becomes one raw record. {@code fileName} is the attachment's
 * name, or {@code archive.zip!/entry.csv} for a zip entry, so provenance says where it came from.
 */
@SuppressWarnings("ArrayRecordComponent") // bytes are carried, never compared
public record AcceptedAttachment(String fileName, AttachmentType type, byte[] bytes) {
  public AcceptedAttachment {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(bytes, "bytes");
  }
}
