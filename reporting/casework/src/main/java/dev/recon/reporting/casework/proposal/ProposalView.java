package dev.recon.reporting.casework.proposal;

import dev.recon.schemas.DecisionAction;
import dev.recon.schemas.DecisionKind;
import dev.recon.schemas.ManualDecision;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored proposal and its decision, if taken. Its steps as {@link ManualDecision} values are what
 * the app publishes on the decisions topic: the matching job folds them exactly as casework did.
 */
public record ProposalView(
    String tenantId,
    String proposalId,
    DecisionKind kind,
    List<String> records,
    String exceptionId,
    String matchId,
    Long amountMinor,
    String currency,
    String psp,
    String bankAccount,
    String comment,
    String proposedBy,
    Instant proposedAt,
    ProposalState state,
    String decidedBy,
    Instant decidedAt,
    String decisionComment) {

  public ProposalView {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(proposalId, "proposalId");
    Objects.requireNonNull(kind, "kind");
    records = List.copyOf(records);
    Objects.requireNonNull(state, "state");
  }

  /** The PROPOSE step: step id {@code <proposal id>/PROPOSE}. */
  public ManualDecision proposeStep() {
    return ManualDecision.newBuilder()
        .setDecisionId(proposalId)
        .setStepId(proposalId + "/" + DecisionAction.PROPOSE)
        .setTenantId(tenantId)
        .setAction(DecisionAction.PROPOSE)
        .setKind(kind)
        .setRecords(records)
        .setMatchId(matchId)
        .setExceptionId(exceptionId)
        .setAmountMinor(amountMinor)
        .setCurrency(currency)
        .setPsp(psp)
        .setBankAccount(bankAccount)
        .setComment(comment)
        .setUserId(proposedBy)
        .setDecidedAt(proposedAt)
        .build();
  }

  /** The APPROVE or REJECT step, once decided: step id {@code <proposal id>/<action>}. */
  public ManualDecision decisionStep() {
    if (state == ProposalState.PROPOSED) {
      throw new IllegalStateException("proposal " + proposalId + " is not decided");
    }
    DecisionAction action =
        state == ProposalState.APPROVED ? DecisionAction.APPROVE : DecisionAction.REJECT;
    return step(action, decidedBy, decidedAt, decisionComment);
  }

  ManualDecision step(DecisionAction action, String userId, Instant at, String stepComment) {
    return ManualDecision.newBuilder()
        .setDecisionId(proposalId)
        .setStepId(proposalId + "/" + action)
        .setTenantId(tenantId)
        .setAction(action)
        .setComment(stepComment)
        .setUserId(userId)
        .setDecidedAt(at)
        .build();
  }

  /** The audit subject of the proposal: its break when it names one, else the proposal. */
  public String auditSubject() {
    return exceptionId != null ? "exception:" + exceptionId : "proposal:" + proposalId;
  }
}
