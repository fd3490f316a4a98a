package dev.recon.matching.model;

import static dev.recon.matching.SampleRecords.bankLine;
import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.expected;
import static dev.recon.matching.SampleRecords.payout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.matching.exact.ExactMatchRule;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A record's delivery (its provenance's correlation id) travels onto its match member. */
class CorrelationIdTest {

  private static ExpectedPayment expectedFrom(String correlationId) {
    ExpectedPayment e = expected("exp-1", "ORD-1", 10_000, "EUR", "2025-09-10T12:00:00Z");
    e.getProvenance().setCorrelationId(correlationId);
    return e;
  }

  private static PaymentEvent captureFrom(String correlationId) {
    PaymentEvent e = capture("C1:CAPTURE", "ORD-1", 10_000, 250, "1128", "2025-09-11T08:00:00Z");
    e.getProvenance().setCorrelationId(correlationId);
    return e;
  }

  @Test
  void every_record_kind_takes_its_correlation_id_from_its_provenance_onto_its_member() {
    PaymentEvent payoutEvent = payout("1128:EUR", "1128", 11_920, null, "2025-09-25T15:17:00Z");
    payoutEvent.getProvenance().setCorrelationId("sftp-file-3");
    BankLine line = bankLine("L-1", 11_920, "2025-09-26", "2025-09-27", "ADYEN");
    line.getProvenance().setCorrelationId("mail-4");

    List<ReconRecord> records =
        List.of(
            Expectation.from(expectedFrom("erp-1")),
            PspTransaction.from(captureFrom("webhook-2")),
            Payout.from(payoutEvent),
            StatementLine.from(line));

    assertThat(records)
        .extracting(ReconRecord::correlationId)
        .containsExactly("erp-1", "webhook-2", "sftp-file-3", "mail-4");
    assertThat(records)
        .extracting(r -> r.toMember().getCorrelationId())
        .containsExactly("erp-1", "webhook-2", "sftp-file-3", "mail-4");
  }

  @Test
  void a_record_of_no_known_delivery_has_a_member_without_correlation_id() {
    assertThat(Expectation.from(expectedFrom(null)).toMember().getCorrelationId()).isNull();
    PspTransaction noDelivery =
        new PspTransaction(
            "t-acme",
            "C9",
            "adyen",
            PaymentEventType.CAPTURE,
            "C9",
            null,
            "ORD-9",
            100,
            "EUR",
            0,
            100,
            "EUR",
            null,
            Instant.parse("2025-09-11T00:00:00Z"));
    assertThat(noDelivery.correlationId()).isNull();
    assertThat(noDelivery.toMember().getCorrelationId()).isNull();
  }

  @Test
  void a_match_of_records_from_two_deliveries_carries_each_members_correlation_id() {
    MatchedSet match =
        ExactMatchRule.onArrival(
                List.of(Expectation.from(expectedFrom("erp-export-7"))),
                List.of(PspTransaction.from(captureFrom("webhook-delivery-9"))))
            .orElseThrow();

    Match avro = match.toAvro();

    assertThat(avro.getMembers())
        .extracting(MatchMember::getRecordKind, MatchMember::getCorrelationId)
        .containsExactly(
            tuple(RecordKind.EXPECTED, "erp-export-7"),
            tuple(RecordKind.PSP_TXN, "webhook-delivery-9"));
  }

  @Test
  void the_correlation_id_does_not_change_the_match_id() {
    MatchedSet fromOneDelivery =
        ExactMatchRule.onArrival(
                List.of(Expectation.from(expectedFrom("a"))),
                List.of(PspTransaction.from(captureFrom("b"))))
            .orElseThrow();
    MatchedSet fromAnother =
        ExactMatchRule.onArrival(
                List.of(Expectation.from(expectedFrom("c"))),
                List.of(PspTransaction.from(captureFrom(null))))
            .orElseThrow();

    assertThat(fromOneDelivery.matchId()).isEqualTo(fromAnother.matchId());
  }
}
