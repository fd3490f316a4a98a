package dev.recon.ingestion.sftp;

import dev.recon.ingestion.file.RawFile;
import dev.recon.ingestion.publish.PublishFailedException;
import dev.recon.ingestion.publish.PublishReceipt;
import dev.recon.ingestion.publish.RawRecordPublisher;
import dev.recon.ingestion.sftp.RemoteFolder.Download;
import dev.recon.ingestion.sftp.RemoteFolder.Entry;
import dev.recon.ingestion.sftp.RemoteFolder.Kind;
import dev.recon.ingestion.sftp.RemotePaths.NameProblem;
import dev.recon.ingestion.sftp.TransferProgress.Stage;
import dev.recon.ingestion.store.AuditOutcome;
import dev.recon.ingestion.store.ConnectorOffsets;
import dev.recon.ingestion.store.PublishedObjects;
import dev.recon.schemas.RawRecord;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file's way from the root folder to Kafka and the archive (or to quarantine), with its
 * progress stored before every step that cannot be undone, and the resumption of a file a crash or
 * failure left in flight. The progress record has one slot per source: the poller works on one file
 * at a time and stops a poll after a failure, so the slot is never overwritten while in flight.
 */
final class FileTransfer {
  private static final Logger LOG = LoggerFactory.getLogger(FileTransfer.class);

  private final SftpSourceConfig config;
  private final RawRecordPublisher publisher;
  private final ConnectorOffsets offsets;
  private final PublishedObjects published;
  private final SourceAudit audit;
  private final Clock clock;
  private final String progressKey;

  FileTransfer(
      SftpSourceConfig config,
      RawRecordPublisher publisher,
      ConnectorOffsets offsets,
      PublishedObjects published,
      SourceAudit audit,
      Clock clock) {
    this.config = config;
    this.publisher = publisher;
    this.offsets = offsets;
    this.published = published;
    this.audit = audit;
    this.clock = clock;
    this.progressKey = "progress:" + config.remoteRoot();
  }

  /**
   * Takes one stable file; false when it failed for an infrastructure reason (counted, audited).
   */
  boolean take(RemoteFolder folder, Entry entry, PollTally tally) {
    return handleFailures(
        RemotePaths.cleanName(entry.name()), tally, () -> takeNew(folder, entry, tally));
  }

  /** A step that may fail for infrastructure reasons. */
  private interface Step {
    void run();
  }

  /** Runs one file's step; an infrastructure failure is counted and audited. False if it failed. */
  private boolean handleFailures(String subject, PollTally tally, Step step) {
    try {
      step.run();
      return true;
    } catch (RemoteFolderException | PublishFailedException | DataAccessException e) {
      tally.failed++;
      LOG.warn("{} {}: {}", config.connectorId(), subject, e.getMessage());
      audit.recordQuietly("take", subject, AuditOutcome.FAILED, e.getMessage());
      return false;
    }
  }

  // ---- a new stable file ----

