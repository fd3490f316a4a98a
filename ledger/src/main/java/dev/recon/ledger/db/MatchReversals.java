package dev.recon.ledger.db;

import static dev.recon.ledger.jooq.Tables.JOURNAL_ENTRIES;
import static dev.recon.ledger.jooq.Tables.POSTINGS;
import static dev.recon.ledger.jooq.Tables.REVERSED_SOURCES;

import dev.recon.ledger.posting.CorrelationIds;
import dev.recon.ledger.posting.JournalEntryInvariants;
import dev.recon.schemas.JournalEntry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * Books reversal markers ({@link JournalEntryInvariants#isReversal}: an approved unmatch) from what
 * the ledger holds. The posting rules cannot know what the undone match booked; the ledger can. A
 * reversal is written only if the ledger holds entries of the undone source that are not reversals
 * themselves, and that source is not reversed yet; it then gets, in one statement, the mirror
 * (debit and credit swapped) of all their postings as lines 1..n, so every balance returns to what
 * it was without them. Otherwise it writes nothing, and the outcome says why:
 *
 * <ul>
 *   <li>{@link Outcome#NOTHING_TO_REVERSE}: the ledger holds no entry of that source (a match that
 *       booked nothing, or is not booked, or whose month was archived);
 *   <li>{@link Outcome#ALREADY_REVERSED}: a replay of this reversal, or a second unmatch of the
 *       same match.
 * </ul>
 *
 * <p>The database enforces the same (V11): a reversal names a source with entries of its tenant, a
 * source is reversed at most once ({@code ledger.reversed_sources}), the postings are the mirror.
 * Two writers reversing one source at once: the second meets the register's unique key, and the
 * writer's retry then finds it reversed.
 *
 * <p>Runs inside the tenant's write transaction, after the ordinary entries, so an unmatch in the
 * same batch as the match it undoes still finds it.
 */
final class MatchReversals {

  /** What became of one reversal marker. */
  enum Outcome {
    REVERSED,
    NOTHING_TO_REVERSE,
    ALREADY_REVERSED
  }

  private final List<JournalEntry> ordinary;
  private final List<JournalEntry> reversals;

  private MatchReversals(List<JournalEntry> ordinary, List<JournalEntry> reversals) {
    this.ordinary = ordinary;
    this.reversals = reversals;
  }

  /** Splits a tenant's entries, keeping their order, into ordinary entries and reversal markers. */
  static MatchReversals of(Collection<JournalEntry> entries) {
    List<JournalEntry> ordinary = new ArrayList<>(entries.size());
    List<JournalEntry> reversals = new ArrayList<>();
    for (JournalEntry e : entries) {
      (JournalEntryInvariants.isReversal(e) ? reversals : ordinary).add(e);
    }
    return new MatchReversals(List.copyOf(ordinary), List.copyOf(reversals));
  }

  /** The entries that carry their own postings, for the bulk append. */
  List<JournalEntry> ordinary() {
    return ordinary;
  }

  /**
   * Books the reversal markers of this tenant, in the order given (the writer's global lock order).
   *
   * @return the reversals booked as inserted entries with their postings, the others as skipped,
   *     with the outcomes counted
   */
  WriteResult book(DSLContext tx, String tenantId) {
    WriteResult result = WriteResult.NONE;
    for (JournalEntry reversal : reversals) {
      int postings = 0;
      Outcome outcome = outcome(tx, tenantId, reversal.getReversesSourceId());
      if (outcome == Outcome.REVERSED) {
        postings = insert(tx, tenantId, reversal);
      }
      result =
          result.plus(
              new WriteResult(
                  outcome == Outcome.REVERSED ? 1 : 0,
                  outcome == Outcome.REVERSED ? 0 : 1,
                  postings,
                  outcome == Outcome.REVERSED ? 1 : 0,
                  outcome == Outcome.NOTHING_TO_REVERSE ? 1 : 0,
                  outcome == Outcome.ALREADY_REVERSED ? 1 : 0));
    }
    return result;
  }

  private static Outcome outcome(DSLContext tx, String tenantId, String undone) {
    Record2<Boolean, Boolean> state =
        tx.select(
                DSL.field(
                    DSL.exists(
                        DSL.selectOne()
                            .from(REVERSED_SOURCES)
                            .where(REVERSED_SOURCES.TENANT_ID.eq(tenantId))
                            .and(REVERSED_SOURCES.SOURCE_ID.eq(undone)))),
                DSL.field(
                    DSL.exists(
                        DSL.selectOne().from(JOURNAL_ENTRIES).where(originals(tenantId, undone)))))
            .fetchSingle();
    if (state.value1()) {
      return Outcome.ALREADY_REVERSED;
    }
    return state.value2() ? Outcome.REVERSED : Outcome.NOTHING_TO_REVERSE;
  }

  /** The entries a reversal of {@code undone} mirrors: its own, not reversals of it. */
  private static Condition originals(String tenantId, String undone) {
    return JOURNAL_ENTRIES
        .SOURCE_ID
        .eq(undone)
        .and(JOURNAL_ENTRIES.TENANT_ID.eq(tenantId))
        .and(JOURNAL_ENTRIES.REVERSES_SOURCE_ID.isNull());
  }

  /** The reversal entry, then all its postings in one statement (V8: lines 1..n together). */
  private static int insert(DSLContext tx, String tenantId, JournalEntry reversal) {
    OffsetDateTime bookedAt = reversal.getBookedAt().atOffset(ZoneOffset.UTC);
    tx.insertInto(JOURNAL_ENTRIES)
        .set(JOURNAL_ENTRIES.TENANT_ID, tenantId)
        .set(JOURNAL_ENTRIES.ENTRY_ID, reversal.getEntryId())
        .set(JOURNAL_ENTRIES.BOOKED_AT, bookedAt)
        .set(JOURNAL_ENTRIES.SOURCE_KIND, reversal.getSourceKind())
        .set(JOURNAL_ENTRIES.SOURCE_ID, reversal.getSourceId())
        .set(JOURNAL_ENTRIES.DESCRIPTION, reversal.getDescription())
        .set(JOURNAL_ENTRIES.REVERSES_SOURCE_ID, reversal.getReversesSourceId())
        .set(JOURNAL_ENTRIES.CORRELATION_IDS, CorrelationIds.toColumn(reversal.getCorrelationIds()))
        .execute();
    return tx.insertInto(
            POSTINGS,
            POSTINGS.TENANT_ID,
            POSTINGS.ENTRY_ID,
            POSTINGS.BOOKED_AT,
            POSTINGS.LINE_NO,
            POSTINGS.ACCOUNT,
            POSTINGS.DEBIT_MINOR,
            POSTINGS.CREDIT_MINOR,
            POSTINGS.CURRENCY)
        .select(
            DSL.select(
                    DSL.val(tenantId),
                    DSL.val(reversal.getEntryId()),
                    DSL.val(bookedAt),
                    DSL.rowNumber()
                        .over(
                            DSL.orderBy(
                                JOURNAL_ENTRIES.BOOKED_AT,
                                JOURNAL_ENTRIES.ENTRY_ID,
                                POSTINGS.LINE_NO)),
                    POSTINGS.ACCOUNT,
                    // The mirror: what was debited is credited and the other way round.
                    POSTINGS.CREDIT_MINOR,
                    POSTINGS.DEBIT_MINOR,
                    POSTINGS.CURRENCY)
                .from(JOURNAL_ENTRIES)
                .join(POSTINGS)
                .on(
                    POSTINGS
                        .TENANT_ID
                        .eq(JOURNAL_ENTRIES.TENANT_ID)
                        .and(POSTINGS.ENTRY_ID.eq(JOURNAL_ENTRIES.ENTRY_ID))
                        .and(POSTINGS.BOOKED_AT.eq(JOURNAL_ENTRIES.BOOKED_AT)))
                .where(originals(tenantId, reversal.getReversesSourceId())))
        .execute();
  }
}
