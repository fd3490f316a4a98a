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
  AMOUNT_VALUE_DATE("amount-value-date", MatchLevel.L4, 70);

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
