package dev.recon.matching.decision;

import dev.recon.schemas.DecisionAction;
import dev.recon.schemas.ManualDecision;
import java.util.Objects;

/** A proposal and the approval by a second, different person that makes it take effect. */
public record ApprovedDecision(ManualDecision proposal, ManualDecision approval) {

  public ApprovedDecision {
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(approval, "approval");
    if (proposal.getAction() != DecisionAction.PROPOSE
        || approval.getAction() != DecisionAction.APPROVE) {
      throw new IllegalArgumentException("a proposal and an approval are needed");
    }
    if (proposal.getUserId().equals(approval.getUserId())) {
      throw new IllegalArgumentException("four eyes: the approver must not be the proposer");
    }
  }
}
