package dev.recon.matching.model;

import java.util.List;

/** What a rule decided for the records under one key: matches made and breaks raised. */
public record Resolution(List<MatchedSet> matches, List<Break> breaks) {

  public Resolution {
    matches = List.copyOf(matches);
    breaks = List.copyOf(breaks);
  }
}
