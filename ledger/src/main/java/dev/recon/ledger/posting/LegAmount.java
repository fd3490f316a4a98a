package dev.recon.ledger.posting;

/** Which amount of a match member a posting leg books, and so in which currency. */
public enum LegAmount {
  /** {@code amount_minor} in {@code currency}: a PSP row's gross, a payout's or bank line's sum. */
  GROSS,
  /** {@code fee_minor} in the net currency. */
  FEE,
  /** {@code net_minor} in the net currency. */
  NET,
  /** What a converted gross became: net plus the fee taken from it, in the net currency. */
  CONVERTED;

  /** Whether the amount is in the member's net currency rather than its (gross) currency. */
  public boolean inNetCurrency() {
    return this != GROSS;
  }
}
