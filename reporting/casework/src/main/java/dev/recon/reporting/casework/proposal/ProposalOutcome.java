package dev.recon.reporting.casework.proposal;

import dev.recon.ledger.db.WriteResult;
import dev.recon.schemas.ManualDecision;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a proposal step, as a value: what happened, the proposal as it now stands, the
 * {@link ManualDecision} steps to publish (PROPOSE; PROPOSE + APPROVE; PROPOSE + REJECT), and for
 * an approved write-off what the ledger write did.
 *
 * @param ledgerWrite empty unless an approved write-off was booked now
 * @param reason why a step was refused, or what was done
 */
public record ProposalOutcome(
    Status status,
    Optional<ProposalView> proposal,
    List<ManualDecision> decisions,
    Optional<WriteResult> ledgerWrite,
    String reason) {

  /** What happened to the step. */
  public enum Status {
    PROPOSED,
    APPROVED,
    REJECTED,
    /** the approver proposed it: a second, different person must decide */
    SAME_USER,
    ALREADY_DECIDED,
    /** the break has an open proposal already */
    ALREADY_PROPOSED,
    /** nobody decided it within FourEyesRule.OPEN_PROPOSAL_TTL; the matching job expires it too */
    EXPIRED,
    NOT_FOUND,
    INVALID;

    public boolean isRefusal() {
      return this != PROPOSED && this != APPROVED && this != REJECTED;
    }
  }

  public ProposalOutcome {
    decisions = List.copyOf(decisions);
  }

  static ProposalOutcome refused(Status status, ProposalView proposal, String reason) {
    return new ProposalOutcome(
        status, Optional.ofNullable(proposal), List.of(), Optional.empty(), reason);
  }
}
