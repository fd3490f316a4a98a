package dev.recon.ingestion.email;

import dev.recon.ingestion.email.AttachmentRefusal.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, without I/O, which attachments of one message are published: bytes in, accepted files
 * and refusals with reasons out. Accepted bytes are the attachment's bytes unchanged (CRLF, a
 * missing final newline and any encoding pass through; normalization reads them).
 */
public final class AttachmentExtraction {

  /** The name used in a refusal that concerns the whole message rather than one attachment. */
  public static final String WHOLE_MESSAGE = "(message)";

  private final Set<AttachmentType> allowedTypes;
  private final MailLimits limits;

  public AttachmentExtraction(Set<AttachmentType> allowedTypes, MailLimits limits) {
    this.allowedTypes = Set.copyOf(allowedTypes);
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public Extraction extract(List<MailAttachment> attachments) {
    if (attachments.size() > limits.maxAttachmentsPerMessage()) {
      return Extraction.refused(
          new AttachmentRefusal(
              WHOLE_MESSAGE,
              Reason.TOO_MANY_ATTACHMENTS,
              "message has more than "
                  + limits.maxAttachmentsPerMessage()
                  + " attachments; none is taken"));
    }
    Extraction result = new Extraction(List.of(), List.of());
    for (MailAttachment attachment : attachments) {
      result = result.plus(one(attachment));
    }
    return result;
  }

  private Extraction one(MailAttachment a) {
    String name = a.fileName();
    if (!AttachmentNames.isPlainFileName(name)) {
      return refuse(name, Reason.UNSAFE_NAME, "attachment name is not a plain file name");
    }
    Optional<AttachmentType> type = AttachmentType.byFileName(name);
    if (type.isEmpty() || !allowedTypes.contains(type.get())) {
      return refuse(
          name, Reason.TYPE_NOT_ALLOWED, "file type is not one of " + allowedExtensions());
    }
    if (!type.get().acceptsContentType(a.contentType())) {
      return refuse(
          name,
          Reason.CONTENT_TYPE_MISMATCH,
          "content type "
              + AttachmentType.baseType(a.contentType())
              + " does not fit a "
              + type.get().extension()
              + " file");
    }
    if (a.bytes().length > limits.maxAttachmentBytes()) {
      return refuse(
          name, Reason.TOO_LARGE, "attachment is over " + limits.maxAttachmentBytes() + " bytes");
    }
    if (a.bytes().length == 0) {
      return refuse(name, Reason.EMPTY, "attachment is empty");
    }
    if (type.get() == AttachmentType.ZIP) {
      return new ZipExtraction(allowedTypes, limits).extract(name, a.bytes());
    }
    return new Extraction(List.of(new AcceptedAttachment(name, type.get(), a.bytes())), List.of());
  }

  private List<String> allowedExtensions() {
    List<String> extensions = new ArrayList<>();
    for (AttachmentType t : AttachmentType.values()) {
      if (allowedTypes.contains(t)) {
        extensions.add(t.extension());
      }
    }
    return extensions;
  }

  private static Extraction refuse(String name, Reason reason, String detail) {
    return Extraction.refused(new AttachmentRefusal(name, reason, detail));
  }
}
