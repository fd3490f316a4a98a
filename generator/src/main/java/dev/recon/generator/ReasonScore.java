package dev.recon.generator;

/**
 * One break reason: how many the generator planted, how many of those the run raised with that
 * reason on that record, raised with another reason, or not at all; and how many the run raised
 * with this reason where none was planted.
 */
public record ReasonScore(
    String reason, int planted, int raised, int otherReason, int notRaised, int unplanted) {

  /** Every planted break was raised with its reason. */
  public boolean allRaised() {
    return raised == planted;
  }
}
