package dev.recon.ledger.chart;

/** The side on which an account's balance normally sits. */
public enum NormalBalance {
  DEBIT,
  CREDIT
}
