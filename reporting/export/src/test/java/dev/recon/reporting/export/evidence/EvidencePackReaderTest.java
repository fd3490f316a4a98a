package dev.recon.reporting.export.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class EvidencePackReaderTest {

  static final EvidenceKey KEY = new EvidenceKey("evidence/v1", bytes(32, 7));
  static final Instant AT = Instant.parse("2024-07-01T12:00:00Z");
  static final List<EvidenceItem> ITEMS =
      List.of(
          new EvidenceItem("ledger/journal.csv", utf8("entry_id,booked_at\ne1,2024-05-01\n")),
          new EvidenceItem("documents/abc", utf8("raw file bytes")));
  static final EvidenceSubject SUBJECT = new EvidenceSubject.ExceptionCase("ex-1");

  static byte[] pack() {
    EvidenceManifest manifest = EvidenceArchive.manifest("acme", SUBJECT, AT, ITEMS);
    return PackCipher.encrypt(EvidenceArchive.zip(manifest, ITEMS), KEY);
  }

  @Test
  void roundTripsAndVerifiesEveryEntry() {
    byte[] pack = pack();
    assertThat(EvidencePackReader.keyId(pack)).hasValue("evidence/v1");
    PackReading reading = EvidencePackReader.open(pack, KEY);
    assertThat(reading).isInstanceOf(PackReading.Opened.class);
    PackReading.Opened opened = (PackReading.Opened) reading;
    assertThat(opened.entries()).containsOnlyKeys("ledger/journal.csv", "documents/abc");
    assertThat(opened.entries().get("documents/abc")).isEqualTo(utf8("raw file bytes"));
    assertThat(opened.manifest().tenant()).isEqualTo("acme");
    assertThat(opened.manifest().subjectKind()).isEqualTo("exception");
    assertThat(opened.manifest().subjectValue()).isEqualTo("ex-1");
    assertThat(opened.manifest().entries())
        .extracting(EvidenceManifest.Entry::path)
        .containsExactly("documents/abc", "ledger/journal.csv");
  }

  @Test
  void twoPacksOfTheSameContentUseDifferentNonces() {
    assertThat(pack()).isNotEqualTo(pack());
  }

  @Test
  void everyFlippedByteIsRefused() {
    byte[] pack = pack();
    // Every byte of the header, and a sample through the body and tag.
    for (int i = 0; i < pack.length; i += (i < 40 ? 1 : 17)) {
      byte[] tampered = pack.clone();
      tampered[i] ^= 0x01;
      assertThat(EvidencePackReader.open(tampered, KEY))
          .as("byte %d", i)
          .isInstanceOf(PackReading.Refused.class);
    }
    byte[] last = pack.clone();
    last[last.length - 1] ^= (byte) 0x80;
    assertThat(EvidencePackReader.open(last, KEY)).isInstanceOf(PackReading.Refused.class);
    assertThat(EvidencePackReader.open(Arrays.copyOf(pack, pack.length - 1), KEY))
        .isInstanceOf(PackReading.Refused.class);
  }

  @Test
  void theWrongKeyIsRefused() {
    byte[] pack = pack();
    assertThat(EvidencePackReader.open(pack, new EvidenceKey("evidence/v1", bytes(32, 8))))
        .isEqualTo(new PackReading.Refused("authentication failed: wrong key or changed bytes"));
    assertThat(EvidencePackReader.open(pack, new EvidenceKey("evidence/v2", bytes(32, 7))))
        .isInstanceOf(PackReading.Refused.class);
    assertThat(EvidencePackReader.open(utf8("PK not a pack"), KEY))
        .isInstanceOf(PackReading.Refused.class);
  }

  @Test
  void entriesThatDifferFromTheManifestAreRefusedEvenWhenAuthentic() throws Exception {
    EvidenceManifest manifest = EvidenceArchive.manifest("acme", SUBJECT, AT, ITEMS);
    byte[] changed =
        zip(
            manifest.toJson(),
            "ledger/journal.csv",
            utf8("entry_id,booked_at\ne1,2024-05-02\n"),
            "documents/abc",
            utf8("raw file bytes"));
    assertThat(EvidencePackReader.open(PackCipher.encrypt(changed, KEY), KEY))
        .isEqualTo(new PackReading.Refused("entry ledger/journal.csv differs from the manifest"));
    byte[] extra =
        zip(
            manifest.toJson(),
            "ledger/journal.csv",
            utf8("entry_id,booked_at\ne1,2024-05-01\n"),
            "documents/abc",
            utf8("raw file bytes"),
            "documents/smuggled",
            utf8("x"));
    assertThat(EvidencePackReader.open(PackCipher.encrypt(extra, KEY), KEY))
        .isEqualTo(new PackReading.Refused("entries not in the manifest"));
    byte[] noManifest = zip("documents/abc", utf8("raw file bytes"));
    assertThat(EvidencePackReader.open(PackCipher.encrypt(noManifest, KEY), KEY))
        .isInstanceOf(PackReading.Refused.class);
  }

  @Test
  void tooManyEntriesAreRefusedWhenReading() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i <= EvidenceArchive.MAX_ENTRIES; i++) {
        zip.putNextEntry(new ZipEntry("documents/" + i));
        zip.closeEntry();
      }
    }
    assertThat(EvidencePackReader.open(PackCipher.encrypt(bytes.toByteArray(), KEY), KEY))
        .isEqualTo(
            new PackReading.Refused("more than " + EvidenceArchive.MAX_ENTRIES + " entries"));
  }

  @Test
  void keysAndSubjectsAreChecked() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EvidenceKey("k", new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(KEY.toString()).doesNotContain("7").contains("evidence/v1");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new EvidenceSubject.Period(
                    LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31")))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new EvidenceItem("../etc/passwd", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static byte[] zip(Object... pathsAndContents) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      int i = 0;
      if (pathsAndContents[0] instanceof byte[] manifest) {
        zip.putNextEntry(new ZipEntry(EvidenceManifest.FILE_NAME));
        zip.write(manifest);
        zip.closeEntry();
        i = 1;
      }
      for (; i < pathsAndContents.length; i += 2) {
        zip.putNextEntry(new ZipEntry((String) pathsAndContents[i]));
        zip.write((byte[]) pathsAndContents[i + 1]);
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static byte[] bytes(int n, int value) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) value);
    return b;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