  private void takeNew(RemoteFolder folder, Entry entry, PollTally tally) {
    String name = entry.name();
    Optional<NameProblem> problem = RemotePaths.nameProblem(name);
    if (problem.isPresent() && problem.get() == NameProblem.ESCAPES_ROOT) {
      tally.failed++;
      record(
          "take",
          RemotePaths.cleanName(name),
          AuditOutcome.REJECTED,
          "the server listed a name containing '/': not touched");
      return;
    }
    if (problem.isPresent()) {
      quarantine(
          folder, name, "unsafe file name (backslash, control character or too long)", tally);
      return;
    }
    String path = RemotePaths.child(config.remoteRoot(), name);
    if (entry.kind() == Kind.LINK) {
      Optional<String> target =
          folder
              .readLink(path)
              .flatMap(t -> RemotePaths.resolve(config.remoteRoot(), t))
              .filter(t -> RemotePaths.isConfined(config.remoteRoot(), t));
      quarantine(
          folder,
          name,
          target.isPresent()
              ? "symbolic link (only regular files are taken)"
              : "symbolic link leading outside the root folder",
          tally);
      return;
    }
    long limit = config.limits().maxFileBytes();
    if (entry.size() > limit) {
      quarantine(
          folder,
          name,
          "file is " + entry.size() + " bytes, over the limit of " + limit + " bytes",
          tally);
      return;
    }
    Download download = folder.read(path, limit);
    if (download instanceof Download.TooLarge) {
      quarantine(folder, name, "file grew over the limit of " + limit + " bytes while read", tally);
      return;
    }
    if (download instanceof Download.Unreadable unreadable) {
      quarantine(folder, name, "unreadable: " + unreadable.reason(), tally);
      return;
    }
    byte[] bytes = ((Download.Complete) download).bytes();
    Optional<Entry> after = folder.lstat(path);
    if (after.isEmpty()
        || after.get().size() != entry.size()
        || after.get().mtimeSeconds() != entry.mtimeSeconds()
        || bytes.length != entry.size()) {
      tally.waiting++; // changed while read: stability starts over
      return;
    }
    String sha256 = RawFile.sha256Hex(bytes);
    boolean duplicate = published.find(config.tenantId(), config.source(), sha256).isPresent();
    TransferProgress progress =
        TransferProgress.downloaded(path, entry.size(), entry.mtimeSeconds(), sha256, duplicate);
    save(progress);
    publishAndArchive(folder, progress, bytes, tally);
  }

  /** From DOWNLOADED, known not to be published yet: publish (unless a duplicate), archive. */
  private void publishAndArchive(
      RemoteFolder folder, TransferProgress progress, byte[] bytes, PollTally tally) {
    TransferProgress next = progress;
    if (!progress.duplicate()) {
      next = progress.published(publish(progress, bytes));
      save(next);
    }
    archive(folder, next, tally);
  }

  private PublishReceipt publish(TransferProgress progress, byte[] bytes) {
    RawRecord raw =
        RawFile.toRawRecord(
            new RawFile.Origin(
                config.tenantId(),
                config.source(),
                config.psp(),
                fileName(progress.path()),
                config.formatHint()),
            bytes,
            clock.instant(),
            UUID.randomUUID().toString());
    PublishReceipt receipt = publisher.publish(raw);
    published.record(config.tenantId(), config.source(), progress.contentSha256(), receipt);
    return receipt;
  }

  private void archive(RemoteFolder folder, TransferProgress progress, PollTally tally) {
    folder.ensureFolder(config.archiveFolder());
    String target = freePath(folder, config.archiveFolder(), fileName(progress.path()));
    folder.rename(progress.path(), target);
    recordOutcome(progress, "archived as " + target);
    save(progress.archived(target));
    count(progress, tally);
  }

  private void quarantine(RemoteFolder folder, String name, String reason, PollTally tally) {
    folder.ensureFolder(config.quarantineFolder());
    String target = freePath(folder, config.quarantineFolder(), RemotePaths.cleanName(name));
    folder.rename(RemotePaths.child(config.remoteRoot(), name), target);
    record(
        "quarantine",
        RemotePaths.cleanName(name),
        AuditOutcome.QUARANTINED,
        reason + "; moved to " + target);
    tally.quarantined++;
  }

  private String freePath(RemoteFolder folder, String destination, String name) {
    try {
      return ArchiveNames.freePath(destination, name, folder::exists, clock.instant());
    } catch (IllegalStateException e) {
      throw new RemoteFolderException(e.getMessage(), e);
    }
  }

  // ---- the file in flight after a crash or failure ----

  /**
   * Finishes the file a previous poll left in flight. Empty when there was none; true when it was
   * finished (or given back), false when it failed again.
   */
  Optional<Boolean> resume(RemoteFolder folder, PollTally tally) {
    Optional<Map<String, String>> stored =
        offsets.load(config.tenantId(), config.connectorId(), progressKey);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    TransferProgress progress;
    try {
      progress = TransferProgress.fromMap(stored.get());
    } catch (IllegalArgumentException e) {
      // dedupe by content keeps a published file from being published again
      record("resume", config.remoteRoot(), AuditOutcome.FAILED, "unreadable progress discarded");
      save(TransferProgress.downloaded(config.remoteRoot(), 0, 0, "", false).released());
      return Optional.empty();
    }
    if (!progress.inFlight()) {
      return Optional.empty();
    }
    String path = progress.path();
    if (!RemotePaths.isConfined(config.remoteRoot(), path)
        || !RemotePaths.child(config.remoteRoot(), fileName(path)).equals(path)) {
      record(
          "resume",
          RemotePaths.cleanName(path),
          AuditOutcome.FAILED,
          "stored progress names a file outside the root folder: discarded");
      save(progress.released());
      return Optional.empty();
    }
    TransferProgress inFlight = progress;
    return Optional.of(handleFailures(path, tally, () -> finishInFlight(folder, inFlight, tally)));
  }

