package dev.recon.reporting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.recon.reporting.render.ReportDocument;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class EmailDeliveryIT {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T05:00:00Z"), ZoneOffset.UTC);

  GreenMail smtp;

  @BeforeEach
  void start() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  EmailDelivery email(long maxAttachmentBytes) {
    return new EmailDelivery(
        new SmtpSettings(
            "127.0.0.1", smtp.getSmtp().getPort(), false, "", "", "recon@reports.example"),
        maxAttachmentBytes,
        CLOCK);
  }

  static ReportDocument doc(String name, int size) {
    byte[] content = new byte[size];
    for (int i = 0; i < size; i++) {
      content[i] = (byte) ('a' + i % 26);
    }
    return new ReportDocument(name, ReportDocument.CSV, content);
  }

  @Test
  void attachesUpToTheLimitAndNamesWhereTheRestIsStored(@TempDir Path root) throws Exception {
    ReportBundle bundle =
        new ReportBundle(
            "acme",
            "daily",
            "2026-01-31",
            List.of(
                doc("report-summary.csv", 600),
                doc("report-journal.csv", 900),
                doc("report-levels.csv", 300)));
    ReportDelivery delivery =
        new ReportDelivery(new FolderDestination(root), Optional.of(email(1_000)));

    DeliveryReceipt receipt =
        delivery.deliver(bundle, List.of("finance@acme.example", "lead@acme.example"));

    EmailReceipt mail = receipt.email().orElseThrow();
    assertThat(mail.attached()).containsExactly("report-summary.csv", "report-levels.csv");
    assertThat(mail.linked()).containsExactly("report-journal.csv");
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage message = received[0];
    assertThat(message.getSubject()).isEqualTo("Reconciliation daily report acme 2026-01-31");
    assertThat(message.getSentDate().toInstant()).isEqualTo(CLOCK.instant());
    Multipart parts = (Multipart) message.getContent();
    String body = (String) parts.getBodyPart(0).getContent();
    assertThat(body)
        .contains(
            "report-journal.csv (900 bytes): "
                + root.resolve("acme/daily/2026-01-31/report-journal.csv").toAbsolutePath())
        .contains("Attached: report-summary.csv, report-levels.csv.");
    List<String> names = new ArrayList<>();
    for (int i = 1; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      names.add(part.getFileName());
      try (InputStream in = part.getInputStream()) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        assertThat(bytes.toByteArray()).isEqualTo(bundle.documents().get(i == 1 ? 0 : 2).content());
      }
    }
    assertThat(names).containsExactly("report-summary.csv", "report-levels.csv");
  }

  @Test
  void refusesBadRecipients() {
    ReportBundle bundle =
        new ReportBundle("acme", "daily", "2026-01-31", List.of(doc("report-summary.csv", 10)));
    EmailDelivery email = email(1_000);
    assertThatThrownBy(
            () ->
                email.send(
                    bundle, List.of("finance@acme.example\r\nBcc: x@evil.example"), List.of("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> email.send(bundle, List.of(), List.of("x")))
        .isInstanceOf(IllegalArgumentException.class);
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= EmailDelivery.MAX_RECIPIENTS; i++) {
      many.add("r" + i + "@acme.example");
    }
    assertThatThrownBy(() -> email.send(bundle, many, List.of("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }
}
