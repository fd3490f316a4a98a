package dev.recon.matching.decision;

import static dev.recon.matching.SampleDecisions.approve;
import static dev.recon.matching.SampleDecisions.copy;
import static dev.recon.matching.SampleDecisions.proposeMatch;
import static dev.recon.matching.SampleDecisions.proposeUnmatch;
import static dev.recon.matching.SampleDecisions.proposeWriteOff;
import static dev.recon.matching.SampleDecisions.reject;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.matching.Permutations;
import dev.recon.schemas.DecisionKind;
import dev.recon.schemas.ManualDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FourEyesRuleTest {

  private static final String T0 = "2025-10-01T09:00:00Z";
  private static final String T1 = "2025-10-01T10:00:00Z";
  private static final String T2 = "2025-10-01T11:00:00Z";

  private final ManualDecision proposal =
      proposeMatch("d-1", "alice", T0, "EXPECTED:exp-3", "PSP_TXN:3ABCD:CAPTURE");

  @Test
  void a_valid_proposal_opens_the_decision_until_its_time_to_live() {
    DecisionTransition t = FourEyesRule.apply(DecisionFile.EMPTY, proposal);

    assertThat(outcomes(t)).containsExactly(StepOutcome.PROPOSED);
    assertThat(t.approved()).isEmpty();
    assertThat(t.next().status()).isEqualTo(DecisionStatus.OPEN);
    assertThat(FourEyesRule.nextDeadline(t.next()))
        .contains(Instant.parse(T0).plus(FourEyesRule.OPEN_PROPOSAL_TTL));
  }

  @Test
  void approval_by_a_second_person_takes_effect_and_closes_the_decision() {
    DecisionTransition t = fold(proposal, approve("d-1", "a-1", "bob", T1));

    assertThat(outcomes(t)).containsExactly(StepOutcome.APPROVED);
    assertThat(t.approved())
        .hasValueSatisfying(
            a -> {
              assertThat(a.proposal()).isEqualTo(proposal);
              assertThat(a.approval().getUserId()).isEqualTo("bob");
            });
    assertThat(t.next().status()).isEqualTo(DecisionStatus.APPROVED);
    assertThat(t.next().proposal()).isNull();
    assertThat(t.next().closedAt()).isEqualTo(Instant.parse(T1));
  }

  @Test
  void the_proposer_cannot_approve_their_own_proposal_but_someone_else_still_can() {
    DecisionTransition self = fold(proposal, approve("d-1", "a-1", "alice", T1));

    assertThat(outcomes(self)).containsExactly(StepOutcome.SAME_USER);
    assertThat(self.verdicts().get(0).reason()).contains("alice", "second, different person");
    assertThat(self.approved()).isEmpty();
    assertThat(self.next().status()).isEqualTo(DecisionStatus.OPEN);

    DecisionTransition other = FourEyesRule.apply(self.next(), approve("d-1", "a-2", "bob", T2));
    assertThat(outcomes(other)).containsExactly(StepOutcome.APPROVED);
    assertThat(other.approved()).isPresent();
  }

  @Test
  void a_rejection_closes_the_decision_and_nothing_takes_effect() {
    DecisionTransition t = fold(proposal, reject("d-1", "r-1", "bob", T1));

    assertThat(outcomes(t)).containsExactly(StepOutcome.REJECTED);
    assertThat(t.approved()).isEmpty();
    assertThat(t.next().status()).isEqualTo(DecisionStatus.REJECTED);
  }

  @Test
  void the_proposer_may_withdraw_by_rejecting() {
    DecisionTransition t = fold(proposal, reject("d-1", "r-1", "alice", T1));

    assertThat(outcomes(t)).containsExactly(StepOutcome.REJECTED);
  }

  @Test
  void any_step_after_the_decision_closed_is_already_decided() {
    DecisionFile approved = fold(proposal, approve("d-1", "a-1", "bob", T1)).next();
    DecisionFile rejected = fold(proposal, reject("d-1", "r-1", "bob", T1)).next();

    for (DecisionFile closed : List.of(approved, rejected)) {
      for (ManualDecision late :
          List.of(
              approve("d-1", "a-9", "carol", T2),
              reject("d-1", "r-9", "carol", T2),
              copy(proposal).setStepId("p-9").build())) {
        DecisionTransition t = FourEyesRule.apply(closed, late);
        assertThat(outcomes(t)).containsExactly(StepOutcome.ALREADY_DECIDED);
        assertThat(t.approved()).isEmpty();
        assertThat(t.next().status()).isEqualTo(closed.status());
      }
    }
  }

  @Test
  void an_approval_before_its_proposal_is_held_and_applied_when_the_proposal_arrives() {
    DecisionTransition early =
        FourEyesRule.apply(DecisionFile.EMPTY, approve("d-1", "a-1", "bob", T1));

    assertThat(outcomes(early)).containsExactly(StepOutcome.AWAITING_PROPOSAL);
    assertThat(early.next().held()).hasSize(1);
    assertThat(FourEyesRule.nextDeadline(early.next()))
        .contains(Instant.parse(T1).plus(FourEyesRule.ORPHAN_STEP_WAIT));

    DecisionTransition t = FourEyesRule.apply(early.next(), proposal);
    assertThat(outcomes(t)).containsExactly(StepOutcome.PROPOSED, StepOutcome.APPROVED);
    assertThat(t.approved()).isPresent();
    assertThat(t.next().held()).isEmpty();
  }

  @Test
  void an_approval_whose_proposal_never_comes_is_unknown_proposal_after_the_wait() {
    DecisionFile held =
        FourEyesRule.apply(DecisionFile.EMPTY, approve("d-1", "a-1", "bob", T1)).next();
    Instant due = Instant.parse(T1).plus(FourEyesRule.ORPHAN_STEP_WAIT);

    DecisionTransition before = FourEyesRule.expire(held, due.minusMillis(1));
    assertThat(before.verdicts()).isEmpty();
    assertThat(before.next()).isEqualTo(held);

    DecisionTransition after = FourEyesRule.expire(held, due);
    assertThat(outcomes(after)).containsExactly(StepOutcome.UNKNOWN_PROPOSAL);
    assertThat(after.next().isEmpty()).isTrue();
    assertThat(FourEyesRule.nextDeadline(after.next())).isEmpty();
  }

  @Test
  void held_steps_expire_one_by_one() {
    DecisionFile held =
        fold(
                approve("d-1", "a-1", "bob", T1),
                reject("d-1", "r-1", "carol", "2025-10-03T00:00:00Z"))
            .next();

    DecisionTransition first =
        FourEyesRule.expire(held, Instant.parse(T1).plus(FourEyesRule.ORPHAN_STEP_WAIT));

    assertThat(first.verdicts()).extracting(StepVerdict::stepId).containsExactly("a-1");
    assertThat(first.next().held()).extracting(ManualDecision::getStepId).containsExactly("r-1");
    assertThat(first.next().stepIds()).containsExactly("r-1");
  }

  @Test
  void a_redelivered_step_is_ignored_wherever_the_decision_stands() {
    ManualDecision approval = approve("d-1", "a-1", "bob", T1);
    DecisionFile held = FourEyesRule.apply(DecisionFile.EMPTY, approval).next();
    DecisionFile open = FourEyesRule.apply(DecisionFile.EMPTY, proposal).next();
    DecisionFile approved = FourEyesRule.apply(open, approval).next();

    assertRedelivery(held, approval);
    assertRedelivery(open, proposal);
    assertRedelivery(approved, approval);
    assertRedelivery(approved, proposal);
  }

  private static void assertRedelivery(DecisionFile file, ManualDecision step) {
    DecisionTransition t = FourEyesRule.apply(file, copy(step).build());
    assertThat(outcomes(t)).containsExactly(StepOutcome.REDELIVERED);
    assertThat(t.next()).isEqualTo(file);
    assertThat(t.approved()).isEmpty();
  }

  static Stream<ManualDecision> invalidProposals() {
    return Stream.of(
        proposeMatch("d-1", "alice", T0, "EXPECTED:exp-3"),
        proposeMatch("d-1", "alice", T0, "EXPECTED:exp-3", "EXPECTED:exp-3"),
        proposeMatch("d-1", "alice", T0, "EXPECTED:exp-3", "exp-4"),
        proposeMatch("d-1", "alice", T0, "EXPECTED:exp-3", "UNKNOWN:x"),
        proposeMatch("d-1", "alice", T0, "EXPECTED:exp-3", "PSP_TXN:"),
        copy(proposeMatch("d-1", "alice", T0, "EXPECTED:a", "PSP_TXN:b")).setKind(null).build(),
        copy(proposeMatch("d-1", "alice", T0, "EXPECTED:a", "PSP_TXN:b"))
            .setRecords(
                IntStream.rangeClosed(0, ProposalCheck.MAX_RECORDS)
                    .mapToObj(i -> "PSP_TXN:" + i)
                    .toList())
            .build(),
        proposeWriteOff("d-1", "alice", T0, "PSP_TXN:x", 0, "EUR"),
        proposeWriteOff("d-1", "alice", T0, "PSP_TXN:x", -5, "EUR"),
        proposeWriteOff(
            "d-1", "alice", T0, "PSP_TXN:x", ProposalCheck.MAX_WRITE_OFF_MINOR + 1, "EUR"),
        copy(proposeWriteOff("d-1", "alice", T0, "PSP_TXN:x", 500, "EUR"))
            .setAmountMinor(null)
            .build(),
        proposeWriteOff("d-1", "alice", T0, "PSP_TXN:x", 500, null),
        proposeWriteOff("d-1", "alice", T0, "PSP_TXN:x", 500, "eur"),
        copy(proposeWriteOff("d-1", "alice", T0, "PSP_TXN:x", 500, "EUR"))
            .setRecords(List.of("PSP_TXN:x", "PSP_TXN:y"))
            .build(),
        copy(proposeWriteOff("d-1", "alice", T0, "PSP_TXN:x", 500, "EUR"))
            .setRecords(List.of())
            .build(),
        proposeUnmatch("d-1", "alice", T0, null),
        proposeUnmatch("d-1", "alice", T0, " "),
        copy(proposeUnmatch("d-1", "alice", T0, "m-1")).setComment(" ").build(),
        copy(proposeUnmatch("d-1", "alice", T0, "m-1"))
            .setComment("x".repeat(ProposalCheck.MAX_COMMENT_CHARS + 1))
            .build(),
        copy(proposeUnmatch("d-1", "alice", T0, "m-1")).setUserId("").build());
  }

  @ParameterizedTest
  @MethodSource("invalidProposals")
  void an_invalid_proposal_is_invalid_with_a_reason_and_can_never_be_approved(ManualDecision bad) {
    DecisionTransition t = FourEyesRule.apply(DecisionFile.EMPTY, bad);

    assertThat(outcomes(t)).containsExactly(StepOutcome.INVALID);
    assertThat(t.verdicts().get(0).reason()).isNotBlank();
    assertThat(t.approved()).isEmpty();

    DecisionTransition approval = FourEyesRule.apply(t.next(), approve("d-1", "a-1", "bob", T1));
    assertThat(approval.approved()).isEmpty();
    assertThat(approval.verdicts())
        .extracting(StepVerdict::outcome)
        .containsExactly(
            t.next().status() == DecisionStatus.INVALID
                ? StepOutcome.ALREADY_DECIDED
                : StepOutcome.AWAITING_PROPOSAL);
  }

  @Test
  void valid_proposals_of_each_kind_open() {
    for (ManualDecision p :
        List.of(
            proposal,
            proposeWriteOff("d-1", "alice", T0, "PSP_TXN:x", 500, "EUR"),
            proposeUnmatch("d-1", "alice", T0, "m-abc"))) {
      assertThat(outcomes(FourEyesRule.apply(DecisionFile.EMPTY, p)))
          .as("%s", p.getKind())
          .containsExactly(StepOutcome.PROPOSED);
    }
  }

  @Test
  void held_approvals_of_an_invalid_proposal_are_already_decided() {
    DecisionTransition t =
        fold(approve("d-1", "a-1", "bob", T1), proposeMatch("d-1", "alice", T0, "EXPECTED:exp-3"));

    assertThat(outcomes(t)).containsExactly(StepOutcome.INVALID, StepOutcome.ALREADY_DECIDED);
    assertThat(t.next().status()).isEqualTo(DecisionStatus.INVALID);
    assertThat(t.next().held()).isEmpty();
  }

  @Test
  void an_approval_without_comment_is_invalid_and_the_decision_stays_open() {
    DecisionTransition t =
        fold(proposal, copy(approve("d-1", "a-1", "bob", T1)).setComment("").build());

    assertThat(outcomes(t)).containsExactly(StepOutcome.INVALID);
    assertThat(t.verdicts().get(0).reason()).contains("comment");
    assertThat(t.next().status()).isEqualTo(DecisionStatus.OPEN);
    assertThat(t.next().stepIds()).contains("a-1");
  }

  @Test
  void an_invalid_step_before_any_proposal_leaves_nothing_to_remember() {
    DecisionTransition t =
        FourEyesRule.apply(
            DecisionFile.EMPTY, copy(approve("d-1", "a-1", "bob", T1)).setComment(" ").build());

    assertThat(outcomes(t)).containsExactly(StepOutcome.INVALID);
    assertThat(t.next().isEmpty()).isTrue();
  }

  @Test
  void a_second_proposal_for_an_open_decision_is_invalid() {
    DecisionTransition t = fold(proposal, copy(proposal).setStepId("p-2").build());

    assertThat(outcomes(t)).containsExactly(StepOutcome.INVALID);
    assertThat(t.verdicts().get(0).reason()).contains("already proposed");
    assertThat(t.next().proposal()).isEqualTo(proposal);
  }

  @Test
  void an_undecided_proposal_expires_then_is_forgotten() {
    DecisionFile open = FourEyesRule.apply(DecisionFile.EMPTY, proposal).next();
    Instant ttl = Instant.parse(T0).plus(FourEyesRule.OPEN_PROPOSAL_TTL);

    assertThat(FourEyesRule.expire(open, ttl.minusMillis(1)).next()).isEqualTo(open);
    DecisionTransition expired = FourEyesRule.expire(open, ttl);
    assertThat(outcomes(expired)).containsExactly(StepOutcome.EXPIRED);
    assertThat(expired.verdicts().get(0).stepId()).isEqualTo(proposal.getStepId());
    assertThat(expired.next().status()).isEqualTo(DecisionStatus.EXPIRED);

    DecisionTransition late = FourEyesRule.apply(expired.next(), approve("d-1", "a-1", "bob", T1));
    assertThat(outcomes(late)).containsExactly(StepOutcome.ALREADY_DECIDED);

    Instant forget = ttl.plus(FourEyesRule.CLOSED_MEMORY);
    assertThat(FourEyesRule.nextDeadline(late.next())).contains(forget);
    assertThat(FourEyesRule.expire(late.next(), forget.minusMillis(1)).next().isEmpty()).isFalse();
    assertThat(FourEyesRule.expire(late.next(), forget).next().isEmpty()).isTrue();
  }

  @Test
  void the_end_of_time_clears_every_decision_in_one_pass() {
    DecisionFile open = FourEyesRule.apply(DecisionFile.EMPTY, proposal).next();

    DecisionTransition t = FourEyesRule.expire(open, Instant.ofEpochMilli(Long.MAX_VALUE));

    assertThat(outcomes(t)).containsExactly(StepOutcome.EXPIRED);
    assertThat(t.next().isEmpty()).isTrue();
  }

  @Test
  void steps_beyond_the_limit_are_refused_not_remembered() {
    DecisionFile file = FourEyesRule.apply(DecisionFile.EMPTY, proposal).next();
    for (int i = 1; i < FourEyesRule.MAX_STEPS_PER_DECISION; i++) {
      file = FourEyesRule.apply(file, approve("d-1", "self-" + i, "alice", T1)).next();
    }
    assertThat(file.stepIds()).hasSize(FourEyesRule.MAX_STEPS_PER_DECISION);

    DecisionTransition t = FourEyesRule.apply(file, approve("d-1", "a-last", "bob", T2));

    assertThat(outcomes(t)).containsExactly(StepOutcome.INVALID);
    assertThat(t.approved()).isEmpty();
    assertThat(t.next()).isEqualTo(file);
  }

  @Test
  void a_refused_write_off_step_carries_the_amount_at_stake() {
    DecisionTransition t =
        fold(
            proposeWriteOff("d-1", "alice", T0, "PSP_TXN:x", 1_250, "EUR"),
            approve("d-1", "a-1", "alice", T1));

    assertThat(t.verdicts())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.outcome()).isEqualTo(StepOutcome.SAME_USER);
              assertThat(v.amountMinor()).isEqualTo(1_250);
              assertThat(v.currency()).isEqualTo("EUR");
            });
  }

  @Test
  void in_every_order_the_second_person_approves_and_the_self_approval_never_takes_effect() {
    ManualDecision self = approve("d-1", "a-self", "alice", T1);
    ManualDecision bob = approve("d-1", "a-bob", "bob", T2);
    List<ManualDecision> steps = List.of(proposal, self, bob, copy(bob).build());

    for (List<ManualDecision> order : Permutations.of(steps)) {
      Outcome o = run(order);
      assertThat(o.approved).as("%s", ids(order)).hasSize(1);
      assertThat(o.approved.get(0).approval().getUserId()).isEqualTo("bob");
      assertThat(o.finalOutcomes)
          .as("%s", ids(order))
          .containsEntry("d-1:propose", StepOutcome.PROPOSED)
          .containsEntry("a-bob", StepOutcome.APPROVED)
          .hasSize(3);
      boolean selfBeforeBob = order.indexOf(self) < order.indexOf(bob);
      assertThat(o.finalOutcomes.get("a-self"))
          .isEqualTo(selfBeforeBob ? StepOutcome.SAME_USER : StepOutcome.ALREADY_DECIDED);
      assertThat(o.end.isEmpty()).isTrue();
    }
  }

  @Test
  void in_every_order_the_first_of_an_approval_and_a_rejection_wins() {
    ManualDecision approval = approve("d-1", "a-1", "bob", T1);
    ManualDecision rejection = reject("d-1", "r-1", "carol", T2);

    for (List<ManualDecision> order : Permutations.of(List.of(proposal, approval, rejection))) {
      Outcome o = run(order);
      boolean approvedFirst = order.indexOf(approval) < order.indexOf(rejection);
      assertThat(o.approved).as("%s", ids(order)).hasSize(approvedFirst ? 1 : 0);
      assertThat(o.finalOutcomes)
          .as("%s", ids(order))
          .containsEntry("d-1:propose", StepOutcome.PROPOSED)
          .containsEntry("a-1", approvedFirst ? StepOutcome.APPROVED : StepOutcome.ALREADY_DECIDED)
          .containsEntry("r-1", approvedFirst ? StepOutcome.ALREADY_DECIDED : StepOutcome.REJECTED);
      assertThat(o.end.isEmpty()).isTrue();
    }
  }

  /** Folds the steps in order, then lets all time pass: every step has one final outcome. */
  private static Outcome run(List<ManualDecision> order) {
    DecisionFile file = DecisionFile.EMPTY;
    Outcome o = new Outcome();
    List<DecisionTransition> transitions = new ArrayList<>();
    for (ManualDecision step : order) {
      DecisionTransition t = FourEyesRule.apply(file, step);
      transitions.add(t);
      file = t.next();
    }
    DecisionTransition end = FourEyesRule.expire(file, Instant.ofEpochMilli(Long.MAX_VALUE));
    transitions.add(end);
    for (DecisionTransition t : transitions) {
      t.approved().ifPresent(o.approved::add);
      for (StepVerdict v : t.verdicts()) {
        if (v.outcome().isFinal()) {
          StepOutcome before = o.finalOutcomes.put(v.stepId(), v.outcome());
          assertThat(before).as("second final outcome for %s", v.stepId()).isNull();
        }
      }
    }
    o.end = end.next();
    return o;
  }

  private static final class Outcome {
    final List<ApprovedDecision> approved = new ArrayList<>();
    final Map<String, StepOutcome> finalOutcomes = new HashMap<>();
    DecisionFile end;
  }

  private static DecisionTransition fold(ManualDecision... steps) {
    DecisionFile file = DecisionFile.EMPTY;
    DecisionTransition last = null;
    for (ManualDecision step : steps) {
      last = FourEyesRule.apply(file, step);
      file = last.next();
    }
    return last;
  }

  private static List<StepOutcome> outcomes(DecisionTransition t) {
    return t.verdicts().stream().map(StepVerdict::outcome).toList();
  }

  private static List<String> ids(List<ManualDecision> steps) {
    return steps.stream().map(s -> s.getStepId() + "/" + s.getUserId()).toList();
  }

  @Test
  void kinds_are_all_covered_by_the_proposal_check() {
    for (DecisionKind kind : DecisionKind.values()) {
      ManualDecision p = copy(proposal).setKind(kind).setRecords(List.of()).build();
      assertThat(ProposalCheck.proposalProblem(p)).as("%s", kind).isPresent();
    }
  }
}
