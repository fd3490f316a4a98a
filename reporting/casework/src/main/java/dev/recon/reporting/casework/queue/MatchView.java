package dev.recon.reporting.casework.queue;

import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.List;

/** A match with its members, as the drill-down shows it. */
public record MatchView(
    String matchId,
    String level,
    String rule,
    int confidence,
    Instant matchedAt,
    List<Member> members) {

  public MatchView {
    members = List.copyOf(members);
  }

  /** One matched record with the amount the match took for it. */
  public record Member(RecordKind recordKind, String recordId, long amountMinor, String currency) {}
}
