package dev.recon.ledger.posting;

import dev.recon.ledger.chart.ChartOfAccounts;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Posting;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What every journal entry must satisfy before it is written; the database enforces the same
 * (column sizes, CHECKs, the balance check per statement). The limits mirror the schema's columns.
 */
public final class JournalEntryInvariants {

  /** Mirrors {@code tenant_id varchar(64)} and its CHECK. */
  public static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  public static final int MAX_ENTRY_ID_LENGTH = 64;
  public static final int MAX_SOURCE_KIND_LENGTH = 32;
  public static final int MAX_SOURCE_ID_LENGTH = 256;
  public static final int MAX_DESCRIPTION_LENGTH = 1000;

  /** Merged postings of one entry; a settlement batch merges into a handful of lines. */
  public static final int MAX_POSTINGS_PER_ENTRY = 1000;

  /** Mirrors the bookable range of {@code ledger.ledger_ensure_month} (lower bound). */
  public static final Instant EARLIEST_BOOKING = Instant.parse("2000-01-01T00:00:00Z");

  private JournalEntryInvariants() {}

  public static boolean isTenantId(String tenantId) {
    return tenantId != null && TENANT_ID.matcher(tenantId).matches();
  }

  public static boolean isCurrency(String currency) {
    return currency != null && CURRENCY.matcher(currency).matches();
  }

  /**
   * Requires the entry to be well formed (ids and sizes within the schema, every posting one-sided
   * and positive, accounts of the chart, ISO-like currencies) and balanced per currency. A reversal
   * ({@link #isReversal}) is the one entry without postings: source kind REVERSAL, a {@code
   * reverses_source_id} other than its own source, and no postings at all.
   *
   * @throws IllegalStateException when it is not: producing such an entry is a bug
   */
  public static JournalEntry requireBalanced(JournalEntry entry) {
    if (entry == null) {
      throw new IllegalStateException("journal entry is null");
    }
    String id = entry.getEntryId();
    check(id != null && !id.isEmpty() && id.length() <= MAX_ENTRY_ID_LENGTH, id, "bad entry_id");
    if (!isTenantId(entry.getTenantId())) {
      fail(id, "bad tenant_id " + entry.getTenantId());
    }
    if (entry.getBookedAt() == null || entry.getBookedAt().isBefore(EARLIEST_BOOKING)) {
      fail(id, "booked_at before " + EARLIEST_BOOKING);
    }
    check(
        entry.getBookedAt().truncatedTo(ChronoUnit.MILLIS).equals(entry.getBookedAt()),
        id,
        "booked_at must be whole milliseconds (timestamp-millis)");
    check(within(entry.getSourceKind(), MAX_SOURCE_KIND_LENGTH), id, "bad source_kind");
    check(within(entry.getSourceId(), MAX_SOURCE_ID_LENGTH), id, "bad source_id");
    check(
        entry.getDescription() == null || entry.getDescription().length() <= MAX_DESCRIPTION_LENGTH,
        id,
        "description too long");
    requireCorrelationIds(entry);
    List<Posting> postings = entry.getPostings();
    check(postings != null, id, "no postings");
    if (isReversal(entry)) {
      requireReversalMarker(entry);
      return entry;
    }
    check(
        !SourceKind.REVERSAL.name().equals(entry.getSourceKind()),
        id,
        "reversal without reverses_source_id");
    check(!postings.isEmpty(), id, "no postings");
    if (postings.size() > MAX_POSTINGS_PER_ENTRY) {
      fail(id, "more than " + MAX_POSTINGS_PER_ENTRY + " postings");
    }

    // Messages are built only on failure: this runs for every entry on the write path.
    Map<String, Long> net = new TreeMap<>();
    for (Posting p : postings) {
      if (!ChartOfAccounts.isAccount(p.getAccount())) {
        fail(id, "not an account: " + p.getAccount());
      }
      if (!isCurrency(p.getCurrency())) {
        fail(id, "bad currency " + p.getCurrency());
      }
      long debit = p.getDebitMinor();
      long credit = p.getCreditMinor();
      if (!((debit > 0 && credit == 0) || (debit == 0 && credit > 0))) {
        fail(id, "posting must have exactly one positive side: " + p);
      }
      net.merge(p.getCurrency(), debit - credit, Math::addExact);
    }
    for (Map.Entry<String, Long> balance : net.entrySet()) {
      if (balance.getValue() != 0) {
        fail(id, "does not balance in " + balance.getKey() + " by " + balance.getValue());
      }
    }
    return entry;
  }

  /**
   * Whether the entry is a reversal marker: it names the source whose entries it reverses and
   * carries no postings of its own; the ledger books the mirror of the postings it holds.
   */
  public static boolean isReversal(JournalEntry entry) {
    return entry.getReversesSourceId() != null;
  }

  /**
   * At most {@link CorrelationIds#MAX_PER_ENTRY}, each {@link CorrelationIds#isValid}, strictly
   * ascending (sorted and distinct, as {@link CorrelationIds#of} gives them), so they fit the
   * column and the same match always gives the same entry.
   */
  private static void requireCorrelationIds(JournalEntry entry) {
    String id = entry.getEntryId();
    List<String> ids = entry.getCorrelationIds();
    check(ids != null, id, "correlation_ids is null");
    if (ids.size() > CorrelationIds.MAX_PER_ENTRY) {
      fail(id, "more than " + CorrelationIds.MAX_PER_ENTRY + " correlation ids");
    }
    String previous = null;
    for (String correlationId : ids) {
      if (!CorrelationIds.isValid(correlationId)) {
        fail(id, "bad correlation id " + correlationId);
      }
      if (previous != null && previous.compareTo(correlationId) >= 0) {
        fail(id, "correlation ids not sorted and distinct");
      }
      previous = correlationId;
    }
  }

  /** Mirrors the database's {@code journal_entries_reversal_ck}. */
  private static void requireReversalMarker(JournalEntry entry) {
    String id = entry.getEntryId();
    check(
        SourceKind.REVERSAL.name().equals(entry.getSourceKind()),
        id,
        "reverses_source_id on an entry of source_kind " + entry.getSourceKind());
    check(within(entry.getReversesSourceId(), MAX_SOURCE_ID_LENGTH), id, "bad reverses_source_id");
    check(
        !entry.getReversesSourceId().equals(entry.getSourceId()),
        id,
        "a reversal cannot reverse its own source");
    check(
        entry.getPostings().isEmpty(),
        id,
        "a reversal carries no postings: the ledger books the mirror of those it holds");
  }

  private static void fail(String entryId, String problem) {
    throw new IllegalStateException("journal entry " + entryId + ": " + problem);
  }

  private static boolean within(String value, int maxLength) {
    return value != null && !value.isEmpty() && value.length() <= maxLength;
  }

  private static void check(boolean condition, String entryId, String problem) {
    if (!condition) {
      fail(entryId, problem);
    }
  }
}
