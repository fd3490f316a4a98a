package dev.recon.ingestion.webhook.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ingestion.webhook.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalAuditBudgetTest {

  @Test
  void aFloodIsAuditedUpToTheBudgetAndTheRestCounted() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    RefusalAuditBudget budget = new RefusalAuditBudget(List.of("acme", "_unknown"), clock);
    int admitted = 0;
    for (int i = 0; i < 100; i++) {
      admitted += budget.admit("_unknown") ? 1 : 0;
    }
    assertThat(admitted).isEqualTo(RefusalAuditBudget.AUDITED_REFUSALS_PER_SECOND);
    assertThat(budget.admit("acme")).isTrue();
    assertThat(budget.takeSuppressed("_unknown")).isEqualTo(80);
    assertThat(budget.takeSuppressed("_unknown")).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(budget.admit("_unknown")).isTrue();
  }
}
