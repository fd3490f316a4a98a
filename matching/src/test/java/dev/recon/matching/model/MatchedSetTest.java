package dev.recon.matching.model;

import static dev.recon.matching.SampleRecords.at;
import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.expected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchedSetTest {

  private final Expectation expected =
      Expectation.from(expected("exp-1", "ORD-1", 100, "EUR", "2025-09-10T00:00:00Z"));
  private final PspTransaction capture =
      PspTransaction.from(capture("C1:CAPTURE", "ORD-1", 100, 3, "1128", "2025-09-11T00:00:00Z"));

  @Test
  void avro_match_records_rule_confidence_members_and_latest_member_time() {
    Match match =
        new MatchedSet("t-acme", MatchRule.EXACT_REFERENCE, List.of(expected, capture)).toAvro();

    assertThat(match.getMatchId())
        .isEqualTo(DeterministicIds.matchId("t-acme", MatchLevel.L1, List.of(expected, capture)));
    assertThat(match.getTenantId()).isEqualTo("t-acme");
    assertThat(match.getLevel()).isEqualTo(MatchLevel.L1);
    assertThat(match.getRule()).isEqualTo("exact-reference");
    assertThat(match.getConfidence()).isEqualTo(100);
    assertThat(match.getMembers())
        .extracting(MatchMember::getRecordId)
        .containsExactly("exp-1", "C1:CAPTURE");
    assertThat(match.getMatchedAt()).isEqualTo(at("2025-09-11T00:00:00Z"));
  }

  @Test
  void a_match_has_at_least_two_members() {
    assertThatThrownBy(() -> new MatchedSet("t", MatchRule.EXACT_REFERENCE, List.of(expected)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rules_carry_level_and_confidence() {
    assertThat(MatchRule.AMOUNT_VALUE_DATE.level()).isEqualTo(MatchLevel.L4);
    assertThat(MatchRule.AMOUNT_VALUE_DATE.confidence()).isEqualTo(70);
    assertThat(MatchRule.BATCH_NET_SUM.code()).isEqualTo("batch-net-sum");
  }
}
