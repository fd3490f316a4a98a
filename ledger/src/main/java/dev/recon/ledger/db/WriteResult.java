package dev.recon.ledger.db;

/**
 * What one {@link LedgerWriter#write} did. Skipped entries were already in the ledger (a replay) or
 * repeated within the batch.
 */
public record WriteResult(int entriesInserted, int entriesSkipped, int postingsInserted) {

  public static final WriteResult NONE = new WriteResult(0, 0, 0);

  public WriteResult plus(WriteResult other) {
    return new WriteResult(
        Math.addExact(entriesInserted, other.entriesInserted),
        Math.addExact(entriesSkipped, other.entriesSkipped),
        Math.addExact(postingsInserted, other.postingsInserted));
  }
}
