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
  /** L1: more captures than expected payments on one reference; L3: a second payout. */
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
  UNMATCHED_BANK_LINE
}
