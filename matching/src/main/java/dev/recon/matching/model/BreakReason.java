package dev.recon.matching.model;

/** Why a record did not match; the code finance users see in the exception queue. */
public enum BreakReason {
  /** L1: expected, but the PSP never reported a capture for the reference. */
  MISSING_IN_PSP,
  /** L1: the PSP captured on a reference the tenant never expected. */
  MISSING_EXPECTED,
  /** L1: expected and captured on one reference, in different currencies. */
  CURRENCY_MISMATCH,
  /** L1: expected and captured on one reference, for different amounts. */
  AMOUNT_MISMATCH,
  /**
   * L1: more captures than expected payments on one reference (the same payment charged twice; the
   * detail names the capture that was paired); L3: a second payout.
   */
  DUPLICATE,
  /** L3: the payout is less than the batch's net sum. */
  PAYOUT_SHORT,
  /** L3: the payout is more than the batch's net sum. */
  PAYOUT_EXCESS,
  /** L3: batch rows arrived, but no payout for them. */
  MISSING_PAYOUT,
  /** L3: a payout arrived without any batch rows to explain it. */
  PAYOUT_UNEXPLAINED,
  /** L4: a payout that never showed up on the bank statement. */
  MISSING_IN_BANK,
  /** L4: a bank line no payout accounts for. */
  UNMATCHED_BANK_LINE,
  /**
   * L1 link: a refund or chargeback whose original capture, or a chargeback reversal whose
   * chargeback, was not seen within its window.
   */
  MISSING_ORIGINAL,
  /**
   * L1 link: a refund or chargeback beyond what remains of its capture (captured minus refunded and
   * charged back before it), or a reversal beyond what was charged back.
   */
  EXCEEDS_ORIGINAL,
  /**
   * Any level: the record arrived at a key already holding its limit of open records; it was not
   * held, so it cannot match automatically and needs a manual decision.
   */
  STATE_LIMIT,
  /**
   * Manual decision: a step was refused (invalid, approved by its own proposer, the decision
   * already closed, no proposal for it, or the proposal expired); the detail names the outcome and
   * why.
   */
  DECISION_REFUSED
}
