package dev.recon.matching.decision;

import static dev.recon.matching.SampleDecisions.approve;
import static dev.recon.matching.SampleDecisions.proposeMatch;
import static dev.recon.matching.SampleDecisions.proposeUnmatch;
import static dev.recon.matching.SampleDecisions.proposeWriteOff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.matching.SampleDecisions;
import dev.recon.matching.model.DeterministicIds;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecisionMatchesTest {

  private static final String AT = "2025-10-02T08:00:00Z";

  @Test
  void an_approved_match_names_its_records_with_unknown_amounts() {
    Match m =
        DecisionMatches.toMatch(
            new ApprovedDecision(
                proposeMatch(
                    "d-1", "alice", "2025-10-01T09:00:00Z", "EXPECTED:exp-3", "PSP_TXN:p:1"),
                approve("d-1", "a-1", "bob", AT)));

    assertThat(m.getMatchId())
        .isEqualTo(DeterministicIds.decisionMatchId(SampleDecisions.TENANT, "d-1"));
    assertThat(m.getTenantId()).isEqualTo(SampleDecisions.TENANT);
    assertThat(m.getLevel()).isEqualTo(MatchLevel.L1);
    assertThat(m.getRule()).isEqualTo("MANUAL");
    assertThat(m.getConfidence()).isEqualTo(100);
    assertThat(m.getMatchedAt()).isEqualTo(Instant.parse(AT));
    assertThat(m.getMembers())
        .extracting(
            MatchMember::getRecordKind, MatchMember::getRecordId, MatchMember::getAmountMinor)
        .containsExactly(
            tuple(RecordKind.EXPECTED, "exp-3", 0L), tuple(RecordKind.PSP_TXN, "p:1", 0L));
  }

  @Test
  void an_approved_write_off_carries_amount_and_currency() {
    Match m =
        DecisionMatches.toMatch(
            new ApprovedDecision(
                proposeWriteOff("d-2", "alice", AT, "PSP_TXN:3ABCD:CAPTURE", 3_000, "EUR"),
                approve("d-2", "a-1", "bob", AT)));

    assertThat(m.getLevel()).isEqualTo(MatchLevel.MANUAL);
    assertThat(m.getRule()).isEqualTo("WRITE_OFF");
    assertThat(m.getMembers())
        .extracting(
            MatchMember::getRecordKind,
            MatchMember::getRecordId,
            MatchMember::getAmountMinor,
            MatchMember::getCurrency)
        .containsExactly(tuple(RecordKind.PSP_TXN, "3ABCD:CAPTURE", 3_000L, "EUR"));
  }

  @Test
  void an_approved_unmatch_is_a_reversal_marker_naming_the_match() {
    Match m =
        DecisionMatches.toMatch(
            new ApprovedDecision(
                proposeUnmatch("d-3", "alice", AT, "m-0123"), approve("d-3", "a-1", "bob", AT)));

    assertThat(m.getLevel()).isEqualTo(MatchLevel.MANUAL);
    assertThat(m.getRule()).isEqualTo("UNMATCH");
    assertThat(m.getMembers())
        .extracting(MatchMember::getRecordKind, MatchMember::getRecordId, MatchMember::getCurrency)
        .containsExactly(tuple(RecordKind.UNKNOWN, "m-0123", "XXX"));
  }

  @Test
  void the_match_id_is_the_decisions_whatever_the_approval() {
    var proposal = proposeUnmatch("d-3", "alice", AT, "m-0123");

    assertThat(
            DecisionMatches.toMatch(
                    new ApprovedDecision(proposal, approve("d-3", "a-1", "bob", AT)))
                .getMatchId())
        .isEqualTo(
            DecisionMatches.toMatch(
                    new ApprovedDecision(proposal, approve("d-3", "a-2", "carol", AT)))
                .getMatchId())
        .isNotEqualTo(DeterministicIds.decisionMatchId("other-tenant", "d-3"));
  }

  @Test
  void four_eyes_is_an_invariant_of_an_approved_decision() {
    assertThatThrownBy(
            () ->
                new ApprovedDecision(
                    proposeUnmatch("d-3", "alice", AT, "m-0123"),
                    approve("d-3", "a-1", "alice", AT)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
