package dev.recon.matching.job;

import static dev.recon.matching.SampleRecords.expected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.ResolutionKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Late data in a streaming run: three expected payments of {@link MatchingJobIT}'s settlement are
 * read only after a far later record has moved event time past their captures' windows, so the
 * captures break first (MISSING_EXPECTED). Their late expected payments must still match, with the
 * matches and journal of the bounded run, and each of those breaks must be resolved.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LateDataIT {

  private static final Duration MONTH = Duration.ofDays(30);

  /** Far beyond every window of the settlement: reading it closes them all. */
  private static final ExpectedPayment PACER =
      expected("exp-pacer", "ORD-PACER", 100, "EUR", "2025-12-01T00:00:00Z");

  /** The captures whose breaks must be out before the late expected payments are read. */
  private static final Set<String> LATE_CAPTURES =
      Set.of(
          "1ABCD12345678910:CAPTURE",
          "6ABCD12345678910:CAPTURE",
          "7ABCD12345678910:CAPTURE",
          "8ABCD12345678910:CAPTURE");

  private static final List<String> LATE = List.of("exp-1", "exp-6", "exp-7");

  @Test
  void late_expected_payments_match_resolve_the_breaks_they_left_and_book_the_same_journal()
      throws Exception {
    MatchingJobIT.RunOutput inOrder =
        MatchingJobIT.run(
            MatchingSettings.bounded().withWindows(MONTH, MONTH, MONTH),
            MatchingJobIT.EXPECTED,
            MatchingJobIT.PAYMENTS,
            MatchingJobIT.BANK_LINES);

    MatchingJobIT.RunOutput late =
        MatchingJobIT.run(
            MatchingSettings.streaming(Duration.ofHours(1), Duration.ofMinutes(1))
                .withWindows(MONTH, MONTH, MONTH),
            lateExpected(),
            new BreakGate(onTimeCount() + 2, "MISSING_EXPECTED", LATE_CAPTURES),
            MatchingJobIT.PAYMENTS,
            MatchingJobIT.BANK_LINES,
            null);

    assertThat(late.matches()).isEqualTo(inOrder.matches());
    assertThat(late.journal()).isEqualTo(inOrder.journal());
    Map<String, ReconException> raised =
        late.exceptions().stream()
            .collect(Collectors.toMap(ReconException::getExceptionId, Function.identity()));
    assertThat(late.resolutions())
        .extracting(ExceptionResolution::getHow, ExceptionResolution::getRecordId)
        .containsExactlyInAnyOrder(
            tuple(ResolutionKind.LATE_MATCH, "1ABCD12345678910:CAPTURE"),
            tuple(ResolutionKind.LATE_MATCH, "6ABCD12345678910:CAPTURE"),
            tuple(ResolutionKind.LATE_MATCH, "7ABCD12345678910:CAPTURE"),
            tuple(ResolutionKind.LATE_MATCH, "8ABCD12345678910:CAPTURE"));
    for (ExceptionResolution r : late.resolutions()) {
      ReconException resolved = raised.get(r.getExceptionId());
      assertThat(resolved).as("the break %s resolves", r.getExceptionId()).isNotNull();
      assertThat(resolved.getReason()).isEqualTo("MISSING_EXPECTED");
      assertThat(resolved.getRecordId()).isEqualTo(r.getRecordId());
      assertThat(r.getExceptionDetectedAt()).isEqualTo(resolved.getDetectedAt());
      assertThat(late.matches())
          .filteredOn(m -> m.getMatchId().equals(r.getMatchId()))
          .singleElement()
          .satisfies(m -> assertThat(r.getResolvedAt()).isEqualTo(m.getMatchedAt()));
    }
    // Breaks are never taken back: the late run has the in-order breaks, the pacer's, and those
    // it resolved.
    assertThat(late.exceptions())
        .filteredOn(e -> !e.getRecordId().equals(PACER.getExpectedId()))
        .filteredOn(e -> !raisedFor(late.resolutions(), e))
        .isEqualTo(inOrder.exceptions());
  }

  /**
   * One reader's half: the on-time expected payments, then the pacer (its copies are dropped as
   * redeliveries). The other's: pacers first, then the late three, read after both halves' pacers.
   */
  private static List<ExpectedPayment> lateExpected() {
    List<ExpectedPayment> onTime = new ArrayList<>();
    List<ExpectedPayment> late = new ArrayList<>();
    for (ExpectedPayment e : MatchingJobIT.EXPECTED) {
      (LATE.contains(e.getExpectedId()) ? late : onTime).add(e);
    }
    List<ExpectedPayment> first = new ArrayList<>(onTime);
    // Two pacers more than the on-time half holds, so that both readers have read a pacer before
    // the gate holds them; the late three are read once their captures' breaks are out.
    List<ExpectedPayment> second = new ArrayList<>(Collections.nCopies(onTime.size() + 2, PACER));
    second.addAll(late);
    first.addAll(Collections.nCopies(second.size() - first.size(), PACER));
    List<ExpectedPayment> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static int onTimeCount() {
    return (int)
        MatchingJobIT.EXPECTED.stream().filter(e -> !LATE.contains(e.getExpectedId())).count();
  }

  private static boolean raisedFor(List<ExceptionResolution> resolutions, ReconException e) {
    return resolutions.stream().anyMatch(r -> r.getExceptionId().equals(e.getExceptionId()));
  }
}
