package dev.recon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recon run} refuses a config whose reports or exports sections are wrong, before starting.
 */
class RunCommandReportsConfigTest {

  @Test
  void problemsOfEverySectionAreListedTogetherAndNoSecretIsPrinted(@TempDir Path tmp)
      throws Exception {
    Path config = tmp.resolve("recon.yaml");
    Files.writeString(
        config,
        """
        reconciliations:
          - {tenant: acme, schedule: "0 7 * * *", inbox: /in, out: /out}
        reports:
          destination: %s
          smtp: {host: 127.0.0.1, username: recon@example.com,
                 password: "literal-smtp-password-1234", from: recon@example.com}
          schedules:
            - {tenant: acme, kind: weekly, schedule: "0 6 * * *", formats: [html]}
        """
            .formatted(tmp.resolve("reports")));

    CliRun run =
        CliRun.of("run", "--config", config.toString(), "--metrics-port", "-1", "--ui-port", "-1");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .contains("reconciliations[0]: give at least one of")
        .contains("reports.smtp.password: secret reference must start with")
        .contains("reports.schedules[0].kind: 'weekly' is not daily or month-end")
        .doesNotContain("literal-smtp-password-1234");
  }
}
