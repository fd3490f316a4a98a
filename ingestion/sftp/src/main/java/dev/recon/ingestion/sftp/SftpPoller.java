package dev.recon.ingestion.sftp;

import dev.recon.ingestion.publish.RawRecordPublisher;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.sftp.RemoteFolder.Entry;
import dev.recon.ingestion.sftp.RemoteFolder.Kind;
import dev.recon.ingestion.sftp.RemotePaths.NameProblem;
import dev.recon.ingestion.sftp.SftpConnectionException.Reason;
import dev.recon.ingestion.store.AuditOutcome;
import dev.recon.ingestion.store.ConnectorAuditLog;
import dev.recon.ingestion.store.ConnectorOffsets;
import dev.recon.ingestion.store.PublishedObjects;
import dev.recon.schemas.RawRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Polls one tenant's SFTP folder: takes the files that are stable, publishes each whole file as one
 * {@link RawRecord} (waiting for Kafka's acknowledgement), and only then moves it to the archive;
 * content published before (under any name) is archived as a duplicate without a second record;
 * files it must not take go to quarantine. Progress is stored before every irreversible step, so a
 * crash at any point resumes on the next poll without losing or doubling a file (see {@link
 * FileTransfer}).
 *
 * <p>Works on one file at a time; after a failure it stops for this poll, so the stored progress of
 * the failed file is resumed first next time. Call {@link #pollOnce} from one scheduler (one poller
 * per source across processes); the instance serialises concurrent calls.
 */
public final class SftpPoller {

  /** Entries read from one listing of the root folder; the rest wait for later polls. */
  public static final int MAX_LISTED_ENTRIES = 10_000;

  private final SftpSourceConfig config;
  private final ConnectorOffsets offsets;
  private final SourceAudit audit;
  private final SecretResolver secrets;
  private final Clock clock;
  private final IncludePatterns patterns;
  private final FileTransfer transfer;
  private final Map<String, byte[]> firstUsePins = KnownHostKeys.newPinStore();
  private final String observationsKey;

  /**
   * @param secrets resolves the config's secret references at every connection (rotation works
   *     without a restart)
   * @throws InvalidSftpConfigException listing every problem of {@code config} in {@code mode}
   */
  public SftpPoller(
      SftpSourceConfig config,
      RuntimeMode mode,
      RawRecordPublisher publisher,
      ConnectorOffsets offsets,
      PublishedObjects published,
      ConnectorAuditLog audit,
      SecretResolver secrets,
      Clock clock) {
    this.config = Objects.requireNonNull(config, "config").requireValid(mode);
    this.offsets = Objects.requireNonNull(offsets, "offsets");
    this.audit = new SourceAudit(Objects.requireNonNull(audit, "audit"), config);
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.patterns = IncludePatterns.of(config.includePatterns());
    this.transfer =
        new FileTransfer(
            config,
            Objects.requireNonNull(publisher, "publisher"),
            offsets,
            Objects.requireNonNull(published, "published"),
            this.audit,
            clock);
    this.observationsKey = "stability:" + config.remoteRoot();
  }

  public SftpSourceConfig config() {
    return config;
  }

  /**
   * One poll: resume the file in flight, list the root, take up to the per-poll limit of stable
   * files. Failures of single files are counted (and audited) in the summary.
   *
   * @throws SftpConnectionException when the server could not be reached, was not recognised,
   *     refused the login, or the root could not be listed (audited; nothing was taken)
   */
  public synchronized PollSummary pollOnce() throws SftpConnectionException {
    PollTally tally = new PollTally();
    try (RemoteFolder folder = connect()) {
      int budget = config.limits().maxFilesPerPoll();
      Optional<Boolean> resumed = transfer.resume(folder, tally);
      if (resumed.isPresent() && !resumed.get()) {
        return tally.summary(); // the file in flight failed again: nothing new before it is done
      }
      if (resumed.isPresent()) {
        budget--;
      }
      Map<String, Entry> candidates = new HashMap<>();
      List<FileSighting> sightings = new ArrayList<>();
      for (Entry e : listRoot(folder)) {
        if (isCandidate(e)) {
          candidates.put(e.name(), e);
          sightings.add(new FileSighting(e.name(), e.size(), e.mtimeSeconds()));
        }
      }
      StabilityTracker.Assessment assessment = assessStability(sightings);
      tally.waiting += assessment.waiting().size();
      boolean failed = false;
      for (FileSighting file : assessment.stable()) {
        if (failed || budget <= 0) {
          tally.deferred++;
          continue;
        }
        budget--;
        failed = !transfer.take(folder, candidates.get(file.name()), tally);
      }
    }
    return tally.summary();
  }

  private boolean isCandidate(Entry e) {
    boolean fileLike = e.kind() == Kind.FILE || e.kind() == Kind.LINK;
    boolean directoryEntry =
        RemotePaths.nameProblem(e.name()).filter(p -> p == NameProblem.DIRECTORY_ENTRY).isPresent();
    return fileLike && !directoryEntry && patterns.matches(e.name());
  }

  /** Compares with the stored observations of earlier polls and stores this poll's. */
  private StabilityTracker.Assessment assessStability(List<FileSighting> sightings) {
    Map<String, String> stored =
        offsets.load(config.tenantId(), config.connectorId(), observationsKey).orElse(Map.of());
    StabilityTracker.Assessment assessment =
        StabilityTracker.assess(
            StabilityTracker.fromMap(stored),
            sightings,
            clock.instant(),
            config.limits().quietPeriod());
    offsets.save(
        config.tenantId(),
        config.connectorId(),
        observationsKey,
        StabilityTracker.toMap(assessment.observations()));
    return assessment;
  }

  private RemoteFolder connect() throws SftpConnectionException {
    String subject = config.host() + ":" + config.port();
    try {
      RemoteFolder folder = RemoteFolder.open(config, secrets, firstUsePins);
      folder
          .hostKeyPinnedOnFirstUse()
          .ifPresent(
              fingerprint ->
                  audit.record(
                      "connect",
                      subject,
                      AuditOutcome.ACCEPTED,
                      "development mode: host key "
                          + fingerprint
                          + " trusted on first use; add it to known_hosts"));
      return folder;
    } catch (SftpConnectionException e) {
      audit.recordQuietly(
          "connect",
          subject,
          e.reason() == Reason.HOST_KEY_REJECTED ? AuditOutcome.REJECTED : AuditOutcome.FAILED,
          e.getMessage());
      throw e;
    }
  }

  private List<Entry> listRoot(RemoteFolder folder) throws SftpConnectionException {
    List<Entry> entries;
    try {
      entries = folder.list(config.remoteRoot(), MAX_LISTED_ENTRIES + 1);
    } catch (RemoteFolderException e) {
      audit.recordQuietly("list", config.remoteRoot(), AuditOutcome.FAILED, e.getMessage());
      throw new SftpConnectionException(Reason.LISTING_FAILED, e.getMessage(), e);
    }
    if (entries.size() > MAX_LISTED_ENTRIES) {
      audit.record(
          "list",
          config.remoteRoot(),
          AuditOutcome.FAILED,
          "more than " + MAX_LISTED_ENTRIES + " entries: only the first are considered this poll");
      return entries.subList(0, MAX_LISTED_ENTRIES);
    }
    return entries;
  }
}
