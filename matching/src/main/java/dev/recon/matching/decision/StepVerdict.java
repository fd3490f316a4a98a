package dev.recon.matching.decision;

import dev.recon.schemas.DecisionAction;
import dev.recon.schemas.ManualDecision;
import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of one step, with what the decision concerns so a refusal can show the amount.
 *
 * @param amountMinor the proposal's write-off amount, 0 when none or unknown
 * @param currency the proposal's currency, {@link #NO_CURRENCY} when none or unknown
 */
public record StepVerdict(
    String tenantId,
    String decisionId,
    String stepId,
    DecisionAction action,
    String userId,
    Instant decidedAt,
    StepOutcome outcome,
    String reason,
    long amountMinor,
    String currency) {

  /** ISO 4217 "no currency": a decision that names none. */
  public static final String NO_CURRENCY = "XXX";

  public StepVerdict {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(currency, "currency");
  }

  /** The verdict on {@code step}, amount and currency taken from {@code proposal} if known. */
  static StepVerdict of(
      ManualDecision step, ManualDecision proposal, StepOutcome outcome, String reason) {
    long amount = 0;
    String currency = NO_CURRENCY;
    if (proposal != null && ProposalCheck.isCurrency(proposal.getCurrency())) {
      currency = proposal.getCurrency();
      Long proposed = proposal.getAmountMinor();
      amount = proposed == null || proposed < 0 ? 0 : proposed;
    }
    return new StepVerdict(
        step.getTenantId(),
        step.getDecisionId(),
        step.getStepId(),
        step.getAction(),
        step.getUserId(),
        step.getDecidedAt(),
        outcome,
        reason,
        amount,
        currency);
  }
}
