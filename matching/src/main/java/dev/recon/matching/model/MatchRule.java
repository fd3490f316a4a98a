package dev.recon.matching.model;

import dev.recon.schemas.MatchLevel;

/**
 * The rules of the walking skeleton, each with the level it belongs to and the confidence every
 * match it makes records. The code is what matches.csv shows in its rule column.
 */
public enum MatchRule {
  EXACT_REFERENCE("exact-reference", MatchLevel.L1, 100),
  BATCH_NET_SUM("batch-net-sum", MatchLevel.L3, 100),
  AMOUNT_REFERENCE("amount-reference", MatchLevel.L4, 100),
  AMOUNT_VALUE_DATE("amount-value-date", MatchLevel.L4, 70),
  /**
   * Refunds, chargebacks and reversals linked to the capture they follow, by the PSP reference of
   * the original. A link books nothing: those rows are booked with their settlement batch (L3).
   */
  ORIGINAL_CAPTURE("original-capture", MatchLevel.L1, 100),
  /** L4 leftovers: the bank took a fee within tolerance off the payout; the reference shows. */
  BANK_FEE_REFERENCE("bank-fee-reference", MatchLevel.L4, 90),
  /** L4 leftovers: a fee within tolerance, by value date alone. */
  BANK_FEE_VALUE_DATE("bank-fee-value-date", MatchLevel.L4, 60),
  /** L4 leftovers: one bank line for several payouts (N:1), each reference shown on the line. */
  AGGREGATED_PAYOUTS("aggregated-payouts", MatchLevel.L4, 90);

  private final String code;
  private final MatchLevel level;
  private final int confidence;

  MatchRule(String code, MatchLevel level, int confidence) {
    if (confidence < 0 || confidence > 100) {
      throw new IllegalArgumentException("confidence outside 0-100: " + confidence);
    }
    this.code = code;
    this.level = level;
    this.confidence = confidence;
  }

  public String code() {
    return code;
  }

  public MatchLevel level() {
    return level;
  }

  public int confidence() {
    return confidence;
  }
}
