package dev.recon.matching.decision;

/** Where one decision stands. */
public enum DecisionStatus {
  /** Not proposed yet: at most approvals or rejections waiting for their proposal. */
  NOT_PROPOSED,
  OPEN,
  APPROVED,
  REJECTED,
  /** The proposal broke a rule: closed, it can never be approved. */
  INVALID,
  /** Nobody decided within {@link FourEyesRule#OPEN_PROPOSAL_TTL}. */
  EXPIRED;

  public boolean isClosed() {
    return this != NOT_PROPOSED && this != OPEN;
  }
}
