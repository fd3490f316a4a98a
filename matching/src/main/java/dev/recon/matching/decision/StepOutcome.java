package dev.recon.matching.decision;

/** What became of one step of a manual decision. */
public enum StepOutcome {
  /** A valid proposal: open, waiting for a second person. */
  PROPOSED,
  /** A second, different person approved: the decision takes effect. */
  APPROVED,
  /** Rejected (by anyone, the proposer withdrawing included): closed, nothing happens. */
  REJECTED,
  /** The step is malformed or the proposal breaks a rule; the reason says which. */
  INVALID,
  /** The proposer tried to approve their own proposal: refused, the proposal stays open. */
  SAME_USER,
  /** The decision was already closed (approved, rejected, invalid or expired). */
  ALREADY_DECIDED,
  /** An approval or rejection whose proposal never arrived within the wait. */
  UNKNOWN_PROPOSAL,
  /** A proposal nobody approved or rejected within its time to live. */
  EXPIRED,
  /** Interim: an approval or rejection held until its proposal arrives. */
  AWAITING_PROPOSAL,
  /** The same step delivered again: ignored, it already has its outcome. */
  REDELIVERED;

  /**
   * Whether this is a step's one final outcome: each step gets exactly one, so an audit trail of
   * final outcomes is idempotent under redelivery.
   */
  public boolean isFinal() {
    return this != AWAITING_PROPOSAL && this != REDELIVERED;
  }

  /** Whether the step was turned down and a person should look at it. */
  public boolean isRefusal() {
    return switch (this) {
      case INVALID, SAME_USER, ALREADY_DECIDED, UNKNOWN_PROPOSAL, EXPIRED -> true;
      default -> false;
    };
  }
}
