package dev.recon.generator;

/** The kinds of noise the generator plants, each named in the truth files. */
public enum Noise {
  /** Clean data: the record matches as it should. */
  NONE,
  /** An order the PSP never captured. */
  ORDER_NEVER_CAPTURED,
  /** A capture on a reference the tenant never exported (another sales channel). */
  CAPTURE_WITHOUT_ORDER,
  /** The PSP captured an amount beyond the L2 tolerance from the order's. */
  AMOUNT_OFF,
  /** The PSP captured in another currency than the order's. */
  CURRENCY_OFF,
  /** The same payment charged twice: a second capture on the order's reference. */
  CHARGED_TWICE,
  /** The capture's reference differs in case, spaces, punctuation or a prefix: L2 still matches. */
  REFERENCE_NOISE,
  /** The capture differs from the order by at most the L2 tolerance: L2 still matches. */
  AMOUNT_WITHIN_TOLERANCE,
  /** A payout that never reached the bank. */
  PAYOUT_NOT_AT_BANK,
  /** The bank took a fee off the payout (within the L4 bank-fee tolerance). */
  BANK_FEE_DEDUCTED,
  /** The bank credited two payouts as one line. */
  BANK_AGGREGATED,
  /** A bank line that is not a payout (interest, a supplier, account charges). */
  UNRELATED_BANK_LINE,
  /** A payout of zero: nothing reaches the bank. */
  ZERO_PAYOUT
}
