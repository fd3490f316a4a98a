package dev.recon.matching.decision;

import dev.recon.matching.model.BreakResolution;
import dev.recon.schemas.DecisionKind;
import dev.recon.schemas.ManualDecision;
import dev.recon.schemas.Match;
import dev.recon.schemas.ResolutionKind;
import java.util.Optional;

/**
 * The break an approved MATCH or WRITE_OFF resolves: the one its proposal names by exception id. An
 * UNMATCH, or a proposal that names no break, resolves none.
 */
public final class DecisionResolutions {

  private DecisionResolutions() {}

  /**
   * The resolution of the break {@code decision} names, resolved by {@code booked} (what {@link
   * DecisionMatches#toMatch} made of it). The decision does not see the break: its detection time
   * is given as the proposal's time, the latest it can have been raised, and the record is the
   * first one the proposal names.
   */
  public static Optional<BreakResolution> of(ApprovedDecision decision, Match booked) {
    ManualDecision proposal = decision.proposal();
    String exceptionId = proposal.getExceptionId();
    if (exceptionId == null || exceptionId.isBlank()) {
      return Optional.empty();
    }
    ResolutionKind how;
    if (proposal.getKind() == DecisionKind.MATCH) {
      how = ResolutionKind.MANUAL_MATCH;
    } else if (proposal.getKind() == DecisionKind.WRITE_OFF) {
      how = ResolutionKind.WRITE_OFF;
    } else {
      return Optional.empty();
    }
    RecordRef record =
        RecordRef.parse(proposal.getRecords().get(0))
            .orElseThrow(() -> new IllegalArgumentException("unchecked proposal " + proposal));
    return Optional.of(
        new BreakResolution(
            proposal.getTenantId(),
            exceptionId,
            how,
            booked.getMatchId(),
            record.kind(),
            record.recordId(),
            proposal.getDecidedAt(),
            decision.approval().getDecidedAt(),
            how
                + " proposed by "
                + proposal.getUserId()
                + " (decision "
                + proposal.getDecisionId()
                + "), approved by "
                + decision.approval().getUserId()));
  }
}
