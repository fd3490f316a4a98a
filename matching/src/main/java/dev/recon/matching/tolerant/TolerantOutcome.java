package dev.recon.matching.tolerant;

import dev.recon.matching.model.Expectation;
import dev.recon.matching.model.PspTransaction;
import java.util.List;

/** What L2 matched, and what it could not place (in chronological order). */
public record TolerantOutcome(
    List<TolerantMatch> matches,
    List<Expectation> unmatchedExpected,
    List<PspTransaction> unmatchedCaptures) {

  public TolerantOutcome {
    matches = List.copyOf(matches);
    unmatchedExpected = List.copyOf(unmatchedExpected);
    unmatchedCaptures = List.copyOf(unmatchedCaptures);
  }
}
