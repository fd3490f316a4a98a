package dev.recon.matching.tolerant;

import dev.recon.matching.model.DeterministicIds;
import dev.recon.matching.model.ReconRecord;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An L2 match: the expected payments and captures one tolerance rule put together. */
public record TolerantMatch(
    String tenantId, String ruleName, int confidence, List<ReconRecord> members) {

  public TolerantMatch {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(ruleName, "ruleName");
    members = List.copyOf(members);
    if (members.size() < 2) {
      throw new IllegalArgumentException("a match needs at least two members: " + members);
    }
  }

  public String matchId() {
    return DeterministicIds.matchId(tenantId, MatchLevel.L2, members);
  }

  /** Event time of the latest member: a replay books at the same time. */
  public Instant matchedAt() {
    return members.stream().map(ReconRecord::eventTime).max(Instant::compareTo).orElseThrow();
  }

  public Match toAvro() {
    return Match.newBuilder()
        .setMatchId(matchId())
        .setTenantId(tenantId)
        .setLevel(MatchLevel.L2)
        .setRule(ruleName)
        .setConfidence(confidence)
        .setMembers(members.stream().map(ReconRecord::toMember).toList())
        .setMatchedAt(matchedAt())
        .build();
  }
}
