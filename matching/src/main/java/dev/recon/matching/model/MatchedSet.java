package dev.recon.matching.model;

import dev.recon.schemas.Match;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Records a rule found to belong together, in the order they are reported.
 *
 * @param configuredRule the name of the configured rule (an L4 cash rule) whose terms applied, or
 *     null for built-in terms; it shows after the rule code, e.g. {@code
 *     bank-fee-reference:eur-banks}
 */
public record MatchedSet(
    String tenantId, MatchRule rule, List<ReconRecord> members, String configuredRule) {

  /** Separates the rule code from the configured rule's name in matches.csv's rule column. */
  public static final String CONFIGURED_RULE_SEPARATOR = ":";

  public MatchedSet {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(rule, "rule");
    members = List.copyOf(members);
    if (members.size() < 2) {
      throw new IllegalArgumentException("a match needs at least two members: " + members);
    }
  }

  public MatchedSet(String tenantId, MatchRule rule, List<ReconRecord> members) {
    this(tenantId, rule, members, null);
  }

  public String matchId() {
    return DeterministicIds.matchId(tenantId, rule.level(), members);
  }

  /** What the rule column shows: the rule code, then the configured rule when one applied. */
  public String ruleLabel() {
    return configuredRule == null
        ? rule.code()
        : rule.code() + CONFIGURED_RULE_SEPARATOR + configuredRule;
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
        .setRule(ruleLabel())
        .setConfidence(rule.confidence())
        .setMembers(members.stream().map(ReconRecord::toMember).toList())
        .setMatchedAt(matchedAt())
        .build();
  }
}
