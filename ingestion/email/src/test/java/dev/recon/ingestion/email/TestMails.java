package dev.recon.ingestion.email;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Properties;

/** Report mails as PSPs and banks send them, built in the test. */
final class TestMails {

  static final String MAILBOX = "recon@bank.test";

  private TestMails() {}

  @SuppressWarnings("ArrayRecordComponent") // bytes are carried, never compared
  record Attachment(String name, String contentType, byte[] bytes, String transferEncoding) {
    Attachment(String name, String contentType, byte[] bytes) {
      this(name, contentType, bytes, null);
    }
  }

  static MimeMessage mail(String from, String subject, Attachment... attachments)
      throws MessagingException {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
    m.setFrom(new InternetAddress(from));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
    m.setSubject(subject);
    MimeMultipart multipart = new MimeMultipart();
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Please find the report attached.\r\n", "UTF-8");
    multipart.addBodyPart(text);
    for (Attachment a : attachments) {
      MimeBodyPart part = new MimeBodyPart();
      part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.bytes(), a.contentType())));
      part.setFileName(a.name());
      part.setDisposition(Part.ATTACHMENT);
      if (a.transferEncoding() != null) {
        part.setHeader("Content-Transfer-Encoding", a.transferEncoding());
      }
      multipart.addBodyPart(part);
    }
    m.setContent(multipart);
    m.saveChanges();
    return m;
  }
}
