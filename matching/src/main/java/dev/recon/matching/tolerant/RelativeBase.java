package dev.recon.matching.tolerant;

/** The amount a relative tolerance is a fraction of. */
public enum RelativeBase {
  /** The larger of the two absolute amounts: the most permissive base. */
  LARGER,
  /** The smaller of the two absolute amounts: the strictest base. */
  SMALLER,
  /** The tenant's expected amount. */
  EXPECTED,
  /** The amount the PSP reports. */
  PSP
}
