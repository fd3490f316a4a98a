package dev.recon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code recon bench ledger} runs end to end on a throw-away embedded database (counts only). */
class BenchCommandIT {

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void printsBothRatesAndTheirRatio() {
    CliRun run = CliRun.of("bench", "ledger", "--postings", "2000");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("ledger bench: 2000 postings (1000 entries)")
        .containsPattern("ledger writer \\(\\d+ connections?\\): 2000 postings in .* postings/s")
        .containsPattern("raw COPY .*: 2000 rows in .* postings/s")
        .contains("raw/ledger ratio");
  }

  @Test
  void refusesAnOddOrOversizedCount() {
    assertThat(CliRun.of("bench", "ledger", "--postings", "3").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("bench", "ledger", "--postings", "999999999").exitCode()).isEqualTo(2);
  }

  @Test
  void matchRefusesCountsTenantsAndParallelismOutsideItsLimits() {
    assertThat(CliRun.of("bench", "match", "--records", "999").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("bench", "match", "--records", "20000001").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("bench", "match", "--tenants", "0").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("bench", "match", "--parallelism", "0").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("bench", "match", "--checkpoint-ms", "50").exitCode()).isEqualTo(2);
    CliRun help = CliRun.of("bench", "match", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("--records", "--seed", "--parallelism", "--tenants", "--checkpoint-ms");
  }

  @Test
  void parseCountsEveryGeneratedRowPerFormat() {
    CliRun run =
        CliRun.of("bench", "parse", "--rows", "200", "--format", "bai2", "--format", "camt053");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("parse bench: bai2: 200 rows")
        .contains("parse bench: camt053: 200 rows");
    assertThat(CliRun.of("bench", "parse", "--format", "nope").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("bench", "parse", "--rows", "0").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("bench", "parse", "--passes", "0").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("bench", "parse", "--mb", "0").exitCode()).isEqualTo(2);
    CliRun sized =
        CliRun.of("bench", "parse", "--mb", "1", "--passes", "2", "--format", "expected-csv");
    assertThat(sized.exitCode()).as(sized.toString()).isZero();
    assertThat(sized.out()).contains("parse bench: expected-csv").contains("2 timed passes");
  }
}
