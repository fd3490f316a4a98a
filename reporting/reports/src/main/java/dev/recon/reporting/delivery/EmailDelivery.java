package dev.recon.reporting.delivery;

import dev.recon.reporting.render.ReportDocument;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Mails a report bundle over SMTP. Documents are attached in the bundle's order while their sizes
 * add up to at most the attachment limit; the rest are named in the body with where they are
 * stored, so a large XLSX never makes a mail bounce.
 */
public final class EmailDelivery {

  /** Mail servers commonly refuse messages over 10-25 MB; base64 adds a third. */
  public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

  public static final int MAX_RECIPIENTS = 50;

  /** Connect, read and write timeouts: a stuck server must not stall a scheduled run. */
  static final int TIMEOUT_MILLIS = 30_000;

  private final SmtpSettings smtp;
  private final long maxAttachmentBytes;
  private final Clock clock;
  private final Session session;

  public EmailDelivery(SmtpSettings smtp, long maxAttachmentBytes, Clock clock) {
    this.smtp = Objects.requireNonNull(smtp, "smtp");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxAttachmentBytes < 0) {
      throw new IllegalArgumentException("attachment limit must not be negative");
    }
    this.maxAttachmentBytes = maxAttachmentBytes;
    Properties props = new Properties();
    props.put("mail.smtp.host", smtp.host());
    props.put("mail.smtp.port", Integer.toString(smtp.port()));
    props.put("mail.smtp.connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
    props.put("mail.smtp.timeout", Integer.toString(TIMEOUT_MILLIS));
    props.put("mail.smtp.writetimeout", Integer.toString(TIMEOUT_MILLIS));
    props.put("mail.smtp.auth", Boolean.toString(!smtp.username().isEmpty()));
    props.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
    props.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
    this.session = Session.getInstance(props);
  }

  /**
   * @param storedAt where each document of the bundle is stored, in the bundle's order (from {@link
   *     ReportDestination#store}); named in the body for documents not attached
   * @throws IllegalArgumentException for no, too many or malformed recipients
   * @throws MessagingException when the server refuses the mail
   */
  public EmailReceipt send(ReportBundle bundle, List<String> recipients, List<String> storedAt)
      throws MessagingException {
    if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
      throw new IllegalArgumentException("1-" + MAX_RECIPIENTS + " recipients");
    }
    if (storedAt.size() != bundle.documents().size()) {
      throw new IllegalArgumentException("one stored location per document");
    }
    InternetAddress[] to = new InternetAddress[recipients.size()];
    for (int i = 0; i < to.length; i++) {
      to[i] = address(recipients.get(i));
    }
    List<String> attached = new ArrayList<>();
    List<String> linked = new ArrayList<>();
    MimeMultipart parts = new MimeMultipart();
    MimeBodyPart text = new MimeBodyPart();
    parts.addBodyPart(text);
    StringBuilder notAttached = new StringBuilder();
    long attachedBytes = 0;
    for (int i = 0; i < bundle.documents().size(); i++) {
      ReportDocument document = bundle.documents().get(i);
      if (attachedBytes + document.size() <= maxAttachmentBytes) {
        attachedBytes += document.size();
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(
            new jakarta.activation.DataHandler(
                new ByteArrayDataSource(document.content(), document.mediaType())));
        part.setFileName(document.fileName());
        parts.addBodyPart(part);
        attached.add(document.fileName());
      } else {
        linked.add(document.fileName());
        notAttached
            .append("  ")
            .append(document.fileName())
            .append(" (")
            .append(document.size())
            .append(" bytes): ")
            .append(storedAt.get(i))
            .append('\n');
      }
    }
    StringBuilder body = new StringBuilder();
    body.append("The ")
        .append(bundle.report())
        .append(" report of tenant ")
        .append(bundle.tenant())
        .append(" for ")
        .append(bundle.period())
        .append(".\n\n");
    if (!attached.isEmpty()) {
      body.append("Attached: ").append(String.join(", ", attached)).append(".\n");
    }
    if (!linked.isEmpty()) {
      body.append("Not attached (over the ")
          .append(maxAttachmentBytes)
          .append(" bytes attachment limit), stored at:\n")
          .append(notAttached);
    }
    body.append("\nAmounts are in major units of their currency, never converted.\n");
    text.setText(body.toString(), "UTF-8");

    MimeMessage message = new MimeMessage(session);
    message.setFrom(address(smtp.from()));
    message.setRecipients(Message.RecipientType.TO, to);
    message.setSubject(
        "Reconciliation " + bundle.report() + " report " + bundle.tenant() + " " + bundle.period(),
        "UTF-8");
    message.setSentDate(Date.from(clock.instant()));
    message.setContent(parts);
    if (smtp.username().isEmpty()) {
      Transport.send(message);
    } else {
      Transport.send(message, smtp.username(), smtp.password());
    }
    return new EmailReceipt(recipients, attached, linked);
  }

  private static InternetAddress address(String value) {
    try {
      InternetAddress address = new InternetAddress(value, true);
      address.validate();
      return address;
    } catch (AddressException e) {
      throw new IllegalArgumentException("not an email address: " + value, e);
    }
  }
}
