package dev.recon.ingestion.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ingestion.email.AttachmentRefusal.Reason;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachmentExtractionTest {

  private static final AttachmentExtraction ALL =
      new AttachmentExtraction(EnumSet.allOf(AttachmentType.class), MailLimits.defaults());

  private static MailAttachment file(String name, String contentType, String content) {
    return new MailAttachment(name, contentType, content.getBytes(StandardCharsets.UTF_8));
  }

  private static Reason onlyRefusal(Extraction x) {
    assertThat(x.accepted()).isEmpty();
    assertThat(x.refusals()).hasSize(1);
    return x.refusals().get(0).reason();
  }

  @Test
  void crlfAndAMissingFinalNewlinePassThroughUntouched() {
    byte[] bytes = "id;amount\r\n1;10,50\r\n2;7".getBytes(StandardCharsets.ISO_8859_1);
    Extraction x =
        ALL.extract(
            List.of(new MailAttachment("settlement.csv", "text/csv; charset=utf-8", bytes)));
    assertThat(x.refusals()).isEmpty();
    assertThat(x.accepted())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.fileName()).isEqualTo("settlement.csv");
              assertThat(a.type()).isEqualTo(AttachmentType.CSV);
              assertThat(a.bytes()).isEqualTo(bytes);
            });
  }

  @Test
  void eachTypeIsRecognisedByExtensionWithAFittingContentType() {
    Extraction x =
        ALL.extract(
            List.of(
                file("A.CSV", "application/vnd.ms-excel", "a"),
                file("b.xml", "text/xml", "<b/>"),
                file("c.txt", "TEXT/PLAIN", "c"),
                file("d.csv", "application/octet-stream", "d"),
                file("e.zip", "application/zip", "not really a zip")));
    assertThat(x.accepted())
        .extracting(AcceptedAttachment::type)
        .containsExactly(
            AttachmentType.CSV, AttachmentType.XML, AttachmentType.TXT, AttachmentType.CSV);
    assertThat(x.refusals())
        .extracting(AttachmentRefusal::reason)
        .containsExactly(Reason.ZIP_UNREADABLE);
  }

  @Test
  void aContentTypeThatDoesNotFitTheExtensionIsRefused() {
    assertThat(
            onlyRefusal(ALL.extract(List.of(file("report.csv", "application/x-msdownload", "MZ")))))
        .isEqualTo(Reason.CONTENT_TYPE_MISMATCH);
    assertThat(onlyRefusal(ALL.extract(List.of(file("report.xml", "", "<a/>")))))
        .isEqualTo(Reason.CONTENT_TYPE_MISMATCH);
  }

  @Test
  void otherExtensionsAndTypesNotConfiguredAreRefused() {
    assertThat(onlyRefusal(ALL.extract(List.of(file("invoice.pdf", "application/pdf", "%PDF")))))
        .isEqualTo(Reason.TYPE_NOT_ALLOWED);
    assertThat(onlyRefusal(ALL.extract(List.of(file(".csv", "text/csv", "a")))))
        .isEqualTo(Reason.TYPE_NOT_ALLOWED);
    AttachmentExtraction csvOnly =
        new AttachmentExtraction(EnumSet.of(AttachmentType.CSV), MailLimits.defaults());
    assertThat(onlyRefusal(csvOnly.extract(List.of(file("a.xml", "text/xml", "<a/>")))))
        .isEqualTo(Reason.TYPE_NOT_ALLOWED);
    byte[] zip = TestZips.zip(TestZips.entries("a.csv", "a"));
    assertThat(
            onlyRefusal(
                csvOnly.extract(List.of(new MailAttachment("a.zip", "application/zip", zip)))))
        .isEqualTo(Reason.TYPE_NOT_ALLOWED);
  }

  @Test
  void namesWithPathsOrControlCharactersAreRefused() {
    for (String name :
        new String[] {
          "../evil.csv",
          "dir/a.csv",
          "C:\\evil.csv",
          "..\\evil.csv",
          "a\u0000.csv",
          "",
          "..",
          "x".repeat(AttachmentNames.MAX_NAME_CHARS) + ".csv"
        }) {
      assertThat(onlyRefusal(ALL.extract(List.of(file(name, "text/csv", "a")))))
          .as(name)
          .isEqualTo(Reason.UNSAFE_NAME);
    }
  }

  @Test
  void anAttachmentOverTheSizeLimitIsRefusedAndOneAtTheLimitAccepted() {
    AttachmentExtraction small =
        new AttachmentExtraction(
            EnumSet.allOf(AttachmentType.class), MailLimits.defaults().withMaxAttachmentBytes(100));
    assertThat(small.extract(List.of(file("a.csv", "text/csv", "x".repeat(100)))).accepted())
        .hasSize(1);
    assertThat(onlyRefusal(small.extract(List.of(file("a.csv", "text/csv", "x".repeat(101))))))
        .isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void anEmptyAttachmentIsRefused() {
    assertThat(onlyRefusal(ALL.extract(List.of(file("a.csv", "text/csv", "")))))
        .isEqualTo(Reason.EMPTY);
  }

  @Test
  void moreAttachmentsThanTheLimitRefuseThemAll() {
    AttachmentExtraction two =
        new AttachmentExtraction(
            EnumSet.allOf(AttachmentType.class),
            MailLimits.defaults().withMaxAttachmentsPerMessage(2));
    MailAttachment a = file("a.csv", "text/csv", "a");
    MailAttachment b = file("b.csv", "text/csv", "b");
    MailAttachment c = file("c.csv", "text/csv", "c");
    assertThat(two.extract(List.of(a, b)).accepted()).hasSize(2);
    Extraction x = two.extract(List.of(a, b, c));
    assertThat(onlyRefusal(x)).isEqualTo(Reason.TOO_MANY_ATTACHMENTS);
    assertThat(x.refusals().get(0).fileName()).isEqualTo(AttachmentExtraction.WHOLE_MESSAGE);
  }

  @Test
  void aZipAttachmentYieldsItsEntriesAndOtherAttachmentsStillCount() {
    byte[] zip = TestZips.zip(TestZips.entries("a.csv", "1", "b.csv", "2"));
    Extraction x =
        ALL.extract(
            List.of(
                new MailAttachment("batch.zip", "application/x-zip-compressed", zip),
                file("notes.txt", "text/plain", "hello"),
                file("evil.exe", "application/octet-stream", "MZ")));
    assertThat(x.accepted())
        .extracting(AcceptedAttachment::fileName)
        .containsExactly("batch.zip!/a.csv", "batch.zip!/b.csv", "notes.txt");
    assertThat(x.refusals())
        .extracting(AttachmentRefusal::reason)
        .containsExactly(Reason.TYPE_NOT_ALLOWED);
  }
}
