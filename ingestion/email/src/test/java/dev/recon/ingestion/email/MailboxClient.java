package dev.recon.ingestion.email;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/** The test's own IMAPS view of the mailbox: what is in which folder, with which flags. */
final class MailboxClient implements AutoCloseable {

  private final Store store;

  MailboxClient(MailboxConfig config, ImapTls tls, String password) throws MessagingException {
    Session session = Session.getInstance(ImapMailbox.sessionProperties(config, tls, "imaps"));
    store = session.getStore("imaps");
    store.connect(config.host(), config.port(), config.username(), password);
  }

  int count(String folderName) throws MessagingException {
    Folder folder = store.getFolder(folderName);
    if (!folder.exists()) {
      return 0;
    }
    folder.open(Folder.READ_ONLY);
    try {
      return folder.getMessageCount();
    } finally {
      folder.close(false);
    }
  }

  List<Flags> flags(String folderName) throws MessagingException {
    Folder folder = store.getFolder(folderName);
    folder.open(Folder.READ_ONLY);
    try {
      List<Flags> result = new ArrayList<>();
      for (Message m : folder.getMessages()) {
        result.add(m.getFlags());
      }
      return result;
    } finally {
      folder.close(false);
    }
  }

  void append(String folderName, MimeMessage message) throws MessagingException {
    Folder folder = store.getFolder(folderName);
    if (!folder.exists()) {
      folder.create(Folder.HOLDS_MESSAGES);
    }
    folder.appendMessages(new Message[] {message});
  }

  /** What a server rebuild does to keywords: they are gone. */
  void clearKeyword(String folderName, String keyword) throws MessagingException {
    Folder folder = store.getFolder(folderName);
    folder.open(Folder.READ_WRITE);
    try {
      for (Message m : folder.getMessages()) {
        m.setFlags(new Flags(keyword), false);
      }
    } finally {
      folder.close(false);
    }
  }

  @Override
  public void close() throws MessagingException {
    store.close();
  }
}
