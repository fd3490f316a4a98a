package dev.recon.generator;

/**
 * Precision and recall of one level (and PSP, or "all"), counted over whole match sets: a run's
 * match is correct when the truth holds a match of the same level with exactly the same members.
 *
 * @param truthSets matches the truth holds at this level
 * @param runSets matches the run made at this level
 * @param correct run matches identical to a truth match
 */
public record LevelScore(String level, String psp, int truthSets, int runSets, int correct) {

  /** Correct over made; 1 when the run made none. */
  public double precision() {
    return runSets == 0 ? 1 : (double) correct / runSets;
  }

  /** Correct over truth; 1 when the truth holds none. */
  public double recall() {
    return truthSets == 0 ? 1 : (double) correct / truthSets;
  }
}
