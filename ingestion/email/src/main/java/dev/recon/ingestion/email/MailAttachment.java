package dev.recon.ingestion.email;

import java.util.Objects;

/**
 * One attachment as the MIME walk found it: declared name and content type, and its decoded bytes
 * exactly as sent (the walk reads at most one byte more than the size limit, so an oversized
 * attachment shows as longer than the limit without being read whole).
 */
@SuppressWarnings("ArrayRecordComponent") // bytes are carried, never compared
public record MailAttachment(String fileName, String contentType, byte[] bytes) {
  public MailAttachment {
    fileName = Objects.requireNonNullElse(fileName, "");
    contentType = Objects.requireNonNullElse(contentType, "");
    Objects.requireNonNull(bytes, "bytes");
  }
}
