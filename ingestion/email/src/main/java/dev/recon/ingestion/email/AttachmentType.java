package dev.recon.ingestion.email;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file the email connector takes. The extension decides the kind; the declared content
 * type must then be one a mailer plausibly uses for it, so a renamed executable with a {@code .csv}
 * name but an {@code application/x-msdownload} type is refused. {@code application/octet-stream} is
 * accepted for every kind because many bank and PSP mailers send all attachments with it.
 */
@SuppressWarnings("ImmutableEnumChecker") // the sets are Set.of, hence immutable
public enum AttachmentType {
  CSV(".csv", Set.of("text/csv", "text/plain", "application/csv", "application/vnd.ms-excel")),
  XML(".xml", Set.of("application/xml", "text/xml")),
  TXT(".txt", Set.of("text/plain")),
  ZIP(".zip", Set.of("application/zip", "application/x-zip-compressed", "application/x-zip"));

  public static final String GENERIC_BINARY = "application/octet-stream";

  private final String extension;
  private final Set<String> contentTypes;

  AttachmentType(String extension, Set<String> contentTypes) {
    this.extension = extension;
    this.contentTypes = contentTypes;
  }

  public String extension() {
    return extension;
  }

  /** The kind named by the file's extension (case-insensitive), if it is one of ours. */
  public static Optional<AttachmentType> byFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (AttachmentType t : values()) {
      if (lower.endsWith(t.extension) && lower.length() > t.extension.length()) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a declared MIME content type fits this kind; parameters ({@code ; charset=...}) and
   * case are ignored.
   */
  public boolean acceptsContentType(String contentType) {
    String base = baseType(contentType);
    return GENERIC_BINARY.equals(base) || contentTypes.contains(base);
  }

  static String baseType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String base = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return base.trim().toLowerCase(Locale.ROOT);
  }
}
