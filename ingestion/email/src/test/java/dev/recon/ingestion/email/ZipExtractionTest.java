package dev.recon.ingestion.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ingestion.email.AttachmentRefusal.Reason;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZipExtractionTest {

  private static final Set<AttachmentType> ALL = EnumSet.allOf(AttachmentType.class);

  private static Extraction extract(byte[] zip) {
    return extract(zip, MailLimits.defaults());
  }

  private static Extraction extract(byte[] zip, MailLimits limits) {
    return new ZipExtraction(ALL, limits).extract("reports.zip", zip);
  }

  @Test
  void eachAllowedEntryBecomesOneFileWithItsBytesUnchanged() {
    byte[] a = "id,amount\r\n1,100\r\n2,200".getBytes(StandardCharsets.US_ASCII);
    byte[] b = "<doc/>".getBytes(StandardCharsets.US_ASCII);
    Extraction x = extract(TestZips.zip(TestZips.entries("2026/a.csv", a, "b.xml", b)));

    assertThat(x.refusals()).isEmpty();
    assertThat(x.accepted())
        .extracting(AcceptedAttachment::fileName)
        .containsExactly("reports.zip!/2026/a.csv", "reports.zip!/b.xml");
    assertThat(x.accepted().get(0).bytes()).isEqualTo(a);
    assertThat(x.accepted().get(0).type()).isEqualTo(AttachmentType.CSV);
    assertThat(x.accepted().get(1).bytes()).isEqualTo(b);
  }

  @Test
  void aZipBombIsRefusedByItsCompressionRatioBeforeItIsInflated() {
    byte[] bomb = TestZips.bomb("big.csv", 64);
    // a real bomb: 64 MiB from well under a hundredth of that
    assertThat((long) bomb.length * MailLimits.DEFAULT_MAX_ZIP_COMPRESSION_RATIO)
        .isLessThan(64L * 1024 * 1024);

    Extraction x = extract(bomb);

    assertThat(x.accepted()).isEmpty();
    assertThat(x.refusals())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(Reason.ZIP_COMPRESSION_RATIO);
              assertThat(r.fileName()).isEqualTo("reports.zip");
            });
  }

  @Test
  void aRatioJustUnderTheLimitPasses() {
    byte[] zeros = TestZips.bomb("z.csv", 1);
    long ratio = (1024L * 1024) / zeros.length + 1;
    MailLimits limits = MailLimits.defaults().withMaxZipCompressionRatio((int) ratio);
    assertThat(extract(zeros, limits).accepted()).hasSize(1);
    MailLimits tighter = MailLimits.defaults().withMaxZipCompressionRatio((int) ratio - 2);
    assertThat(extract(zeros, tighter).refusals())
        .extracting(AttachmentRefusal::reason)
        .containsExactly(Reason.ZIP_COMPRESSION_RATIO);
  }

  @Test
  void aTraversalEntryRefusesTheWholeArchive() {
    byte[] zip = TestZips.zip(TestZips.entries("good.csv", "a,b", "../evil.csv", "x,y"));
    Extraction x = extract(zip);
    assertThat(x.accepted()).isEmpty();
    assertThat(x.refusals())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(Reason.ZIP_UNSAFE_ENTRY_NAME);
              assertThat(r.detail()).contains("../evil.csv");
            });
  }

  @Test
  void absoluteDriveBackslashAndDotSegmentNamesAreUnsafe() {
    for (String name :
        new String[] {
          "/etc/evil.csv",
          "C:/evil.csv",
          "C:evil.csv",
          "..\\evil.csv",
          "a/../../evil.csv",
          "a//b.csv",
          "./a.csv",
          "a\u0001.csv"
        }) {
      Extraction x = extract(TestZips.zip(TestZips.entries(name, "x")));
      assertThat(x.refusals())
          .as(name)
          .extracting(AttachmentRefusal::reason)
          .containsExactly(Reason.ZIP_UNSAFE_ENTRY_NAME);
    }
  }

  @Test
  void tooManyEntriesRefuseTheArchive() {
    MailLimits limits = MailLimits.defaults().withMaxZipEntries(3);
    byte[] three = TestZips.zip(TestZips.entries("a.csv", "1", "b.csv", "2", "c.csv", "3"));
    byte[] four =
        TestZips.zip(TestZips.entries("a.csv", "1", "b.csv", "2", "c.csv", "3", "d.csv", "4"));
    assertThat(extract(three, limits).accepted()).hasSize(3);
    assertThat(extract(four, limits).refusals())
        .extracting(AttachmentRefusal::reason)
        .containsExactly(Reason.ZIP_TOO_MANY_ENTRIES);
    assertThat(extract(four, limits).accepted()).isEmpty();
  }

  @Test
  void moreInflatedBytesThanTheTotalLimitRefuseTheArchive() {
    byte[] csv = TestZips.randomCsv(300_000, 1);
    byte[] zip =
        TestZips.zip(TestZips.entries("a.csv", csv, "b.csv", TestZips.randomCsv(300_000, 2)));
    MailLimits fits = MailLimits.defaults().withMaxZipUncompressedBytes(700_000);
    MailLimits tooSmall = MailLimits.defaults().withMaxZipUncompressedBytes(500_000);
    assertThat(extract(zip, fits).accepted()).hasSize(2);
    assertThat(extract(zip, tooSmall).refusals())
        .extracting(AttachmentRefusal::reason)
        .containsExactly(Reason.ZIP_TOO_LARGE_UNCOMPRESSED);
  }

  @Test
  void anEntryOverTheAttachmentLimitRefusesTheArchive() {
    byte[] csv = TestZips.randomCsv(5_000, 3);
    byte[] zip = TestZips.zip(TestZips.entries("a.csv", csv));
    assertThat(extract(zip, MailLimits.defaults().withMaxAttachmentBytes(csv.length)).accepted())
        .hasSize(1);
    assertThat(
            extract(zip, MailLimits.defaults().withMaxAttachmentBytes(csv.length - 1)).refusals())
        .extracting(AttachmentRefusal::reason)
        .containsExactly(Reason.TOO_LARGE);
  }

  @Test
  void aNestedArchiveIsRefusedAloneAndNotOpened() {
    byte[] inner = TestZips.zip(TestZips.entries("inner.csv", "a,b"));
    byte[] outer = TestZips.zip(TestZips.entries("inner.zip", inner, "top.csv", "c,d"));
    Extraction x = extract(outer);
    assertThat(x.accepted())
        .extracting(AcceptedAttachment::fileName)
        .containsExactly("reports.zip!/top.csv");
    assertThat(x.refusals())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(Reason.ZIP_NESTED_ARCHIVE);
              assertThat(r.fileName()).isEqualTo("reports.zip!/inner.zip");
            });
  }

  @Test
  void entriesOfOtherTypesAndMacMetadataAreRefusedAloneAndDirectoriesSkipped() {
    byte[] zip =
        TestZips.zip(
            TestZips.entries(
                "dir/", "", "dir/a.csv", "a", "run.exe", "MZ", "__MACOSX/dir/._a.csv", "junk"));
    Extraction x = extract(zip);
    assertThat(x.accepted())
        .extracting(AcceptedAttachment::fileName)
        .containsExactly("reports.zip!/dir/a.csv");
    assertThat(x.refusals())
        .extracting(AttachmentRefusal::reason)
        .containsExactly(Reason.TYPE_NOT_ALLOWED, Reason.ZIP_METADATA_ENTRY);
  }

  @Test
  void onlyTheConfiguredTypesAreTakenFromAnArchive() {
    byte[] zip = TestZips.zip(TestZips.entries("a.csv", "a", "b.xml", "<b/>"));
    Extraction x =
        new ZipExtraction(EnumSet.of(AttachmentType.CSV, AttachmentType.ZIP), MailLimits.defaults())
            .extract("r.zip", zip);
    assertThat(x.accepted())
        .extracting(AcceptedAttachment::fileName)
        .containsExactly("r.zip!/a.csv");
    assertThat(x.refusals())
        .extracting(AttachmentRefusal::reason)
        .containsExactly(Reason.TYPE_NOT_ALLOWED);
  }

  @Test
  void duplicateEntryNamesRefuseTheArchive() {
    byte[] zip = TestZips.zip(TestZips.entries("a.csv", "1", "b.csv", "2"));
    byte[] duplicated = TestZips.renameEntry(zip, "b.csv", "a.csv");
    assertThat(extract(duplicated).refusals())
        .extracting(AttachmentRefusal::reason)
        .containsExactly(Reason.ZIP_DUPLICATE_ENTRY);
  }

  @Test
  void emptyEntriesAreRefusedAlone() {
    Extraction x = extract(TestZips.zip(TestZips.entries("a.csv", "", "b.csv", "b")));
    assertThat(x.accepted()).hasSize(1);
    assertThat(x.refusals()).extracting(AttachmentRefusal::reason).containsExactly(Reason.EMPTY);
  }

  @Test
  void aCorruptArchiveIsUnreadable() {
    byte[] zip = TestZips.zip(TestZips.entries("a.csv", TestZips.randomCsv(10_000, 4)));
    byte[] corrupt = zip.clone();
    for (int i = 60; i < 200; i++) {
      corrupt[i] = (byte) 0xFF;
    }
    assertThat(extract(corrupt).refusals())
        .extracting(AttachmentRefusal::reason)
        .containsExactly(Reason.ZIP_UNREADABLE);
    assertThat(extract(corrupt).accepted()).isEmpty();
  }
}
