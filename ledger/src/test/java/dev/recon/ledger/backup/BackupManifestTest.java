package dev.recon.ledger.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupManifestTest {

  @TempDir Path dir;

  private static BackupManifest manifest(BackupTable table) {
    return new BackupManifest(
        BackupManifest.FORMAT,
        "2026-11-25T22:00:00Z",
        "17.6",
        170006,
        BackupManifest.COPY_FORMAT,
        List.of(new SchemaVersion("ledger", "flyway_schema_history", "11")),
        List.of(table),
        List.of(new SequenceValue("notes", "topics_id_seq", null)),
        new LedgerFigures(
            "2026-11-25T22:00:00Z",
            1,
            2,
            List.of(
                new TenantFigures(
                    "t1",
                    2,
                    1,
                    2,
                    "a".repeat(64),
                    "b".repeat(64),
                    List.of(
                        new BalanceLine("bank:x", "EUR", 100, 0),
                        new BalanceLine("suspense", "EUR", 0, 100))))));
  }

  private static BackupTable postings(String file) {
    return new BackupTable(
        "ledger", "postings", file, List.of("tenant_id", "entry_id"), 2, 10, "c".repeat(64));
  }

  @Test
  void readsBackWhatItWrote() throws Exception {
    BackupManifest written = manifest(postings("ledger.postings.csv.gz"));
    Files.writeString(dir.resolve(BackupManifest.FILE_NAME), written.toJson());
    BackupManifest.ReadResult read = BackupManifest.read(dir);
    assertThat(read.problem()).isNull();
    assertThat(read.manifest()).isEqualTo(written);
  }

  @Test
  void refusesFileNamesOutsideTheFolderAndUnknownFields() throws Exception {
    Files.writeString(
        dir.resolve(BackupManifest.FILE_NAME), manifest(postings("../etc/passwd")).toJson());
    assertThat(BackupManifest.read(dir).problem()).contains("file name ../etc/passwd");

    String json = manifest(postings("ledger.postings.csv.gz")).toJson();
    Files.writeString(
        dir.resolve(BackupManifest.FILE_NAME), json.replaceFirst("\\{", "{\"surprise\": 1,"));
    assertThat(BackupManifest.read(dir).problem()).contains("not a backup manifest");

    Files.writeString(
        dir.resolve(BackupManifest.FILE_NAME),
        json.replace(BackupManifest.FORMAT, "recon-ledger-backup/2"));
    assertThat(BackupManifest.read(dir).problem()).contains("format");
  }

  @Test
  void aMissingManifestIsAProblemNotAnException() {
    assertThat(BackupManifest.read(dir.resolve("nowhere")).problem()).contains("missing");
  }
}
