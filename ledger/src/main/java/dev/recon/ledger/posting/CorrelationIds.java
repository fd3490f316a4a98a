package dev.recon.ledger.posting;

import dev.recon.schemas.Match;
import dev.recon.schemas.MatchMember;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The correlation ids a journal entry carries: the deliveries (webhook, file, mail) whose records
 * it books, so an operator can go from a posting to the logs of the delivery that caused it. A
 * match joins records of several deliveries (a settlement file, a bank statement, an ERP export);
 * the entry names each once, sorted, so the same match always gives the same entry.
 *
 * <p>They are traces, not bookings: an id the ledger cannot store (too long, or with characters
 * other than {@link #PATTERN}'s) is left out rather than refusing the entry, and beyond {@link
 * #MAX_PER_ENTRY} the first ones in sort order are kept. The ledger stores them in one column,
 * separated by {@link #COLUMN_SEPARATOR}, which no id contains.
 */
public final class CorrelationIds {

  /** Ids per entry: a match spans a handful of deliveries; a settlement batch is one file. */
  public static final int MAX_PER_ENTRY = 16;

  /** Longest id kept: a UUID is 36 characters. */
  public static final int MAX_LENGTH = 64;

  /** What an id may consist of: no whitespace, so the column's separator never occurs in one. */
  public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

  /** Separates the ids in {@code ledger.journal_entries.correlation_ids}. */
  public static final String COLUMN_SEPARATOR = " ";

  /** Mirrors {@code correlation_ids varchar(1200)} (V12). */
  public static final int MAX_COLUMN_LENGTH = 1200;

  static {
    if (MAX_PER_ENTRY * (MAX_LENGTH + COLUMN_SEPARATOR.length()) > MAX_COLUMN_LENGTH) {
      throw new AssertionError("the most ids of the longest length must fit the column");
    }
  }

  private CorrelationIds() {}

  /** Whether the id can be carried by an entry and stored by the ledger. */
  public static boolean isValid(String id) {
    return id != null && PATTERN.matcher(id).matches();
  }

  /** The distinct valid correlation ids of the match's members, sorted, at most the limit. */
  public static List<String> of(Match match) {
    SortedSet<String> ids = new TreeSet<>();
    for (MatchMember m : match.getMembers()) {
      if (isValid(m.getCorrelationId())) {
        ids.add(m.getCorrelationId());
      }
    }
    List<String> kept = new ArrayList<>(Math.min(ids.size(), MAX_PER_ENTRY));
    for (String id : ids) {
      if (kept.size() == MAX_PER_ENTRY) {
        break;
      }
      kept.add(id);
    }
    return List.copyOf(kept);
  }

  /** The column value of an entry's ids: null for none. */
  public static String toColumn(List<String> ids) {
    return ids == null || ids.isEmpty() ? null : String.join(COLUMN_SEPARATOR, ids);
  }

  /** The ids of a column value; none for null (entries written before V12, or without ids). */
  public static List<String> fromColumn(String column) {
    return column == null || column.isEmpty()
        ? List.of()
        : List.of(column.split(COLUMN_SEPARATOR, -1));
  }
}
