package dev.recon.matching.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.matching.model.Break;
import dev.recon.matching.model.BreakReason;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BreakDatingTest {

  private static Break missingPayout(String recordTime, String detectedAt) {
    return new Break(
        "t-acme",
        MatchLevel.L3,
        BreakReason.MISSING_PAYOUT,
        RecordKind.PAYOUT,
        "1128",
        11_520,
        "EUR",
        Instant.parse(recordTime),
        Instant.parse(detectedAt),
        "no payout from adyen for batch 1128");
  }

  @Test
  void a_batch_without_payout_is_not_yet_due_before_t_plus_2_and_detected_at_the_as_of() {
    BreakDating dating =
        new BreakDating(Instant.parse("2025-09-12T18:00:00Z"), PayoutCalendars.defaults());

    Break dated =
        dating.apply(missingPayout("2025-09-11T08:00:00Z", "2025-09-18T08:00:00Z"), "adyen");

    assertThat(dated.detectedAt()).isEqualTo(Instant.parse("2025-09-12T18:00:00Z"));
    assertThat(dated.detail())
        .isEqualTo("NOT_YET_DUE (due 2025-09-15): no payout from adyen for batch 1128");
    assertThat(dated.dueDate()).isEqualTo(LocalDate.parse("2025-09-15"));
    assertThat(dated.dueStatus()).isEqualTo("NOT_YET_DUE");
    assertThat(dated.toAvro().getDueDate()).isEqualTo(LocalDate.parse("2025-09-15"));
    assertThat(dated.toAvro().getDueStatus()).isEqualTo("NOT_YET_DUE");
    assertThat(dated.exceptionId())
        .isEqualTo(missingPayout("2025-09-11T08:00:00Z", "2025-09-18T08:00:00Z").exceptionId());
  }

  @Test
  void a_batch_without_payout_is_late_after_its_due_date() {
    BreakDating dating =
        new BreakDating(Instant.parse("2025-09-17T00:00:00Z"), PayoutCalendars.defaults());

    Break dated =
        dating.apply(missingPayout("2025-09-11T08:00:00Z", "2025-09-18T08:00:00Z"), "adyen");

    assertThat(dated.detail()).startsWith("LATE (due 2025-09-15, 2 business days overdue): ");
    assertThat(dated.toAvro().getDueDate()).isEqualTo(LocalDate.parse("2025-09-15"));
    assertThat(dated.toAvro().getDueStatus()).isEqualTo("LATE");
  }

  @Test
  void without_an_as_of_the_window_close_is_kept_and_used_for_the_assessment() {
    Break dated =
        BreakDating.defaults()
            .apply(missingPayout("2025-09-11T08:00:00Z", "2025-09-18T08:00:00Z"), "adyen");

    assertThat(dated.detectedAt()).isEqualTo(Instant.parse("2025-09-18T08:00:00Z"));
    assertThat(dated.detail()).startsWith("LATE (due 2025-09-15, 3 business days overdue)");
  }

  @Test
  void a_break_is_never_detected_before_its_own_record_nor_assessed_when_not_waiting_for_a_psp() {
    BreakDating dating =
        new BreakDating(Instant.parse("2025-09-01T00:00:00Z"), PayoutCalendars.defaults());
    Break b =
        new Break(
            "t-acme",
            MatchLevel.L1,
            BreakReason.MISSING_IN_PSP,
            RecordKind.EXPECTED,
            "exp-1",
            100,
            "EUR",
            Instant.parse("2025-09-10T00:00:00Z"),
            Instant.parse("2025-09-17T00:00:00Z"),
            "no PSP capture on reference ORD-1");

    Break dated = dating.apply(b, null);

    assertThat(dated.detectedAt()).isEqualTo(Instant.parse("2025-09-10T00:00:00Z"));
    assertThat(dated.detail()).isEqualTo("no PSP capture on reference ORD-1");
    assertThat(dated.toAvro().getDueDate()).isNull();
    assertThat(dated.toAvro().getDueStatus()).isNull();
  }
}
