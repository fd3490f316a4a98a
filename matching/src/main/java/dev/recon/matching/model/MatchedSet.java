package dev.recon.matching.model;

import dev.recon.schemas.Match;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Records a rule found to belong together, in the order they are reported. */
public record MatchedSet(String tenantId, MatchRule rule, List<ReconRecord> members) {

  public MatchedSet {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(rule, "rule");
    members = List.copyOf(members);
    if (members.size() < 2) {
      throw new IllegalArgumentException("a match needs at least two members: " + members);
    }
  }

  public String matchId() {
    return DeterministicIds.matchId(tenantId, rule.level(), members);
  }

  /** Event time of the latest member: a replay over the same input books at the same time. */
  public Instant matchedAt() {
    return members.stream().map(ReconRecord::eventTime).max(Instant::compareTo).orElseThrow();
  }

  public Match toAvro() {
    return Match.newBuilder()
        .setMatchId(matchId())
        .setTenantId(tenantId)
        .setLevel(rule.level())
        .setRule(rule.code())
        .setConfidence(rule.confidence())
        .setMembers(members.stream().map(ReconRecord::toMember).toList())
        .setMatchedAt(matchedAt())
        .build();
  }
}
