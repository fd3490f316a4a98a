package dev.recon.ledger.posting;

/**
 * How a leg reads the sign of its amount. A positive booked amount debits the leg's debit account
 * and credits its credit account; a negative one swaps the sides.
 */
public enum AmountSign {
  /** The amount as the record reports it. */
  REPORTED,
  /** Its opposite: a PSP reports a refund, a chargeback or a fee row as a negative gross. */
  NEGATED;

  long apply(long amount) {
    return this == REPORTED ? amount : Math.negateExact(amount);
  }
}
