package dev.recon.ingestion.email;

import dev.recon.ingestion.email.AttachmentRefusal.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens one zip attachment in memory, one level deep. Limits are enforced on the bytes actually
 * inflated, never on the sizes the archive declares (which an attacker writes). A breach of an
 * archive-wide limit (entries, total size, compression ratio, an unsafe or duplicate entry name, a
 * corrupt archive) refuses the whole archive, since it is hostile or broken; an entry of a type not
 * taken (including a nested archive) is refused alone.
 */
final class ZipExtraction {

  /** Archives are opened at depth 1 only: a zip inside the attachment is refused, not opened. */
  static final int MAX_ARCHIVE_DEPTH = 1;

  /** Separates archive and entry in the file name of a published entry: {@code a.zip!/b.csv}. */
  static final String ENTRY_SEPARATOR = "!/";

  /** macOS Finder adds these resource-fork copies; they carry the real files' extensions. */
  static final String MACOS_METADATA_FOLDER = "__MACOSX/";

  private static final int BUFFER_BYTES = 8192;

  private final Set<AttachmentType> allowedTypes;
  private final MailLimits limits;

  ZipExtraction(Set<AttachmentType> allowedTypes, MailLimits limits) {
    this.allowedTypes = Set.copyOf(allowedTypes);
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** Why the whole archive is refused; thrown only inside this class, to unwind the read loop. */
  private static final class ArchiveRefused extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient AttachmentRefusal refusal;

    ArchiveRefused(AttachmentRefusal refusal) {
      super(refusal.detail(), null, false, false);
      this.refusal = refusal;
    }
  }

  Extraction extract(String archiveName, byte[] archive) {
    try {
      return read(archiveName, archive);
    } catch (ArchiveRefused e) {
      return Extraction.refused(e.refusal);
    } catch (IOException | IllegalArgumentException e) {
      // ZipException for corrupt data or encryption; IllegalArgumentException for malformed names
      return Extraction.refused(
          new AttachmentRefusal(
              archiveName, Reason.ZIP_UNREADABLE, "archive cannot be read: " + e.getMessage()));
    }
  }

  private Extraction read(String archiveName, byte[] archive) throws IOException, ArchiveRefused {
    List<AcceptedAttachment> accepted = new ArrayList<>();
    List<AttachmentRefusal> refusals = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Budget budget = new Budget(archiveName, archive.length);
    int entries = 0;
    try (ZipInputStream zip =
        new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        entries++;
        if (entries > limits.maxZipEntries()) {
          throw refusal(
              archiveName,
              Reason.ZIP_TOO_MANY_ENTRIES,
              "archive has more than " + limits.maxZipEntries() + " entries");
        }
        String path = entry.getName();
        if (!AttachmentNames.isConfinedEntryPath(path)) {
          throw refusal(
              archiveName,
              Reason.ZIP_UNSAFE_ENTRY_NAME,
              "entry name escapes the archive or is malformed: " + AttachmentNames.printable(path));
        }
        if (!names.add(path)) {
          throw refusal(
              archiveName, Reason.ZIP_DUPLICATE_ENTRY, "entry " + path + " appears twice");
        }
        if (entry.isDirectory()) {
          budget.drain(zip, null, limits.maxAttachmentBytes());
          continue;
        }
        String fileName = archiveName + ENTRY_SEPARATOR + path;
        Optional<AttachmentRefusal> refusal = entryRefusal(fileName, path);
        if (refusal.isPresent()) {
          budget.drain(zip, null, limits.maxAttachmentBytes());
          refusals.add(refusal.get());
          continue;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        budget.drain(zip, out, limits.maxAttachmentBytes());
        byte[] bytes = out.toByteArray();
        if (bytes.length == 0) {
          refusals.add(new AttachmentRefusal(fileName, Reason.EMPTY, "entry is empty"));
          continue;
        }
        accepted.add(
            new AcceptedAttachment(fileName, AttachmentType.byFileName(path).orElseThrow(), bytes));
      }
    }
    if (entries == 0) {
      throw refusal(archiveName, Reason.ZIP_UNREADABLE, "no zip entry found");
    }
    return new Extraction(accepted, refusals);
  }

  private Optional<AttachmentRefusal> entryRefusal(String fileName, String path) {
    if (path.startsWith(MACOS_METADATA_FOLDER)) {
      return Optional.of(
          new AttachmentRefusal(fileName, Reason.ZIP_METADATA_ENTRY, "macOS metadata entry"));
    }
    Optional<AttachmentType> type = AttachmentType.byFileName(AttachmentNames.lastSegment(path));
    if (type.isPresent() && type.get() == AttachmentType.ZIP) {
      return Optional.of(
          new AttachmentRefusal(
              fileName,
              Reason.ZIP_NESTED_ARCHIVE,
              "archives are opened " + MAX_ARCHIVE_DEPTH + " level deep; nested archive refused"));
    }
    if (type.isEmpty() || !allowedTypes.contains(type.get())) {
      return Optional.of(
          new AttachmentRefusal(fileName, Reason.TYPE_NOT_ALLOWED, "entry file type not taken"));
    }
    return Optional.empty();
  }

  /** Counts every inflated byte of the archive against the archive-wide limits. */
  private final class Budget {
    private final String archiveName;
    private final long ratioCeiling;
    private long inflated;

    Budget(String archiveName, long archiveBytes) {
      this.archiveName = archiveName;
      this.ratioCeiling = archiveBytes * limits.maxZipCompressionRatio();
    }

    /** Reads the current entry to its end, keeping its bytes in {@code out} when given. */
    void drain(ZipInputStream zip, ByteArrayOutputStream out, long maxEntryBytes)
        throws IOException, ArchiveRefused {
      byte[] buffer = new byte[BUFFER_BYTES];
      long entryBytes = 0;
      int n;
      while ((n = zip.read(buffer)) > 0) {
        inflated += n;
        entryBytes += n;
        if (inflated > ratioCeiling) {
          throw refusal(
              archiveName,
              Reason.ZIP_COMPRESSION_RATIO,
              "archive inflates more than "
                  + limits.maxZipCompressionRatio()
                  + " times its size (zip bomb)");
        }
        if (inflated > limits.maxZipUncompressedBytes()) {
          throw refusal(
              archiveName,
              Reason.ZIP_TOO_LARGE_UNCOMPRESSED,
              "archive inflates to more than " + limits.maxZipUncompressedBytes() + " bytes");
        }
        if (entryBytes > maxEntryBytes) {
          throw refusal(
              archiveName, Reason.TOO_LARGE, "an entry is over " + maxEntryBytes + " bytes");
        }
        if (out != null) {
          out.write(buffer, 0, n);
        }
      }
    }
  }

  private static ArchiveRefused refusal(String archiveName, Reason reason, String detail) {
    return new ArchiveRefused(new AttachmentRefusal(archiveName, reason, detail));
  }
}
