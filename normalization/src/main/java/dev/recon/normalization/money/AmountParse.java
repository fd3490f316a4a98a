package dev.recon.normalization.money;

/** Outcome of parsing a major-unit amount: exact minor units, or why the text is not an amount. */
public sealed interface AmountParse permits AmountParse.Parsed, AmountParse.Invalid {

  /** The amount in minor units of the currency it was parsed for. */
  record Parsed(long minor) implements AmountParse {}

  /** The text is not an exact amount in that currency; the reason names what is wrong. */
  record Invalid(String reason) implements AmountParse {
    public Invalid {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("an invalid amount needs a reason");
      }
    }
  }
}
