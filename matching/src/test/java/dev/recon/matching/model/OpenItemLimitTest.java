package dev.recon.matching.model;

import static dev.recon.matching.SampleRecords.bankLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpenItemLimitTest {

  @Test
  void a_key_is_full_at_its_limit() {
    assertThat(OpenItemLimit.isFull(2, 3)).isFalse();
    assertThat(OpenItemLimit.isFull(3, 3)).isTrue();
  }

  @Test
  void limits_are_positive_and_bounded() {
    OpenItemLimit.requireValid(1, "limit");
    OpenItemLimit.requireValid(OpenItemLimit.MAX_CONFIGURABLE, "limit");
    assertThatThrownBy(() -> OpenItemLimit.requireValid(0, "limit"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OpenItemLimit.requireValid(OpenItemLimit.MAX_CONFIGURABLE + 1, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_refused_record_breaks_with_its_amount_at_risk_and_never_before_its_own_time() {
    StatementLine debit =
        StatementLine.from(bankLine("L1", -150_000, "2025-09-28", "2025-09-28", "RENT"));

    Break b =
        OpenItemLimit.refused(debit, MatchLevel.L4, 1_000, Instant.parse("2025-09-01T00:00:00Z"));

    assertThat(b.reason()).isEqualTo(BreakReason.STATE_LIMIT);
    assertThat(b.recordKind()).isEqualTo(RecordKind.BANK_LINE);
    assertThat(b.amountMinor()).isEqualTo(150_000);
    assertThat(b.detectedAt()).isEqualTo(debit.eventTime());
    assertThat(b.detail()).contains("1000 open records");
  }
}
