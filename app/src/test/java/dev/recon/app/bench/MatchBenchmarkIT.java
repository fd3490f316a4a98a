package dev.recon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.PaymentEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code recon bench match} end to end on a small workload: both jobs run, every figure is printed,
 * and the matching job's output is exactly what the workload was built to produce. No timing is
 * asserted.
 */
class MatchBenchmarkIT {

  private static final int RECORDS = 20_000;
  private static final long SEED = 5;
  private static final int TENANTS = 3;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void matchesWhatTheWorkloadPromisesAndPrintsBothRates() throws Exception {
    WorkloadShape shape = new WorkloadShape(RECORDS, SEED, TENANTS);
    MatchCounts promised = MatchWorkload.write(shape, new Discard()).expected();
    StringWriter printed = new StringWriter();

    MatchBenchmark.Result result = MatchBenchmark.run(shape, 2, new PrintWriter(printed, true));

    assertThat(result.workload().records()).isEqualTo(RECORDS);
    assertThat(result.found()).isEqualTo(promised);
    assertThat(result.copied()).isEqualTo(RECORDS);
    assertThat(result.countsAgree()).isTrue();
    assertThat(promised.matchesByLevel().values()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(result.matching().operators())
        .anySatisfy(op -> assertThat(op.operator()).isEqualTo("L1 exact"));

    String out = printed.toString();
    assertThat(out)
        .contains("match bench: " + RECORDS + " records (")
        .containsPattern("matching job: " + RECORDS + " records in \\d+ ms: \\d+ records/s")
        .containsPattern("pass-through job: " + RECORDS + " records in \\d+ ms: \\d+ records/s")
        .containsPattern("matching job: first record read at \\+\\d+ ms")
        .containsPattern("matching/pass-through ratio: \\d+\\.\\d\\d")
        .contains("pass-through copies (found/expected): " + RECORDS + "/" + RECORDS);
    for (MatchLevel level : promised.matchesByLevel().keySet()) {
      long n = promised.matchesByLevel().get(level);
      assertThat(out).contains(level + " " + n + "/" + n);
    }
    promised
        .matchesByRule()
        .forEach((rule, n) -> assertThat(out).contains("  " + rule + ": " + n + "/" + n));
    long unpaid = promised.exceptionsByReason().get("L1 MISSING_IN_PSP");
    assertThat(out)
        .contains("exceptions L1 MISSING_IN_PSP (found/expected): " + unpaid + "/" + unpaid)
        .contains(
            "journal entries (found/expected): "
                + promised.journalEntries()
                + "/"
                + promised.journalEntries());
  }

  private static final class Discard implements MatchWorkload.Records {
    @Override
    public void expected(int tenant, ExpectedPayment payment) {}

    @Override
    public void payment(int tenant, PaymentEvent event) {}

    @Override
    public void bank(int tenant, BankLine line) {}
  }
}