  private void finishInFlight(RemoteFolder folder, TransferProgress progress, PollTally tally) {
    String path = progress.path();
    Optional<Entry> now = folder.lstat(path);
    if (now.isEmpty()) {
      vanished(progress, tally);
      return;
    }
    if (now.get().size() != progress.size()
        || now.get().mtimeSeconds() != progress.mtimeSeconds()) {
      record(
          "resume",
          path,
          AuditOutcome.FAILED,
          "changed since it was downloaded: left to be taken again as a new file");
      save(progress.released());
      tally.waiting++;
      return;
    }
    if (progress.stage() == Stage.PUBLISHED || progress.duplicate()) {
      archive(folder, progress, tally);
      return;
    }
    Optional<PublishReceipt> earlier =
        published.find(config.tenantId(), config.source(), progress.contentSha256());
    if (earlier.isPresent()) {
      TransferProgress next = progress.published(earlier.get());
      save(next);
      archive(folder, next, tally);
      return;
    }
    Download download = folder.read(path, config.limits().maxFileBytes());
    if (!(download instanceof Download.Complete complete)
        || !RawFile.sha256Hex(complete.bytes()).equals(progress.contentSha256())) {
      record(
          "resume",
          path,
          AuditOutcome.FAILED,
          "content differs from what was downloaded: left to be taken again as a new file");
      save(progress.released());
      tally.waiting++;
      return;
    }
    publishAndArchive(folder, progress, complete.bytes(), tally);
  }

  /** The file in flight is no longer in the root. */
  private void vanished(TransferProgress progress, PollTally tally) {
    if (progress.stage() == Stage.PUBLISHED || progress.duplicate()) {
      // the move to the archive happened; the crash came before it was recorded
      recordOutcome(progress, "archived before a restart");
      save(progress.archived(null));
      count(progress, tally);
      return;
    }
    Optional<PublishReceipt> earlier =
        published.find(config.tenantId(), config.source(), progress.contentSha256());
    if (earlier.isPresent()) {
      TransferProgress done = progress.published(earlier.get());
      recordOutcome(done, "removed from the folder by someone else before it was archived");
      save(done.archived(null));
      count(done, tally);
      return;
    }
    record(
        "resume",
        progress.path(),
        AuditOutcome.FAILED,
        "removed from the folder by someone else before it was published");
    save(progress.released());
    tally.failed++;
  }

  // ---- bookkeeping ----

  private void count(TransferProgress progress, PollTally tally) {
    if (progress.duplicate()) {
      tally.duplicates++;
    } else {
      tally.taken++;
    }
  }

  private void recordOutcome(TransferProgress progress, String what) {
    if (progress.duplicate()) {
      record(
          "take",
          progress.path(),
          AuditOutcome.DUPLICATE,
          "content (sha256 "
              + progress.contentSha256()
              + ") was published before: not published again; "
              + what);
    } else {
      PublishReceipt r = progress.receipt();
      record(
          "take",
          progress.path(),
          AuditOutcome.ACCEPTED,
          progress.size()
              + " bytes, sha256 "
              + progress.contentSha256()
              + ", published as "
              + r.rawId()
              + " at "
              + r.topic()
              + "-"
              + r.partition()
              + "@"
              + r.offset()
              + "; "
              + what);
    }
  }

  private void save(TransferProgress progress) {
    offsets.save(config.tenantId(), config.connectorId(), progressKey, progress.toMap());
  }

  private void record(String action, String subject, AuditOutcome outcome, String detail) {
    audit.record(action, subject, outcome, detail);
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
