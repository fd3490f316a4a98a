package dev.recon.generator;

/** The PSPs the generator renders, by the names the parsers give them. */
final class Psps {
  static final String ADYEN = "adyen";
  static final String STRIPE = "stripe";

  /** The psp column of truth rows about bank lines alone. */
  static final String BANK = "bank";

  private Psps() {}
}
