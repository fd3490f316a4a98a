package dev.recon.ingestion.email;

import dev.recon.ingestion.file.RawFile;
import dev.recon.ingestion.publish.PublishFailedException;
import dev.recon.ingestion.publish.PublishReceipt;
import dev.recon.ingestion.publish.RawRecordPublisher;
import dev.recon.ingestion.secret.Secret;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.store.AuditEntry;
import dev.recon.ingestion.store.AuditOutcome;
import dev.recon.ingestion.store.ConnectorAuditLog;
import dev.recon.ingestion.store.ConnectorOffsets;
import dev.recon.ingestion.store.PublishedObjects;
import dev.recon.schemas.RawRecord;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one tenant's mailbox folder: each message above the stored UID is checked against the
 * allowed senders and limits, its accepted attachments are published as raw records (each once, by
 * content hash), and only then is the message flagged or moved and the offset advanced. A crash
 * anywhere in between repeats at most the current message, whose already published files the dedupe
 * skips; nothing is lost and nothing is published twice.
 */
public final class MailboxPoller {
  private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);

  static final String DEDUPE_KEY_PREFIX = "sha256:";

  private final MailboxConfig config;
  private final RawRecordPublisher publisher;
  private final ConnectorOffsets offsets;
  private final PublishedObjects published;
  private final ConnectorAuditLog audit;
  private final SecretResolver secrets;
  private final Clock clock;
  private final ImapTls tls;
  private final AllowedSenders senders;
  private final AttachmentExtraction extraction;

  /** Trusts the JVM's certificate authorities. */
  public MailboxPoller(
      MailboxConfig config,
      RawRecordPublisher publisher,
      ConnectorOffsets offsets,
      PublishedObjects published,
      ConnectorAuditLog audit,
      SecretResolver secrets,
      Clock clock) {
    this(config, publisher, offsets, published, audit, secrets, clock, ImapTls.systemTrust());
  }

  public MailboxPoller(
      MailboxConfig config,
      RawRecordPublisher publisher,
      ConnectorOffsets offsets,
      PublishedObjects published,
      ConnectorAuditLog audit,
      SecretResolver secrets,
      Clock clock,
      ImapTls tls) {
    this.config = Objects.requireNonNull(config, "config");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.offsets = Objects.requireNonNull(offsets, "offsets");
    this.published = Objects.requireNonNull(published, "published");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tls = Objects.requireNonNull(tls, "tls");
    this.senders = AllowedSenders.of(config.allowedSenders());
    this.extraction = new AttachmentExtraction(config.allowedTypes(), config.limits());
  }

  public MailboxConfig config() {
    return config;
  }

  /**
   * Handles up to {@link MailLimits#maxMessagesPerPoll()} new messages.
   *
   * @throws MailboxPollException when the mailbox cannot be reached or read (TLS, login, folder)
   * @throws PublishFailedException when Kafka did not acknowledge; the message stays unflagged
   * @throws dev.recon.ingestion.secret.SecretUnavailableException when the password is missing
   */
  public synchronized PollSummary pollOnce() {
    try {
      Secret password = secrets.resolve(config.passwordSecret());
      try (ImapMailbox box = ImapMailbox.open(config, tls, password)) {
        return poll(box);
      }
    } catch (MessagingException | IOException e) {
      auditFailure(e);
      throw new MailboxPollException(
          "mailbox " + config.connectorId() + " of tenant " + config.tenantId() + ": " + e, e);
    } catch (RuntimeException e) {
      auditFailure(e);
      throw e;
    }
  }

  private PollSummary poll(ImapMailbox box) throws MessagingException, IOException {
    long uidValidity = box.uidValidity();
    Optional<MailboxOffset> stored =
        offsets
            .load(config.tenantId(), config.connectorId(), config.folder())
            .map(MailboxOffset::fromMap);
    MailboxOffset offset = MailboxOffset.resume(stored, uidValidity);
    boolean rescan = stored.isPresent() && !stored.get().equals(offset);
    if (rescan) {
      record(
          "uidvalidity-changed",
          config.folder(),
          AuditOutcome.ACCEPTED,
          "UIDVALIDITY changed from "
              + stored.get().uidValidity()
              + " to "
              + uidValidity
              + ": scanning the folder again; files already published are not published again");
    }
    Tally tally = new Tally();
    for (long uid : box.uidsAfter(offset.lastUid(), config.limits().maxMessagesPerPoll())) {
      tally.examined++;
      handle(box, uidValidity, uid, tally);
      offset = offset.advancedTo(uid);
      save(offset);
    }
    if (rescan && offset.lastUid() == 0) {
      save(offset); // remember the new UIDVALIDITY even when the folder is empty
    }
    PollSummary summary =
        new PollSummary(
            config.tenantId(),
            config.folder(),
            uidValidity,
            offset.lastUid(),
            rescan,
            tally.examined,
            tally.processed,
            tally.rejected,
            tally.skipped,
            tally.publishedRawIds.size(),
            tally.duplicates,
            tally.refused,
            tally.publishedRawIds);
    LOG.info("email poll {}", summary);
    return summary;
  }

  private void handle(ImapMailbox box, long uidValidity, long uid, Tally tally)
      throws MessagingException, IOException {
    String subject = config.folder() + " uidvalidity " + uidValidity + " uid " + uid;
    Optional<Message> found = box.byUid(uid);
    if (found.isEmpty()) {
      tally.skipped++; // expunged by someone else since the UID list was read
      return;
    }
    Message m = found.get();
    if (ImapMailbox.hasKeyword(m, config.processedKeyword())
        || ImapMailbox.hasKeyword(m, config.rejectedKeyword())) {
      tally.skipped++; // handled before a UIDVALIDITY change or a lost offset
      return;
    }
    long size = ImapMailbox.size(m);
    if (size > config.limits().maxMessageBytes()) {
      reject(
          box,
          m,
          subject,
          tally,
          "message is " + size + " bytes, over the limit of " + config.limits().maxMessageBytes());
      return;
    }
    AllowedSenders.Verdict verdict =
        senders.check(ImapMailbox.fromAddresses(m), ImapMailbox.senderAddresses(m));
    if (verdict instanceof AllowedSenders.Verdict.Refused refused) {
      reject(box, m, subject, tally, refused.reason());
      return;
    }
    MimeContents contents;
    try {
      contents = ImapMailbox.attachments(m, config.limits());
    } catch (MessagingException | IOException e) {
      if (!box.connected()) {
        throw e;
      }
      reject(box, m, subject, tally, "message cannot be read: " + e.getClass().getSimpleName());
      return;
    }
    if (contents.problem().isPresent()) {
      reject(box, m, subject, tally, contents.problem().get());
      return;
    }
    Extraction result = extraction.extract(contents.attachments());
    for (AttachmentRefusal refusal : result.refusals()) {
      tally.refused++;
      record(
          "attachment",
          subject + " " + AttachmentNames.printable(refusal.fileName()),
          AuditOutcome.REJECTED,
          refusal.auditDetail());
    }
    if (result.accepted().isEmpty()) {
      reject(
          box,
          m,
          subject,
          tally,
          result.refusals().isEmpty()
              ? "message has no attachment"
              : "no attachment of the message can be taken");
      return;
    }
    String correlationId = UUID.randomUUID().toString();
    int publishedBefore = tally.publishedRawIds.size();
    int duplicatesBefore = tally.duplicates;
    for (AcceptedAttachment attachment : result.accepted()) {
      publish(attachment, subject, correlationId, tally);
    }
    box.markProcessed(m);
    tally.processed++;
    record(
        "message",
        subject,
        AuditOutcome.ACCEPTED,
        (tally.publishedRawIds.size() - publishedBefore)
            + " file(s) published, "
            + (tally.duplicates - duplicatesBefore)
            + " already published, "
            + result.refusals().size()
            + " refused; correlation "
            + correlationId);
  }

  private void publish(
      AcceptedAttachment attachment, String subject, String correlationId, Tally tally) {
    String sha256 = RawFile.sha256Hex(attachment.bytes());
    String dedupeKey = DEDUPE_KEY_PREFIX + sha256;
    String itemSubject = subject + " " + AttachmentNames.printable(attachment.fileName());
    Optional<PublishReceipt> earlier =
        published.find(config.tenantId(), config.source(), dedupeKey);
    if (earlier.isPresent()) {
      tally.duplicates++;
      record(
          "attachment",
          itemSubject,
          AuditOutcome.DUPLICATE,
          "same content already published as " + earlier.get().rawId());
      return;
    }
    RawRecord raw =
        RawFile.toRawRecord(
            new RawFile.Origin(
                config.tenantId(),
                config.source(),
                config.psp(),
                attachment.fileName(),
                config.formatHint()),
            attachment.bytes(),
            clock.instant(),
            correlationId);
    PublishReceipt receipt = publisher.publish(raw);
    published.record(config.tenantId(), config.source(), dedupeKey, receipt);
    tally.publishedRawIds.add(receipt.rawId());
    record(
        "attachment",
        itemSubject,
        AuditOutcome.ACCEPTED,
        "published as "
            + receipt.rawId()
            + " ("
            + attachment.bytes().length
            + " bytes, sha256 "
            + sha256
            + ") at "
            + receipt.topic()
            + "-"
            + receipt.partition()
            + "@"
            + receipt.offset());
  }

  private void reject(ImapMailbox box, Message m, String subject, Tally tally, String reason)
      throws MessagingException {
    box.markRejected(m);
    tally.rejected++;
    record(
        "message",
        subject,
        AuditOutcome.REJECTED,
        reason
            + (config.rejectedFolder() == null
                ? "; flagged " + config.rejectedKeyword()
                : "; moved to " + config.rejectedFolder()));
  }

  private void save(MailboxOffset offset) {
    offsets.save(config.tenantId(), config.connectorId(), config.folder(), offset.toMap());
  }

  private void auditFailure(Exception e) {
    try {
      record("poll", config.folder(), AuditOutcome.FAILED, e.toString());
    } catch (RuntimeException auditFailure) {
      e.addSuppressed(auditFailure);
    }
  }

  private void record(String action, String subject, AuditOutcome outcome, String detail) {
    audit.record(
        new AuditEntry(config.tenantId(), config.connectorId(), action, subject, outcome, detail));
  }

  private static final class Tally {
    int examined;
    int processed;
    int rejected;
    int skipped;
    int duplicates;
    int refused;
    final List<String> publishedRawIds = new ArrayList<>();
  }
}
