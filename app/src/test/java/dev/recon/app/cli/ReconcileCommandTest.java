package dev.recon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors of {@code recon reconcile} are caught before any platform starts. */
class ReconcileCommandTest {

  @Test
  void anInvalidRulesFileListsEveryErrorWithItsPathAndExitsWithUsage(@TempDir Path dir)
      throws Exception {
    Path rules = dir.resolve("rules.yaml");
    Files.writeString(
        rules,
        """
        rules:
          - name: too-loose
            priority: 1
            confidence: 250
            amount: {absolute_minor: -5}
        """,
        StandardCharsets.UTF_8);
    Path expected = dir.resolve("expected.csv");
    Files.writeString(expected, "expected_id\n", StandardCharsets.UTF_8);
    CliRun run =
        CliRun.of(
            "reconcile",
            "--tenant",
            "t",
            "--expected",
            expected.toString(),
            "--rules",
            rules.toString(),
            "--out",
            dir.resolve("out").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("rules.yaml").contains("rules[0].confidence");
    assertThat(run.err()).contains("rules[0].amount.absolute_minor");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void noInputAtAllIsAUsageError(@TempDir Path dir) {
    CliRun run = CliRun.of("reconcile", "--tenant", "t", "--out", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--expected");
  }
}
