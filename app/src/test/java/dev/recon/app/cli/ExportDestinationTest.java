package dev.recon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.app.reports.StorageLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recon export} and {@code recon evidence} refuse a {@code --to} they could not write to
 * before anything starts: usage exit code, and no data folder (the embedded platform's first act).
 */
class ExportDestinationTest {
  @TempDir Path dir;

  private Path dataDir() {
    return dir.resolve("data");
  }

  private CliRun export(String to) {
    return CliRun.of("export", "--tenant", "acme", "--to", to, "--data-dir", dataDir().toString());
  }

  private CliRun evidence(String to) {
    return CliRun.of(
        "evidence",
        "--tenant",
        "acme",
        "--exception",
        "exc-1",
        "--key-ref",
        "env:RECON_TEST_SURELY_UNSET_VARIABLE",
        "--to",
        to,
        "--data-dir",
        dataDir().toString());
  }

  @Test
  void exportRefusesABadDestinationBeforeStartingAnything() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file.txt"), "x");

    assertRefused(export("s3://"), "error: --to s3://: no bucket");
    assertRefused(export("s3://Not_A_Bucket/exports"), "error: --to s3://Not_A_Bucket/exports:");
    assertRefused(export("gs://analytics/recon"), "error: --to gs://analytics/recon: a folder or");
    assertRefused(export(file.toString()), "error: --to " + file + ": a file, not a folder");
    assertRefused(export("x".repeat(StorageLocation.MAX_CHARS + 1)), "error: --to missing or");
  }

  @Test
  void evidenceRefusesABadDestinationBeforeStartingAnythingOrReadingTheKey() {
    CliRun run = evidence("s3:///packs");

    assertRefused(run, "error: --to s3:///packs: no bucket");
    assertThat(run.err()).doesNotContain("RECON_TEST_SURELY_UNSET_VARIABLE");
  }

  @Test
  void foldersAndS3UrlsPass() throws Exception {
    assertThat(ExportTargets.location(dir.toString(), null, null).folder()).isEqualTo(dir);
    assertThat(ExportTargets.location(dir.resolve("new").toString(), null, null).isS3()).isFalse();
    StorageLocation s3 = ExportTargets.location("s3://recon-exports.eu/acme", null, "eu-west-1");
    assertThat(s3.bucket()).isEqualTo("recon-exports.eu");
    assertThat(s3.prefix()).isEqualTo("acme/");
    assertThatThrownBy(() -> ExportTargets.location("s3://ab/x", null, null))
        .hasMessageStartingWith("--to s3://ab/x: not an S3 bucket name");
  }

  private void assertRefused(CliRun run, String message) {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString()).startsWith(message);
    assertThat(dataDir()).as("nothing started").doesNotExist();
  }
}
