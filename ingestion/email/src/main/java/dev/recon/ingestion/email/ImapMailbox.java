package dev.recon.ingestion.email;

import dev.recon.ingestion.secret.Secret;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin IMAP shell: one connection to one folder, opened read-write. Over IMAPS the server
 * certificate and host name are verified (Angus Mail's {@code ssl.checkserveridentity}, never an
 * {@code ssl.trust} override); plain IMAP only when the configuration says development.
 */
final class ImapMailbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImapMailbox.class);

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
  static final Duration WRITE_TIMEOUT = Duration.ofSeconds(60);

  /** A report mail is a few levels deep (mixed > alternative > text); deeper is not a report. */
  static final int MAX_MIME_DEPTH = 8;

  static final int MAX_MIME_PARTS = 200;
  static final String TLS_PROTOCOLS = "TLSv1.3 TLSv1.2";

  private final MailboxConfig config;
  private final IMAPStore store;
  private final IMAPFolder folder;

  private ImapMailbox(MailboxConfig config, IMAPStore store, IMAPFolder folder) {
    this.config = config;
    this.store = store;
    this.folder = folder;
  }

  static ImapMailbox open(MailboxConfig config, ImapTls tls, Secret password)
      throws MessagingException {
    String protocol = config.plainImapForDevelopmentOnly() ? "imap" : "imaps";
    if (config.plainImapForDevelopmentOnly()) {
      LOG.warn(
          "tenant {} mailbox {} uses plain IMAP without TLS: development only",
          config.tenantId(),
          config.connectorId());
    }
    Session session = Session.getInstance(sessionProperties(config, tls, protocol));
    IMAPStore store = (IMAPStore) session.getStore(protocol);
    store.connect(config.host(), config.port(), config.username(), password.reveal());
    try {
      IMAPFolder folder = (IMAPFolder) store.getFolder(config.folder());
      if (!folder.exists()) {
        throw new MessagingException("folder " + config.folder() + " does not exist");
      }
      for (String target : new String[] {config.processedFolder(), config.rejectedFolder()}) {
        if (target != null) {
          Folder f = store.getFolder(target);
          if (!f.exists() && !f.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("folder " + target + " cannot be created");
          }
        }
      }
      folder.open(Folder.READ_WRITE);
      return new ImapMailbox(config, store, folder);
    } catch (MessagingException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  static Properties sessionProperties(MailboxConfig config, ImapTls tls, String protocol) {
    Properties p = new Properties();
    String prefix = "mail." + protocol + ".";
    p.setProperty("mail.store.protocol", protocol);
    p.setProperty(prefix + "host", config.host());
    p.setProperty(prefix + "port", Integer.toString(config.port()));
    p.setProperty(prefix + "connectiontimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
    p.setProperty(prefix + "timeout", Long.toString(READ_TIMEOUT.toMillis()));
    p.setProperty(prefix + "writetimeout", Long.toString(WRITE_TIMEOUT.toMillis()));
    // reading a message must not mark it \Seen: humans watching the mailbox use that flag
    p.setProperty(prefix + "peek", "true");
    // a failed connection through the configured factory must not be retried through another
    p.setProperty(prefix + "socketFactory.fallback", "false");
    if (!config.plainImapForDevelopmentOnly()) {
      p.setProperty(prefix + "ssl.checkserveridentity", "true");
      p.setProperty(prefix + "ssl.protocols", TLS_PROTOCOLS);
      tls.socketFactory().ifPresent(f -> p.put(prefix + "ssl.socketFactory", f));
    }
    return p;
  }

  long uidValidity() throws MessagingException {
    return folder.getUIDValidity();
  }

  /** UIDs above {@code lastUid}, ascending, at most {@code max}. */
  List<Long> uidsAfter(long lastUid, int max) throws MessagingException {
    if (lastUid >= MailboxOffset.MAX_UID) {
      return List.of();
    }
    Message[] messages = folder.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID);
    FetchProfile uids = new FetchProfile();
    uids.add(UIDFolder.FetchProfileItem.UID);
    folder.fetch(messages, uids);
    List<Long> result = new ArrayList<>();
    for (Message m : messages) {
      long uid = folder.getUID(m);
      // "n:*" also returns the newest message when n is above every UID
      if (uid > lastUid) {
        result.add(uid);
      }
    }
    result.sort(null);
    return result.size() > max ? List.copyOf(result.subList(0, max)) : result;
  }

  Optional<Message> byUid(long uid) throws MessagingException {
    Message m = folder.getMessageByUID(uid);
    return m == null || m.isExpunged() ? Optional.empty() : Optional.of(m);
  }

  /** Whether the connection is still usable, i.e. a failure came from the message, not the link. */
  boolean connected() {
    return store.isConnected() && folder.isOpen();
  }

  static boolean hasKeyword(Message m, String keyword) throws MessagingException {
    return m.getFlags().contains(keyword);
  }

  /** RFC822.SIZE as the server reports it, or -1 when unknown. */
  static long size(Message m) throws MessagingException {
    return m.getSize();
  }

  static List<String> fromAddresses(Message m) throws MessagingException {
    return addresses(m.getHeader("From"));
  }

  static List<String> senderAddresses(Message m) throws MessagingException {
    return addresses(m.getHeader("Sender"));
  }

  /** The addr-spec of each address in the headers; an unreadable header yields itself. */
  private static List<String> addresses(String[] headers) {
    List<String> result = new ArrayList<>();
    if (headers == null) {
      return result;
    }
    for (String header : headers) {
      try {
        for (InternetAddress a : InternetAddress.parseHeader(header, false)) {
          result.add(a.getAddress());
        }
      } catch (AddressException e) {
        result.add(header); // AllowedSenders refuses it as malformed
      }
    }
    return result;
  }

  /**
   * Walks the MIME tree and reads each attachment's decoded bytes, at most one byte over the
   * attachment limit, and at most one attachment over the count limit; {@link AttachmentExtraction}
   * turns both into refusals.
   */
  static MimeContents attachments(Message m, MailLimits limits)
      throws MessagingException, IOException {
    Walk walk = new Walk(limits);
    walk.visit(m, 0);
    return new MimeContents(walk.found, Optional.ofNullable(walk.problem));
  }

  private static final class Walk {
    private final MailLimits limits;
    private final List<MailAttachment> found = new ArrayList<>();
    private String problem;
    private int parts;
    private long bytesRead;

    Walk(MailLimits limits) {
      this.limits = limits;
    }

    void visit(Part part, int depth) throws MessagingException, IOException {
      if (problem != null || found.size() > limits.maxAttachmentsPerMessage()) {
        return;
      }
      if (++parts > MAX_MIME_PARTS) {
        problem = "message has more than " + MAX_MIME_PARTS + " MIME parts";
        return;
      }
      if (depth > MAX_MIME_DEPTH) {
        problem = "message nests MIME parts more than " + MAX_MIME_DEPTH + " levels deep";
        return;
      }
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount() && problem == null; i++) {
          visit(multipart.getBodyPart(i), depth + 1);
        }
        return;
      }
      String name = fileName(part);
      if (name == null && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        return; // the message text, not a file
      }
      byte[] bytes;
      try (InputStream in = part.getInputStream()) {
        bytes = in.readNBytes(limits.maxAttachmentBytes() + 1);
      }
      bytesRead += bytes.length;
      if (bytesRead > limits.maxMessageBytes()) {
        problem = "message content is over " + limits.maxMessageBytes() + " bytes";
        return;
      }
      found.add(new MailAttachment(name, part.getContentType(), bytes));
    }

    private static String fileName(Part part) throws MessagingException {
      String name = part.getFileName();
      if (name != null && name.contains("=?")) {
        try {
          return MimeUtility.decodeText(name); // RFC 2047 words some mailers put in names
        } catch (UnsupportedEncodingException e) {
          return name;
        }
      }
      return name;
    }
  }

  void markProcessed(Message m) throws MessagingException {
    mark(m, config.processedKeyword(), config.processedFolder());
  }

  void markRejected(Message m) throws MessagingException {
    mark(m, config.rejectedKeyword(), config.rejectedFolder());
  }

  /** Flags first, so a message whose move fails is still recognised as done. */
  private void mark(Message m, String keyword, String targetFolder) throws MessagingException {
    m.setFlags(new Flags(keyword), true);
    if (targetFolder == null) {
      return;
    }
    Message[] one = {m};
    Folder target = store.getFolder(targetFolder);
    if (store.hasCapability("MOVE")) {
      folder.moveMessages(one, target);
    } else {
      folder.copyMessages(one, target);
      m.setFlag(Flags.Flag.DELETED, true);
      if (store.hasCapability("UIDPLUS")) {
        folder.expunge(one);
      } else {
        folder.expunge();
      }
    }
  }

  @Override
  public void close() throws MessagingException {
    try {
      if (folder.isOpen()) {
        folder.close(false);
      }
    } finally {
      store.close();
    }
  }
}
