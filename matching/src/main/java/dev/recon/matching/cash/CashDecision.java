package dev.recon.matching.cash;

import dev.recon.matching.model.Break;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.StatementLine;
import java.util.List;

/** What L4 decided for one key, and the payouts and bank lines that still wait. */
public record CashDecision(
    List<MatchedSet> matches,
    List<Break> breaks,
    List<Payout> openPayouts,
    List<StatementLine> openLines) {

  public CashDecision {
    matches = List.copyOf(matches);
    breaks = List.copyOf(breaks);
    openPayouts = List.copyOf(openPayouts);
    openLines = List.copyOf(openLines);
  }

  /** Nothing waits any more: the key's state can go. */
  public boolean settled() {
    return openPayouts.isEmpty() && openLines.isEmpty();
  }
}
