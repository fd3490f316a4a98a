package dev.recon.matching.tolerant;

/** How many records on each side one match may take. */
public enum Allocation {
  /** One expected payment, one capture. */
  ONE_TO_ONE,
  /** N:1: several partial captures settle one expected payment. */
  PARTIAL_CAPTURES,
  /** 1:N: one capture settles several expected payments (a split or combined payment). */
  SPLIT_PAYMENT
}
