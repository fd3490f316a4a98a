package dev.recon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.app.pipeline.PostingTableFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --posting-rules} errors stop {@code recon reconcile} and {@code recon run} at start. */
class PostingRulesOptionTest {
  @TempDir Path dir;

  private Path badTable() throws Exception {
    String yaml =
        PostingTableFixtures.builtInYaml()
            .replaceFirst("credit: payments_clearing", "credit: sales_ledger")
            .replace("version: 1", "version: 1\ncolour: blue");
    return PostingTableFixtures.write(dir.resolve("acme-rules.yaml"), yaml);
  }

  @Test
  void reconcileListsEveryErrorOfEveryTableAndExitsWithUsageBeforeRunning() throws Exception {
    Path bad = badTable();
    Path expected = dir.resolve("expected.csv");
    Files.writeString(expected, "expected_id\n", StandardCharsets.UTF_8);
    Path matchingRules = dir.resolve("matching-rules.yaml");
    Files.writeString(
        matchingRules,
        "rules:\n  - name: x\n    priority: 1\n    confidence: 250\n",
        StandardCharsets.UTF_8);
    CliRun run =
        CliRun.of(
            "reconcile",
            "--tenant",
            "acme",
            "--expected",
            expected.toString(),
            "--posting-rules",
            "acme=" + bad,
            "--posting-rules",
            "acme=" + bad,
            "--rules",
            matchingRules.toString(),
            "--out",
            dir.resolve("out").toString(),
            "--data-dir",
            dir.resolve("data").toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err())
        .contains("error: --posting-rules: tenant acme given twice")
        .contains("error: " + bad + ": colour: unknown key")
        .contains("error: " + bad + ": rules[1].legs[0].credit: ")
        .contains("sales_ledger");
    // the matching rules' errors are listed in the same start, not after a second try
    assertThat(run.err()).contains("matching-rules.yaml").contains("rules[0].confidence");
    assertThat(dir.resolve("out")).doesNotExist();
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void runRefusesAnInvalidTableBeforeAnythingStarts() throws Exception {
    Path bad = badTable();
    CliRun run =
        CliRun.of(
            "run",
            "--posting-rules",
            bad.toString(),
            "--metrics-port",
            "-1",
            "--ui-port",
            "-1",
            "--data-dir",
            dir.resolve("data").toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("error: " + bad + ": colour: unknown key");
    assertThat(dir.resolve("data")).doesNotExist();
  }
}
