package dev.recon.generator;

/**
 * How often each kind of noise is planted, as a probability per order (order noise), per payout
 * (payout noise) or per statement day and currency (unrelated bank lines). Lifecycle rates
 * (refunds, chargebacks, reversals) are not noise: they are ordinary business that must still
 * match.
 */
public record NoiseRates(
    double missingInPsp,
    double missingExpected,
    double amountMismatch,
    double currencyMismatch,
    double duplicateCapture,
    double referenceNoise,
    double amountWithinTolerance,
    double refund,
    double chargeback,
    double chargebackReversal,
    double missingInBank,
    double bankFee,
    double aggregatedPayouts,
    double unrelatedBankLine) {

  /** Order noise kinds together take at most this share of orders: most orders stay clean. */
  public static final double MAX_ORDER_NOISE = 0.5;

  /** Payout noise kinds together take at most this share of payouts. */
  public static final double MAX_PAYOUT_NOISE = 0.6;

  public NoiseRates {
    double[] all = {
      missingInPsp,
      missingExpected,
      amountMismatch,
      currencyMismatch,
      duplicateCapture,
      referenceNoise,
      amountWithinTolerance,
      refund,
      chargeback,
      chargebackReversal,
      missingInBank,
      bankFee,
      aggregatedPayouts,
      unrelatedBankLine
    };
    for (double rate : all) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("a rate is outside 0..1: " + rate);
      }
    }
    double orderNoise =
        missingInPsp
            + missingExpected
            + amountMismatch
            + currencyMismatch
            + duplicateCapture
            + referenceNoise
            + amountWithinTolerance;
    if (orderNoise > MAX_ORDER_NOISE) {
      throw new IllegalArgumentException(
          "order noise rates add up to more than " + MAX_ORDER_NOISE);
    }
    if (refund + chargeback > 1) {
      throw new IllegalArgumentException("refund + chargeback rates add up to more than 1");
    }
    if (missingInBank + bankFee + aggregatedPayouts > MAX_PAYOUT_NOISE) {
      throw new IllegalArgumentException(
          "payout noise rates add up to more than " + MAX_PAYOUT_NOISE);
    }
  }

  /** A few percent of every kind: enough of each to measure, few enough to look like real data. */
  public static NoiseRates defaults() {
    return new NoiseRates(
        0.01, 0.01, 0.01, 0.005, 0.005, 0.03, 0.02, 0.05, 0.01, 0.3, 0.05, 0.05, 0.05, 0.2);
  }

  /** Nothing planted and no refunds or chargebacks: every record matches. */
  public static NoiseRates none() {
    return new NoiseRates(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }
}
