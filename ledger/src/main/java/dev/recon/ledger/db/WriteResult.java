package dev.recon.ledger.db;

/**
 * What one {@link LedgerWriter#write} did. Skipped entries were already in the ledger (a replay) or
 * repeated within the batch.
 *
 * <p>Reversals ({@link MatchReversals}) are counted among the entries too: one that was booked is
 * an inserted entry (its mirror postings among the postings) and counts in {@code reversed}; one
 * that booked nothing is a skipped entry and counts in {@code nothingToReverse} (the ledger holds
 * no entries of the undone match) or {@code alreadyReversed} (that match is reversed already: a
 * replay, or a second unmatch of the same match).
 */
public record WriteResult(
    int entriesInserted,
    int entriesSkipped,
    int postingsInserted,
    int reversed,
    int nothingToReverse,
    int alreadyReversed) {

  public static final WriteResult NONE = new WriteResult(0, 0, 0);

  /** A write without reversals. */
  public WriteResult(int entriesInserted, int entriesSkipped, int postingsInserted) {
    this(entriesInserted, entriesSkipped, postingsInserted, 0, 0, 0);
  }

  public WriteResult plus(WriteResult other) {
    return new WriteResult(
        Math.addExact(entriesInserted, other.entriesInserted),
        Math.addExact(entriesSkipped, other.entriesSkipped),
        Math.addExact(postingsInserted, other.postingsInserted),
        Math.addExact(reversed, other.reversed),
        Math.addExact(nothingToReverse, other.nothingToReverse),
        Math.addExact(alreadyReversed, other.alreadyReversed));
  }
}
