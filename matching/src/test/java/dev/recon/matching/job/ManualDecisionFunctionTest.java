package dev.recon.matching.job;

import static dev.recon.matching.SampleDecisions.approve;
import static dev.recon.matching.SampleDecisions.copy;
import static dev.recon.matching.SampleDecisions.proposeMatch;
import static dev.recon.matching.SampleDecisions.proposeWriteOff;
import static dev.recon.matching.SampleDecisions.reject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.matching.SampleDecisions;
import dev.recon.matching.decision.FourEyesRule;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.ManualDecision;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.RecordKind;
import dev.recon.schemas.ResolutionKind;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManualDecisionFunctionTest {

  private static final String T0 = "2025-10-01T09:00:00Z";
  private static final String T1 = "2025-10-01T10:00:00Z";

  private KeyedOneInputStreamOperatorTestHarness<String, ManualDecision, Match> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new ManualDecisionFunction()),
            InputKeys::decision,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void an_approved_write_off_emits_its_match_and_audit_and_is_forgotten_after_its_memory()
      throws Exception {
    process(proposeWriteOff("d-1", "alice", T0, "PSP_TXN:3ABCD:CAPTURE", 3_000, "EUR"));
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    process(approve("d-1", "a-1", "bob", T1));

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getRule()).isEqualTo("WRITE_OFF");
              assertThat(m.getLevel()).isEqualTo(MatchLevel.MANUAL);
              assertThat(m.getMembers().get(0).getAmountMinor()).isEqualTo(3_000);
            });
    assertThat(audit())
        .extracting(a -> a.stepId, a -> a.outcome)
        .containsExactly(tuple("d-1:propose", "PROPOSED"), tuple("a-1", "APPROVED"));
    assertThat(HarnessOutputs.breaks(harness)).isEmpty();

    // A late approval within the closed decision's memory is answered, not applied.
    process(approve("d-1", "a-2", "carol", "2025-10-05T00:00:00Z"));
    assertThat(harness.extractOutputValues()).hasSize(1);
    assertThat(HarnessOutputs.breaks(harness))
        .singleElement()
        .satisfies(b -> assertThat(b.getDetail()).startsWith("ALREADY_DECIDED"));

    Instant forget = Instant.parse(T1).plus(FourEyesRule.CLOSED_MEMORY);
    harness.processWatermark(new Watermark(forget.toEpochMilli() - 1));
    assertThat(harness.numKeyedStateEntries()).isPositive();
    harness.processWatermark(new Watermark(forget.toEpochMilli()));
    assertNothingLeft();
  }

  @Test
  void a_self_approval_is_refused_as_a_break_and_the_proposal_stays_open() throws Exception {
    process(proposeMatch("d-2", "alice", T0, "EXPECTED:exp-3", "PSP_TXN:3ABCD:CAPTURE"));
    process(approve("d-2", "a-1", "alice", T1));

    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(HarnessOutputs.breaks(harness))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.getReason()).isEqualTo("DECISION_REFUSED");
              assertThat(b.getLevel()).isEqualTo(MatchLevel.MANUAL);
              assertThat(b.getRecordId()).isEqualTo("a-1");
              assertThat(b.getDetail()).startsWith("SAME_USER: APPROVE of decision d-2 by alice");
            });

    process(approve("d-2", "a-2", "bob", T1));
    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(m -> assertThat(m.getRule()).isEqualTo("MANUAL"));

    harness.processWatermark(Watermark.MAX_WATERMARK);
    assertNothingLeft();
  }

  @Test
  void an_approval_before_its_proposal_is_applied_when_it_arrives() throws Exception {
    process(approve("d-3", "a-1", "bob", T1));
    process(copy(approve("d-3", "a-1", "bob", T1)).build());
    assertThat(audit()).isEmpty();

    process(proposeMatch("d-3", "alice", T0, "EXPECTED:exp-3", "PSP_TXN:3ABCD:CAPTURE"));

    assertThat(harness.extractOutputValues()).hasSize(1);
    assertThat(audit()).extracting(a -> a.outcome).containsExactly("PROPOSED", "APPROVED");
    harness.processWatermark(Watermark.MAX_WATERMARK);
    assertNothingLeft();
  }

  @Test
  void an_approval_without_proposal_is_refused_after_the_wait_and_leaves_nothing()
      throws Exception {
    process(approve("d-4", "a-1", "bob", T1));
    Instant due = Instant.parse(T1).plus(FourEyesRule.ORPHAN_STEP_WAIT);

    harness.processWatermark(new Watermark(due.toEpochMilli() - 1));
    assertThat(HarnessOutputs.breaks(harness)).isEmpty();
    harness.processWatermark(new Watermark(due.toEpochMilli()));

    assertThat(HarnessOutputs.breaks(harness))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.getDetail()).startsWith("UNKNOWN_PROPOSAL");
              assertThat(b.getDetectedAt()).isEqualTo(due);
            });
    assertNothingLeft();
  }

  @Test
  void a_proposal_nobody_decides_expires_then_is_forgotten() throws Exception {
    process(proposeMatch("d-5", "alice", T0, "EXPECTED:exp-3", "PSP_TXN:3ABCD:CAPTURE"));
    Instant ttl = Instant.parse(T0).plus(FourEyesRule.OPEN_PROPOSAL_TTL);

    harness.processWatermark(new Watermark(ttl.toEpochMilli()));
    assertThat(HarnessOutputs.breaks(harness))
        .singleElement()
        .satisfies(b -> assertThat(b.getDetail()).startsWith("EXPIRED"));
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    harness.processWatermark(new Watermark(ttl.plus(FourEyesRule.CLOSED_MEMORY).toEpochMilli()));
    assertNothingLeft();
  }

  @Test
  void a_rejection_emits_nothing_but_its_audit() throws Exception {
    process(proposeMatch("d-6", "alice", T0, "EXPECTED:exp-3", "PSP_TXN:3ABCD:CAPTURE"));
    process(reject("d-6", "r-1", "bob", T1));
    process(reject("d-6", "r-1", "bob", T1));

    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(HarnessOutputs.breaks(harness)).isEmpty();
    assertThat(audit()).extracting(a -> a.outcome).containsExactly("PROPOSED", "REJECTED");
    harness.processWatermark(Watermark.MAX_WATERMARK);
    assertNothingLeft();
  }

  @Test
  void decisions_of_different_tenants_with_the_same_id_are_apart() throws Exception {
    process(proposeMatch("d-7", "alice", T0, "EXPECTED:exp-3", "PSP_TXN:3ABCD:CAPTURE"));
    process(copy(approve("d-7", "a-1", "bob", T1)).setTenantId("other").build());

    assertThat(harness.extractOutputValues()).isEmpty();
    harness.processWatermark(Watermark.MAX_WATERMARK);
    assertThat(HarnessOutputs.breaks(harness))
        .extracting(ReconException::getTenantId, b -> b.getDetail().split(":")[0])
        .containsExactlyInAnyOrder(
            tuple(SampleDecisions.TENANT, "EXPIRED"), tuple("other", "UNKNOWN_PROPOSAL"));
    assertNothingLeft();
  }

  @Test
  void an_approved_write_off_resolves_the_break_it_names_and_books_against_its_psp()
      throws Exception {
    ManualDecision proposal =
        proposeWriteOff("d-1", "alice", T0, "PSP_TXN:3ABCD:CAPTURE", 3_000, "EUR");
    process(proposal);
    assertThat(HarnessOutputs.resolutions(harness)).isEmpty();

    process(approve("d-1", "a-1", "bob", T1));

    Match booked = harness.extractOutputValues().get(0);
    assertThat(booked.getMembers().get(0).getPsp()).isEqualTo(SampleDecisions.PSP);
    assertThat(HarnessOutputs.resolutions(harness))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getHow()).isEqualTo(ResolutionKind.WRITE_OFF);
              assertThat(r.getExceptionId()).isEqualTo(proposal.getExceptionId());
              assertThat(r.getMatchId()).isEqualTo(booked.getMatchId());
              assertThat(r.getRecordKind()).isEqualTo(RecordKind.PSP_TXN);
              assertThat(r.getRecordId()).isEqualTo("3ABCD:CAPTURE");
              assertThat(r.getResolvedAt()).isEqualTo(Instant.parse(T1));
              assertThat(r.getExceptionDetectedAt()).isEqualTo(Instant.parse(T0));
              assertThat(r.getTenantId()).isEqualTo(SampleDecisions.TENANT);
            });
  }

  @Test
  void an_approved_match_naming_a_break_resolves_it_and_one_naming_none_resolves_nothing()
      throws Exception {
    process(
        copy(proposeMatch("d-1", "alice", T0, "EXPECTED:exp-2", "PSP_TXN:2ABCD:CAPTURE"))
            .setExceptionId("x-00000000000000000000000000000002")
            .build());
    process(approve("d-1", "a-1", "bob", T1));
    process(proposeMatch("d-2", "alice", T0, "EXPECTED:exp-3", "PSP_TXN:3ABCD:CAPTURE"));
    process(approve("d-2", "a-2", "bob", T1));

    assertThat(harness.extractOutputValues()).hasSize(2);
    assertThat(HarnessOutputs.resolutions(harness))
        .extracting(
            ExceptionResolution::getHow,
            ExceptionResolution::getExceptionId,
            ExceptionResolution::getRecordId)
        .containsExactly(
            tuple(ResolutionKind.MANUAL_MATCH, "x-00000000000000000000000000000002", "exp-2"));
  }

  @Test
  void a_rejected_write_off_resolves_nothing() throws Exception {
    process(proposeWriteOff("d-1", "alice", T0, "PSP_TXN:3ABCD:CAPTURE", 3_000, "EUR"));
    process(reject("d-1", "r-1", "bob", T1));

    assertThat(HarnessOutputs.resolutions(harness)).isEmpty();
  }

  @Test
  void a_write_off_that_does_not_say_what_it_is_booked_against_is_refused() throws Exception {
    process(
        copy(proposeWriteOff("d-1", "alice", T0, "PSP_TXN:3ABCD:CAPTURE", 3_000, "EUR"))
            .setPsp(null)
            .build());
    process(
        copy(proposeWriteOff("d-2", "alice", T0, "BANK_LINE:STMT-1", 3_000, "EUR"))
            .setBankAccount(" ")
            .build());
    process(approve("d-1", "a-1", "bob", T1));
    process(approve("d-2", "a-2", "bob", T1));

    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(HarnessOutputs.resolutions(harness)).isEmpty();
    assertThat(HarnessOutputs.breaks(harness))
        .filteredOn(b -> b.getRecordId().endsWith(":propose"))
        .extracting(ReconException::getReason, ReconException::getRecordId)
        .containsExactlyInAnyOrder(
            tuple("DECISION_REFUSED", "d-1:propose"), tuple("DECISION_REFUSED", "d-2:propose"));
    assertThat(HarnessOutputs.breaks(harness))
        .filteredOn(b -> b.getRecordId().endsWith(":propose"))
        .extracting(ReconException::getDetail)
        .anySatisfy(d -> assertThat(d).contains("psp"))
        .anySatisfy(d -> assertThat(d).contains("bank_account"));
  }

  @Test
  void a_bank_line_write_off_books_against_its_account() throws Exception {
    process(proposeWriteOff("d-1", "alice", T0, "BANK_LINE:STMT-1", 3_000, "EUR"));
    process(approve("d-1", "a-1", "bob", T1));

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getMembers().get(0).getBankAccount())
                  .isEqualTo(SampleDecisions.BANK_ACCOUNT);
              assertThat(m.getMembers().get(0).getPsp()).isNull();
            });
  }

  private void process(ManualDecision step) throws Exception {
    harness.processElement(new StreamRecord<>(step, step.getDecidedAt().toEpochMilli()));
  }

  private List<DecisionAudit> audit() {
    Queue<StreamRecord<DecisionAudit>> side = harness.getSideOutput(ReconOutputs.DECISION_AUDIT);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }

  private void assertNothingLeft() {
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
