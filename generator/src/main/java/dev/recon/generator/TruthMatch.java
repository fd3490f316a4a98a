package dev.recon.generator;

import dev.recon.schemas.MatchLevel;
import java.util.List;
import java.util.Objects;

/**
 * A match the pipeline must make: its level, the rule family expected to make it (as matches.csv
 * names rules), the PSP it concerns ("bank" for none) and its members. {@code noise} says what was
 * planted, if anything, that this match must see through.
 */
public record TruthMatch(
    String matchId,
    MatchLevel level,
    String rule,
    String psp,
    Noise noise,
    List<RecordRef> members) {

  public TruthMatch {
    Objects.requireNonNull(matchId, "matchId");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(psp, "psp");
    Objects.requireNonNull(noise, "noise");
    members = members.stream().sorted(RecordRef.ORDER).toList();
    if (members.size() < 2) {
      throw new IllegalArgumentException("a match has at least two members: " + matchId);
    }
  }
}
