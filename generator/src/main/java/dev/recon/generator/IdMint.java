package dev.recon.generator;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Identifiers in the shapes PSPs and banks use. A counter in every id keeps them unique; the random
 * part only makes them look like the real thing.
 */
final class IdMint {
  private static final String ALPHANUMERIC =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private final SplittableRandom random;
  private long counter;

  IdMint(SplittableRandom random) {
    this.random = random;
  }

  /** Adyen's 16-digit PSP or modification reference. */
  String adyenReference() {
    return String.format("88%04d%010d", random.nextInt(10_000), ++counter);
  }

  /** Stripe object ids: ch_, re_, dp_, txn_, pi_, po_ followed by 24 characters. */
  String stripe(String prefix) {
    StringBuilder b = new StringBuilder(prefix).append('_');
    for (int i = 0; i < 16; i++) {
      b.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    return b.append(String.format("%8s", Long.toString(++counter, 36)).replace(' ', '0'))
        .toString();
  }

  /** Adyen's payout reference on the bank statement, like TX53913667600XT. */
  String adyenTransfer() {
    return String.format("TX%05d%06dXT", random.nextInt(100_000), ++counter);
  }

  /** A camt.053 AcctSvcrRef. */
  String bankEntry(LocalDate day, String currency) {
    return String.format("%s%s%07d", BASIC_DATE.format(day), currency, ++counter);
  }
}
