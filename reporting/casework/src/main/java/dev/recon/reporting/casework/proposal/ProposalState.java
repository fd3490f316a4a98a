package dev.recon.reporting.casework.proposal;

/** A proposal waits for a second person, who approves or rejects it once. */
public enum ProposalState {
  PROPOSED,
  APPROVED,
  REJECTED
}
