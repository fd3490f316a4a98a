package dev.recon.ingestion.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The MIME walk of the IMAP shell, on messages parsed locally (the same code reads IMAP parts). */
class MimeWalkTest {

  private static final Session SESSION = Session.getInstance(new Properties());

  private static TestMails.Attachment csv(String name, int bytes) {
    return new TestMails.Attachment(
        name, "text/csv", "x".repeat(bytes).getBytes(StandardCharsets.US_ASCII));
  }

  /** Written out and parsed back, as a received message is. */
  private static MimeMessage received(MimeMessage m) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return new MimeMessage(SESSION, new ByteArrayInputStream(out.toByteArray()));
  }

  @Test
  void findsNamedAttachmentsAndSkipsTheMessageText() throws Exception {
    MimeMessage m = received(TestMails.mail("a@bank.test", "s", csv("a.csv", 3), csv("b.csv", 4)));
    MimeContents contents = ImapMailbox.attachments(m, MailLimits.defaults());
    assertThat(contents.problem()).isEmpty();
    assertThat(contents.attachments())
        .extracting(MailAttachment::fileName)
        .containsExactly("a.csv", "b.csv");
    assertThat(contents.attachments().get(1).bytes()).hasSize(4);
  }

  @Test
  void readsAtMostOneByteOverTheAttachmentLimit() throws Exception {
    MimeMessage m = received(TestMails.mail("a@bank.test", "s", csv("a.csv", 5_000)));
    MimeContents contents =
        ImapMailbox.attachments(m, MailLimits.defaults().withMaxAttachmentBytes(100));
    assertThat(contents.attachments().get(0).bytes()).hasSize(101);
  }

  @Test
  void stopsReadingOneAttachmentOverTheCountLimit() throws Exception {
    MimeMessage m =
        received(
            TestMails.mail(
                "a@bank.test",
                "s",
                csv("a.csv", 1),
                csv("b.csv", 1),
                csv("c.csv", 1),
                csv("d.csv", 1)));
    MimeContents contents =
        ImapMailbox.attachments(m, MailLimits.defaults().withMaxAttachmentsPerMessage(2));
    assertThat(contents.attachments()).hasSize(3);
  }

  @Test
  void moreContentThanTheMessageLimitIsAProblem() throws Exception {
    MimeMessage m =
        received(TestMails.mail("a@bank.test", "s", csv("a.csv", 600), csv("b.csv", 600)));
    MimeContents contents =
        ImapMailbox.attachments(m, MailLimits.defaults().withMaxMessageBytes(1_000));
    assertThat(contents.problem()).hasValueSatisfying(p -> assertThat(p).contains("over 1000"));
  }

  @Test
  void nestingDeeperThanTheLimitIsAProblem() throws Exception {
    assertThat(problemOfNesting(ImapMailbox.MAX_MIME_DEPTH - 1)).isEmpty();
    assertThat(problemOfNesting(ImapMailbox.MAX_MIME_DEPTH + 1)).isPresent();
  }

  private static java.util.Optional<String> problemOfNesting(int levels) throws Exception {
    MimeBodyPart leaf = new MimeBodyPart();
    leaf.setText("a", "UTF-8");
    leaf.setFileName("a.csv");
    MimeBodyPart current = leaf;
    for (int i = 0; i < levels; i++) {
      MimeMultipart mp = new MimeMultipart();
      mp.addBodyPart(current);
      MimeBodyPart wrapper = new MimeBodyPart();
      wrapper.setContent(mp);
      current = wrapper;
    }
    MimeMessage m = new MimeMessage(SESSION);
    MimeMultipart top = new MimeMultipart();
    top.addBodyPart(current);
    m.setContent(top);
    m.saveChanges();
    return ImapMailbox.attachments(received(m), MailLimits.defaults()).problem();
  }

  @Test
  void morePartsThanTheLimitIsAProblem() throws Exception {
    MimeMessage m = new MimeMessage(SESSION);
    MimeMultipart top = new MimeMultipart();
    for (int i = 0; i < ImapMailbox.MAX_MIME_PARTS; i++) {
      MimeBodyPart text = new MimeBodyPart();
      text.setText("line " + i, "UTF-8");
      top.addBodyPart(text);
    }
    m.setContent(top);
    m.saveChanges();
    assertThat(ImapMailbox.attachments(received(m), MailLimits.defaults()).problem())
        .hasValueSatisfying(p -> assertThat(p).contains("MIME parts"));
  }

  @Test
  void encodedFileNamesAreDecoded() throws Exception {
    MimeMessage m = new MimeMessage(SESSION);
    MimeMultipart top = new MimeMultipart();
    MimeBodyPart part = new MimeBodyPart();
    part.setText("a", "UTF-8");
    part.setDisposition("attachment");
    part.setHeader(
        "Content-Disposition",
        "attachment; filename=\"" + MimeUtility.encodeText("relevé.csv", "UTF-8", "Q") + "\"");
    top.addBodyPart(part);
    m.setContent(top);
    m.saveChanges();
    assertThat(ImapMailbox.attachments(received(m), MailLimits.defaults()).attachments())
        .extracting(MailAttachment::fileName)
        .containsExactly("relevé.csv");
  }
}
