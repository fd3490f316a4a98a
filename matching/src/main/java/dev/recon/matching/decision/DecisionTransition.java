package dev.recon.matching.decision;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of folding a step (or the passing of time) into a decision: what to remember next, the
 * outcome of every step decided now, and the decision that took effect, if one did.
 */
public record DecisionTransition(
    DecisionFile next, List<StepVerdict> verdicts, Optional<ApprovedDecision> approved) {

  public DecisionTransition {
    Objects.requireNonNull(next, "next");
    verdicts = List.copyOf(verdicts);
    Objects.requireNonNull(approved, "approved");
  }
}
