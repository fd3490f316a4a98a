package dev.recon.reporting.monthend;

import java.util.Objects;

/**
 * The month's postings to {@code psp_fees} for one PSP in one currency.
 *
 * @param psp the PSP whose receivable the entry also moved; empty when the entry names no PSP or
 *     more than one
 * @param charged fee debits (fees charged)
 * @param refunded fee credits (fees refunded)
 */
public record FeeTotal(String psp, String currency, long postings, long charged, long refunded) {

  public FeeTotal {
    Objects.requireNonNull(psp, "psp");
    Objects.requireNonNull(currency, "currency");
  }

  /** Fees charged net of fees refunded. */
  public long netMinor() {
    return Math.subtractExact(charged, refunded);
  }
}
