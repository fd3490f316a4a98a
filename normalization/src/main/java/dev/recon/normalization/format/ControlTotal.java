package dev.recon.normalization.format;

import dev.recon.schemas.RecordKind;

/**
 * Count and sum of the amounts (as {@code recon inspect} signs them) of one kind of record in one
 * currency. {@code overflowed} is true when the sum no longer fits in a long; {@code amountMinor}
 * is then meaningless.
 */
public record ControlTotal(
    RecordKind recordKind, String currency, long count, long amountMinor, boolean overflowed) {

  public String describe() {
    String amount = overflowed ? "overflow" : Long.toString(amountMinor);
    return "control total "
        + recordKind
        + " "
        + currency
        + ": records="
        + count
        + " amount_minor="
        + amount;
  }
}
