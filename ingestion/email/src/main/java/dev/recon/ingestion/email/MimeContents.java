package dev.recon.ingestion.email;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The attachments found in one message, or why its MIME structure is not read further (too deep,
 * too many parts, more content than the message limit).
 */
record MimeContents(List<MailAttachment> attachments, Optional<String> problem) {
  MimeContents {
    attachments = List.copyOf(attachments);
    Objects.requireNonNull(problem, "problem");
  }
}
