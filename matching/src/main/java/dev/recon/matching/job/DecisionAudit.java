package dev.recon.matching.job;

import dev.recon.matching.decision.StepVerdict;

/**
 * The final outcome of one manual decision step, for an audit trail: one per step id, so a
 * redelivered step adds nothing. A Flink POJO (public fields, no-arg constructor), never Kryo.
 */
public final class DecisionAudit {

  public String tenantId;
  public String decisionId;
  public String stepId;

  /** PROPOSE, APPROVE or REJECT. */
  public String action;

  public String userId;

  /** Event time of the step (epoch millis). */
  public long decidedAtMillis;

  /** A final {@link dev.recon.matching.decision.StepOutcome}. */
  public String outcome;

  public String reason;

  public DecisionAudit() {}

  static DecisionAudit of(StepVerdict verdict) {
    DecisionAudit a = new DecisionAudit();
    a.tenantId = verdict.tenantId();
    a.decisionId = verdict.decisionId();
    a.stepId = verdict.stepId();
    a.action = verdict.action().name();
    a.userId = verdict.userId();
    a.decidedAtMillis = verdict.decidedAt().toEpochMilli();
    a.outcome = verdict.outcome().name();
    a.reason = verdict.reason();
    return a;
  }
}
