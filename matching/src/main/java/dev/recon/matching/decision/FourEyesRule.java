package dev.recon.matching.decision;

import dev.recon.schemas.DecisionAction;
import dev.recon.schemas.ManualDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Four eyes over manual decisions: a proposal takes effect only once a second, different person
 * approves it. Folds the steps of one decision, in the order they arrive, into a {@link
 * DecisionFile}; every step gets exactly one final {@link StepOutcome}, as a value.
 *
 * <p>Arrival order is the order of the decisions topic: it is keyed by tenant, so all steps of a
 * tenant sit in one partition and a replay reads them in the same order (the first of two
 * conflicting approvals and rejections wins, the same way every time). Kafka preserves the order a
 * single producer wrote, but an approval can still arrive before its proposal (the UI's proposal
 * write retried after the approval, two producers, a topic re-partitioned), so an approval or
 * rejection for a decision not yet proposed is held for {@link #ORPHAN_STEP_WAIT} and applied when
 * the proposal comes; if it never does, its outcome is UNKNOWN_PROPOSAL.
 */
public final class FourEyesRule {

  /** A proposal nobody decides within this time (event time) expires. */
  public static final Duration OPEN_PROPOSAL_TTL = Duration.ofDays(30);

  /** How long an approval or rejection waits for a proposal it arrived before. */
  public static final Duration ORPHAN_STEP_WAIT = Duration.ofDays(7);

  /** How long a closed decision is remembered, to answer late steps with ALREADY_DECIDED. */
  public static final Duration CLOSED_MEMORY = Duration.ofDays(30);

  /** Steps one decision may have; more are refused rather than remembered. */
  public static final int MAX_STEPS_PER_DECISION = 64;

  private FourEyesRule() {}

  /** Folds one arriving step into the decision. */
  public static DecisionTransition apply(DecisionFile file, ManualDecision step) {
    if (file.stepIds().contains(step.getStepId())) {
      return new DecisionTransition(
          file,
          List.of(verdict(step, file, StepOutcome.REDELIVERED, "step already seen")),
          Optional.empty());
    }
    if (file.stepIds().size() >= MAX_STEPS_PER_DECISION) {
      return new DecisionTransition(
          file,
          List.of(
              verdict(
                  step,
                  file,
                  StepOutcome.INVALID,
                  "decision already has " + MAX_STEPS_PER_DECISION + " steps")),
          Optional.empty());
    }
    Optional<String> problem = ProposalCheck.stepProblem(step);
    if (problem.isPresent()) {
      // Remembered (when there is a decision to remember it with), so a redelivery stays quiet.
      DecisionFile next = file.status() == DecisionStatus.NOT_PROPOSED ? file : seen(file, step);
      return new DecisionTransition(
          next, List.of(verdict(step, file, StepOutcome.INVALID, problem.get())), Optional.empty());
    }
    Fold fold = new Fold(file);
    fold.take(step);
    return fold.result();
  }

  /**
   * Lets event time {@code now} pass over the decision: held steps whose proposal never came, an
   * open proposal past its time to live, a closed decision past its memory.
   */
  public static DecisionTransition expire(DecisionFile file, Instant now) {
    List<StepVerdict> verdicts = new ArrayList<>();
    DecisionFile current = file;
    if (current.status() == DecisionStatus.OPEN
        && !now.isBefore(current.proposal().getDecidedAt().plus(OPEN_PROPOSAL_TTL))) {
      ManualDecision proposal = current.proposal();
      verdicts.add(
          StepVerdict.of(
              proposal,
              proposal,
              StepOutcome.EXPIRED,
              "nobody approved or rejected it within " + OPEN_PROPOSAL_TTL.toDays() + " days"));
      current =
          new DecisionFile(
              DecisionStatus.EXPIRED,
              null,
              proposal.getDecidedAt().plus(OPEN_PROPOSAL_TTL),
              current.stepIds(),
              List.of());
    }
    if (current.status().isClosed() && !now.isBefore(current.closedAt().plus(CLOSED_MEMORY))) {
      current = DecisionFile.EMPTY;
    }
    if (current.status() == DecisionStatus.NOT_PROPOSED && !current.held().isEmpty()) {
      List<ManualDecision> stillHeld = new ArrayList<>();
      List<String> ids = new ArrayList<>(current.stepIds());
      for (ManualDecision step : current.held()) {
        if (now.isBefore(step.getDecidedAt().plus(ORPHAN_STEP_WAIT))) {
          stillHeld.add(step);
        } else {
          ids.remove(step.getStepId());
          verdicts.add(
              StepVerdict.of(
                  step,
                  null,
                  StepOutcome.UNKNOWN_PROPOSAL,
                  "no proposal "
                      + step.getDecisionId()
                      + " arrived within "
                      + ORPHAN_STEP_WAIT.toDays()
                      + " days"));
        }
      }
      current = new DecisionFile(DecisionStatus.NOT_PROPOSED, null, null, ids, stillHeld);
    }
    return new DecisionTransition(current, verdicts, Optional.empty());
  }

  /** When {@link #expire} will next change the decision, or empty when nothing is remembered. */
  public static Optional<Instant> nextDeadline(DecisionFile file) {
    return switch (file.status()) {
      case OPEN -> Optional.of(file.proposal().getDecidedAt().plus(OPEN_PROPOSAL_TTL));
      case NOT_PROPOSED ->
          file.held().stream()
              .map(s -> s.getDecidedAt().plus(ORPHAN_STEP_WAIT))
              .min(Instant::compareTo);
      default -> Optional.of(file.closedAt().plus(CLOSED_MEMORY));
    };
  }

  private static DecisionFile seen(DecisionFile file, ManualDecision step) {
    List<String> ids = new ArrayList<>(file.stepIds());
    ids.add(step.getStepId());
    return new DecisionFile(file.status(), file.proposal(), file.closedAt(), ids, file.held());
  }

  private static StepVerdict verdict(
      ManualDecision step, DecisionFile file, StepOutcome outcome, String reason) {
    return StepVerdict.of(step, file.proposal(), outcome, reason);
  }

  /** One fold: a step, and when it is the proposal, the steps that were waiting for it. */
  private static final class Fold {

    private DecisionStatus status;
    private ManualDecision proposal;
    private Instant closedAt;
    private final List<String> stepIds;
    private final List<ManualDecision> held;
    private final List<StepVerdict> verdicts = new ArrayList<>();
    private ApprovedDecision approved;

    Fold(DecisionFile file) {
      status = file.status();
      proposal = file.proposal();
      closedAt = file.closedAt();
      stepIds = new ArrayList<>(file.stepIds());
      held = new ArrayList<>(file.held());
    }

    void take(ManualDecision step) {
      if (status.isClosed()) {
        stepIds.add(step.getStepId());
        refuse(step, StepOutcome.ALREADY_DECIDED, "the decision is already " + status);
        return;
      }
      if (step.getAction() == DecisionAction.PROPOSE) {
        propose(step);
      } else if (status == DecisionStatus.NOT_PROPOSED) {
        stepIds.add(step.getStepId());
        held.add(step);
        verdicts.add(
            StepVerdict.of(
                step, null, StepOutcome.AWAITING_PROPOSAL, "held until the proposal arrives"));
      } else {
        stepIds.add(step.getStepId());
        decide(step);
      }
    }

    private void propose(ManualDecision step) {
      if (status == DecisionStatus.OPEN) {
        stepIds.add(step.getStepId());
        refuse(step, StepOutcome.INVALID, "already proposed in step " + proposal.getStepId());
        return;
      }
      stepIds.add(step.getStepId());
      Optional<String> problem = ProposalCheck.proposalProblem(step);
      if (problem.isPresent()) {
        verdicts.add(StepVerdict.of(step, step, StepOutcome.INVALID, problem.get()));
        close(DecisionStatus.INVALID, step.getDecidedAt());
      } else {
        status = DecisionStatus.OPEN;
        proposal = step;
        verdicts.add(
            StepVerdict.of(step, step, StepOutcome.PROPOSED, "waiting for a second person"));
      }
      List<ManualDecision> waiting = List.copyOf(held);
      held.clear();
      for (ManualDecision w : waiting) {
        if (status.isClosed()) {
          refuse(w, StepOutcome.ALREADY_DECIDED, "the decision is already " + status);
        } else {
          decide(w);
        }
      }
    }

    /** An approval or rejection of the open proposal. */
    private void decide(ManualDecision step) {
      if (step.getAction() == DecisionAction.REJECT) {
        verdicts.add(
            StepVerdict.of(
                step, proposal, StepOutcome.REJECTED, "rejected by " + step.getUserId()));
        close(DecisionStatus.REJECTED, step.getDecidedAt());
      } else if (step.getUserId().equals(proposal.getUserId())) {
        refuse(
            step,
            StepOutcome.SAME_USER,
            step.getUserId()
                + " proposed this decision and cannot approve it: a second, different person must");
      } else {
        approved = new ApprovedDecision(proposal, step);
        verdicts.add(
            StepVerdict.of(
                step,
                proposal,
                StepOutcome.APPROVED,
                "proposed by " + proposal.getUserId() + ", approved by " + step.getUserId()));
        close(DecisionStatus.APPROVED, step.getDecidedAt());
      }
    }

    private void refuse(ManualDecision step, StepOutcome outcome, String reason) {
      verdicts.add(StepVerdict.of(step, proposal, outcome, reason));
    }

    private void close(DecisionStatus closedAs, Instant at) {
      status = closedAs;
      proposal = null;
      closedAt = at;
    }

    DecisionTransition result() {
      return new DecisionTransition(
          new DecisionFile(status, proposal, closedAt, stepIds, held),
          verdicts,
          Optional.ofNullable(approved));
    }
  }
}
