package dev.recon.matching.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.matching.model.Break;
import dev.recon.matching.model.BreakReason;
import dev.recon.schemas.DecisionAction;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecisionRefusalsTest {

  private static final Instant AT = Instant.parse("2025-10-02T08:00:00Z");

  @Test
  void a_refused_step_is_a_decision_refused_break_named_by_its_step() {
    Break b = DecisionRefusals.toBreak(verdict(StepOutcome.SAME_USER), AT.plusSeconds(60));

    assertThat(b.level()).isEqualTo(MatchLevel.MANUAL);
    assertThat(b.reason()).isEqualTo(BreakReason.DECISION_REFUSED);
    assertThat(b.recordKind()).isEqualTo(RecordKind.UNKNOWN);
    assertThat(b.recordId()).isEqualTo("a-1");
    assertThat(b.amountMinor()).isEqualTo(1_250);
    assertThat(b.currency()).isEqualTo("EUR");
    assertThat(b.recordTime()).isEqualTo(AT);
    assertThat(b.detectedAt()).isEqualTo(AT.plusSeconds(60));
    assertThat(b.detail()).isEqualTo("SAME_USER: APPROVE of decision d-1 by alice: own proposal");
  }

  @Test
  void it_is_never_detected_before_the_step() {
    assertThat(
            DecisionRefusals.toBreak(verdict(StepOutcome.INVALID), AT.minusSeconds(1)).detectedAt())
        .isEqualTo(AT);
  }

  @Test
  void an_overlong_step_id_is_cut_to_the_id_limit() {
    StepVerdict v = verdict(StepOutcome.INVALID);
    StepVerdict overlong =
        new StepVerdict(
            v.tenantId(),
            v.decisionId(),
            "s".repeat(ProposalCheck.MAX_ID_CHARS + 1),
            v.action(),
            v.userId(),
            v.decidedAt(),
            v.outcome(),
            "step_id longer than " + ProposalCheck.MAX_ID_CHARS + " characters",
            0,
            StepVerdict.NO_CURRENCY);

    assertThat(DecisionRefusals.toBreak(overlong, AT).recordId())
        .hasSize(ProposalCheck.MAX_ID_CHARS);
  }

  @Test
  void only_refusals_become_breaks() {
    assertThatThrownBy(() -> DecisionRefusals.toBreak(verdict(StepOutcome.APPROVED), AT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static StepVerdict verdict(StepOutcome outcome) {
    return new StepVerdict(
        "acme",
        "d-1",
        "a-1",
        DecisionAction.APPROVE,
        "alice",
        AT,
        outcome,
        "own proposal",
        1_250,
        "EUR");
  }
}
