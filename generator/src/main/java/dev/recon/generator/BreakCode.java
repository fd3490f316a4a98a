package dev.recon.generator;

/** The exception reason codes of the file contract that the generator plants. */
public enum BreakCode {
  MISSING_IN_PSP,
  MISSING_EXPECTED,
  AMOUNT_MISMATCH,
  CURRENCY_MISMATCH,
  DUPLICATE,
  MISSING_IN_BANK,
  UNMATCHED_BANK_LINE
}
