package dev.recon.normalization.mobilemoney;

/** What a provider's status says about the money: moved, not yet, or never. */
enum MobileMoneyOutcome {
  /** The money moved (MTN SUCCESSFUL, Airtel TS): the only outcome that becomes a record. */
  SUCCESSFUL,
  /** Not final yet (PENDING, TIP, TA): the final status arrives later, by callback or poll. */
  PENDING,
  /** Final without money moving (FAILED, REJECTED, TF). */
  FAILED
}
