package dev.recon.matching.model;

import static dev.recon.matching.SampleRecords.at;
import static dev.recon.matching.SampleRecords.capture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.RecordKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakTest {

  @Test
  void avro_exception_carries_reason_amount_and_event_times() {
    ReconException avro = breakWith(500, "detail").toAvro();

    assertThat(avro.getExceptionId())
        .isEqualTo(
            DeterministicIds.exceptionId(
                "t",
                MatchLevel.L1,
                BreakReason.AMOUNT_MISMATCH,
                RecordKind.EXPECTED,
                "exp-2",
                "EUR"));
    assertThat(avro.getReason()).isEqualTo("AMOUNT_MISMATCH");
    assertThat(avro.getAmountMinor()).isEqualTo(500);
    assertThat(avro.getRecordTime()).isEqualTo(at("2025-09-10T00:00:00Z"));
    assertThat(avro.getDetectedAt()).isEqualTo(at("2025-09-17T00:00:00Z"));
    assertThat(avro.getDetail()).isEqualTo("detail");
  }

  @Test
  void a_due_date_and_status_survive_redating_and_reach_the_avro_exception() {
    Break due =
        breakWith(500, "detail")
            .withDue(LocalDate.parse("2025-09-15"), "LATE")
            .withDetectedAt(at("2025-09-18T00:00:00Z"))
            .withDetail("LATE: detail");

    ReconException avro = due.toAvro();
    assertThat(avro.getDueDate()).isEqualTo(LocalDate.parse("2025-09-15"));
    assertThat(avro.getDueStatus()).isEqualTo("LATE");
    assertThat(avro.getDetectedAt()).isEqualTo(at("2025-09-18T00:00:00Z"));
    assertThat(breakWith(500, "detail").toAvro().getDueDate()).isNull();
  }

  @Test
  void a_due_date_comes_with_its_status() {
    Break b = breakWith(500, "detail");
    assertThatThrownBy(
            () ->
                new Break(
                    b.tenantId(),
                    b.level(),
                    b.reason(),
                    b.recordKind(),
                    b.recordId(),
                    b.amountMinor(),
                    b.currency(),
                    b.recordTime(),
                    b.detectedAt(),
                    b.detail(),
                    LocalDate.parse("2025-09-15"),
                    null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void detail_is_cut_at_its_limit() {
    String detail = breakWith(1, "x".repeat(Break.MAX_DETAIL_CHARS + 100)).detail();

    assertThat(detail).hasSize(Break.MAX_DETAIL_CHARS).endsWith("...");
  }

  @Test
  void amount_at_risk_is_never_negative() {
    assertThatThrownBy(() -> breakWith(-1, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void naming_ids_stops_at_its_limit_and_counts_the_rest() {
    List<ReconRecord> rows = new ArrayList<>();
    for (int i = 0; i < Break.MAX_IDS_IN_DETAIL + 3; i++) {
      rows.add(PspTransaction.from(capture("C" + i, "R", 1, 0, "1128", "2025-09-11T00:00:00Z")));
    }

    assertThat(Break.nameIds(rows)).startsWith("C0, C1, ").endsWith(" and 3 more");
    assertThat(Break.nameIds(rows.subList(0, 2))).isEqualTo("C0, C1");
  }

  private static Break breakWith(long amount, String detail) {
    return new Break(
        "t",
        MatchLevel.L1,
        BreakReason.AMOUNT_MISMATCH,
        RecordKind.EXPECTED,
        "exp-2",
        amount,
        "EUR",
        at("2025-09-10T00:00:00Z"),
        at("2025-09-17T00:00:00Z"),
        detail);
  }
}
