package dev.recon.matching.model;

import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.expected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.RecordKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterministicIdsTest {

  private final Expectation expected =
      Expectation.from(expected("exp-1", "ORD-1", 100, "EUR", "2025-09-10T00:00:00Z"));
  private final PspTransaction capture =
      PspTransaction.from(capture("C1:CAPTURE", "ORD-1", 100, 3, "1128", "2025-09-11T00:00:00Z"));

  @Test
  void match_id_does_not_depend_on_member_order() {
    String one = DeterministicIds.matchId("t", MatchLevel.L1, List.of(expected, capture));
    String other = DeterministicIds.matchId("t", MatchLevel.L1, List.of(capture, expected));

    assertThat(one).isEqualTo(other).matches("m-[0-9a-f]{32}");
  }

  @Test
  void match_id_differs_by_level_and_tenant() {
    String l1 = DeterministicIds.matchId("t", MatchLevel.L1, List.of(expected, capture));

    assertThat(DeterministicIds.matchId("t", MatchLevel.L2, List.of(expected, capture)))
        .isNotEqualTo(l1);
    assertThat(DeterministicIds.matchId("u", MatchLevel.L1, List.of(expected, capture)))
        .isNotEqualTo(l1);
  }

  @Test
  void exception_id_is_stable_and_differs_by_reason() {
    String missing =
        DeterministicIds.exceptionId(
            "t", MatchLevel.L3, BreakReason.MISSING_PAYOUT, RecordKind.PAYOUT, "1128", "EUR");

    assertThat(missing)
        .matches("x-[0-9a-f]{32}")
        .isEqualTo(
            DeterministicIds.exceptionId(
                "t", MatchLevel.L3, BreakReason.MISSING_PAYOUT, RecordKind.PAYOUT, "1128", "EUR"))
        .isNotEqualTo(
            DeterministicIds.exceptionId(
                "t", MatchLevel.L3, BreakReason.PAYOUT_SHORT, RecordKind.PAYOUT, "1128", "EUR"))
        .isNotEqualTo(
            DeterministicIds.exceptionId(
                "t", MatchLevel.L3, BreakReason.MISSING_PAYOUT, RecordKind.PAYOUT, "1128", "CAD"));
  }
}
