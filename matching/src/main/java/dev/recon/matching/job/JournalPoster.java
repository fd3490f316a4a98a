package dev.recon.matching.job;

import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import java.io.Serializable;
import java.util.List;

/**
 * Books a match into the ledger. The application passes the ledger module's posting rules, so
 * matching never depends on the ledger. Must be deterministic: a replayed match yields the same
 * entries with the same ids.
 */
@FunctionalInterface
public interface JournalPoster extends Serializable {

  List<JournalEntry> entriesFor(Match match);
}
