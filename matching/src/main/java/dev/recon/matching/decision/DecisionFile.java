package dev.recon.matching.decision;

import dev.recon.schemas.ManualDecision;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What is remembered of one decision between its steps.
 *
 * @param proposal the proposal while the decision is open, else null (a closed decision keeps only
 *     its status, close time and step ids, to answer late steps with ALREADY_DECIDED)
 * @param closedAt event time the decision closed, null while not closed
 * @param stepIds every step already given an outcome or held, to ignore redeliveries
 * @param held approvals and rejections waiting for the proposal, in arrival order
 */
public record DecisionFile(
    DecisionStatus status,
    ManualDecision proposal,
    Instant closedAt,
    List<String> stepIds,
    List<ManualDecision> held) {

  public static final DecisionFile EMPTY =
      new DecisionFile(DecisionStatus.NOT_PROPOSED, null, null, List.of(), List.of());

  public DecisionFile {
    Objects.requireNonNull(status, "status");
    stepIds = List.copyOf(stepIds);
    held = List.copyOf(held);
    if ((status == DecisionStatus.OPEN) != (proposal != null)) {
      throw new IllegalArgumentException("a proposal is kept exactly while open: " + status);
    }
    if (status.isClosed() != (closedAt != null)) {
      throw new IllegalArgumentException("closedAt is set exactly when closed: " + status);
    }
    if (status != DecisionStatus.NOT_PROPOSED && !held.isEmpty()) {
      throw new IllegalArgumentException("steps are held only until the proposal arrives");
    }
  }

  /** Nothing to remember: the operator clears the key. */
  public boolean isEmpty() {
    return status == DecisionStatus.NOT_PROPOSED && held.isEmpty() && stepIds.isEmpty();
  }
}
