package dev.recon.normalization.adyen;

import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.money.MinorSum;
import dev.recon.normalization.money.MinorUnits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Control total of a settlement batch: per batch and currency, the nets of the rows must add up to
 * the MerchantPayout Adyen reports for it. A difference means rows are missing, were rejected, or a
 * balance was carried over; the records still flow and matching (L3) names the gap.
 */
final class AdyenBatchTotals {
  static final String PAYOUT_MISMATCH = "ADYEN_PAYOUT_MISMATCH";

  private record Payout(String batch, String currency, long amountMinor, int line) {}

  private final Map<String, MinorSum> netByBatchAndCurrency = new HashMap<>();
  private final List<Payout> payouts = new ArrayList<>();

  void addNet(String batch, String currency, long netMinor) {
    netByBatchAndCurrency.computeIfAbsent(key(batch, currency), k -> new MinorSum()).add(netMinor);
  }

  void addPayout(String batch, String currency, long amountMinor, int line) {
    payouts.add(new Payout(batch, currency, amountMinor, line));
  }

  void check(ParseResult.Builder out) {
    for (Payout p : payouts) {
      OptionalLong nets =
          netByBatchAndCurrency.getOrDefault(key(p.batch(), p.currency()), new MinorSum()).value();
      if (nets.isEmpty()) {
        out.finding(
            p.line(),
            PAYOUT_MISMATCH,
            "batch " + p.batch() + " " + p.currency() + ": sum of row nets overflows");
      } else if (nets.getAsLong() != p.amountMinor()) {
        out.finding(
            p.line(),
            PAYOUT_MISMATCH,
            "batch "
                + p.batch()
                + " "
                + p.currency()
                + ": sum of row nets "
                + MinorUnits.format(nets.getAsLong(), p.currency())
                + " != payout "
                + MinorUnits.format(p.amountMinor(), p.currency()));
      }
    }
  }

  private static String key(String batch, String currency) {
    return batch + '\u0000' + currency;
  }
}
