package dev.recon.matching.decision;

import dev.recon.matching.model.Break;
import dev.recon.matching.model.BreakReason;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.RecordKind;
import java.time.Instant;

/**
 * A refused step as a break in the exception queue, where the finance team already works: reason
 * DECISION_REFUSED, one per step (record id = step id, so a replay raises the same exception), the
 * detail naming the outcome, the decision and why.
 */
public final class DecisionRefusals {

  private DecisionRefusals() {}

  /** The break for a refused verdict, detected at {@code detectedAt} (event time). */
  public static Break toBreak(StepVerdict verdict, Instant detectedAt) {
    if (!verdict.outcome().isRefusal()) {
      throw new IllegalArgumentException("not a refusal: " + verdict.outcome());
    }
    return new Break(
        verdict.tenantId(),
        MatchLevel.MANUAL,
        BreakReason.DECISION_REFUSED,
        RecordKind.UNKNOWN,
        boundedId(verdict.stepId()),
        verdict.amountMinor(),
        verdict.currency(),
        verdict.decidedAt(),
        detectedAt.isBefore(verdict.decidedAt()) ? verdict.decidedAt() : detectedAt,
        verdict.outcome()
            + ": "
            + verdict.action()
            + " of decision "
            + verdict.decisionId()
            + " by "
            + verdict.userId()
            + ": "
            + verdict.reason());
  }

  /** A step refused for an overlong id still gets a break, named by the id's first characters. */
  private static String boundedId(String stepId) {
    return stepId.length() <= ProposalCheck.MAX_ID_CHARS
        ? stepId
        : stepId.substring(0, ProposalCheck.MAX_ID_CHARS);
  }
}
