package dev.recon.ledger.posting;

import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.Posting;
import dev.recon.schemas.RecordKind;
import java.io.Serializable;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * From a match to the journal entry it books (DESIGN.md, "Ledger"). Pure: the same match always
 * gives the same entry, id included, so a replay is a no-op in the database.
 *
 * <p>What each member books is data: a {@link PostingTable}, by default {@code
 * default-posting-rules.yaml} (see there for the accounts). What stays here is structure:
 *
 * <ul>
 *   <li>the booking a match gets: L1/L2 {@link Booking#CAPTURE}, L3 {@link Booking#SETTLEMENT}, L4
 *       {@link Booking#CASH}; a MANUAL match as the level whose member kinds it has (none: it books
 *       nothing), except an approved write-off (rule {@value #RULE_WRITE_OFF}, see {@link
 *       WriteOffPostings}) and an approved unmatch (rule {@value #RULE_UNMATCH}), which becomes a
 *       reversal marker: an entry without postings naming the match to undo, whose mirror the
 *       ledger books from what it holds;
 *   <li>which members a booking looks at ({@link Booking#memberKinds}), each by its rule;
 *   <li>FX: a settled PSP row whose net currency differs from its gross currency also books the
 *       table's {@link FxConversion} legs;
 *   <li>a payout without PSP inherits the single PSP of its batch;
 *   <li>entry ids, limits and the malformed-match checks: a PSP transaction without PSP, a bad
 *       currency, an amount beyond {@link #MAX_ABS_AMOUNT_MINOR} break the matching module's
 *       contract and raise {@link IllegalArgumentException}.
 * </ul>
 *
 * <p>The static {@link #entriesFor} books with the default table (a {@code JournalPoster} as {@code
 * PostingRules::entriesFor}); {@link #with} books with a tenant's table ({@code
 * PostingRules.with(table)::book}, serializable like the table).
 */
public final class PostingRules implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Members of one match; a large PSP settlement batch stays far below. */
  public static final int MAX_MEMBERS = 1_000_000;

  /** Largest magnitude of one amount: 10^15 minor units, beyond any real payment or batch. */
  public static final long MAX_ABS_AMOUNT_MINOR = 1_000_000_000_000_000L;

  /**
   * Rule of the MANUAL match an approved write-off decision becomes (matching's DecisionMatches).
   */
  public static final String RULE_WRITE_OFF = "WRITE_OFF";

  /** Rule of the MANUAL match an approved unmatch decision becomes (matching's DecisionMatches). */
  public static final String RULE_UNMATCH = "UNMATCH";

  private final PostingTable table;

  private PostingRules(PostingTable table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  /** The rules booking by this table. */
  public static PostingRules with(PostingTable table) {
    return new PostingRules(table);
  }

  /**
   * The journal entries a match books by the default table: none (nothing to book, or every leg is
   * zero) or one.
   *
   * @throws IllegalArgumentException if the match is malformed
   */
  public static List<JournalEntry> entriesFor(Match match) {
    return DefaultRules.RULES.book(match);
  }

  public PostingTable table() {
    return table;
  }

  /**
   * The journal entries a match books by this table: none (nothing to book, or every leg is zero)
   * or one.
   *
   * @throws IllegalArgumentException if the match is malformed
   */
  public List<JournalEntry> book(Match match) {
    requireWellFormed(match);
    if (match.getLevel() == MatchLevel.MANUAL && RULE_WRITE_OFF.equals(match.getRule())) {
      return WriteOffPostings.entriesFor(match, table);
    }
    if (match.getLevel() == MatchLevel.MANUAL && RULE_UNMATCH.equals(match.getRule())) {
      return List.of(UnmatchReversal.entryFor(match));
    }
    Optional<Booking> found = bookingFor(match);
    if (found.isEmpty()) {
      return List.of();
    }
    Booking booking = found.get();
    EntryLegs legs = new EntryLegs();
    MemberPostings postings = new MemberPostings(match, legs);
    for (RecordKind kind : booking.memberKinds()) {
      boolean byEventType = booking.byEventType(kind);
      // Conversion is what a PSP did when it settled a row: only PSP rows of a settlement.
      FxConversion fx =
          booking == Booking.SETTLEMENT && kind == RecordKind.PSP_TXN ? table.fxConversion() : null;
      for (MatchMember m : match.getMembers()) {
        if (m.getRecordKind() == kind) {
          PaymentEventType event = byEventType ? MemberPostings.eventType(m) : null;
          postings.book(m, table.rule(booking, kind, event), fx);
        }
      }
    }
    if (legs.isEmpty()) {
      return List.of();
    }
    return List.of(
        entry(
            match,
            SourceKind.of(match.getLevel()),
            description(match, booking) + notes(postings.notes()),
            legs.postings()));
  }

  /** The entry a match books under the given source kind; its id derives from kind and match. */
  static JournalEntry entry(
      Match match, SourceKind sourceKind, String description, List<Posting> postings) {
    return entry(match, sourceKind, description, postings, null);
  }

  /**
   * @param reversesSourceId the source whose entries a reversal marker reverses, else null
   */
  static JournalEntry entry(
      Match match,
      SourceKind sourceKind,
      String description,
      List<Posting> postings,
      String reversesSourceId) {
    JournalEntry entry =
        JournalEntry.newBuilder()
            .setEntryId(
                EntryIds.entryId(match.getTenantId(), sourceKind.name(), match.getMatchId()))
            .setTenantId(match.getTenantId())
            // Avro keeps milliseconds: truncate so the entry is the same before and after a round
            // trip through Kafka, and its key the same on replay.
            .setBookedAt(match.getMatchedAt().truncatedTo(ChronoUnit.MILLIS))
            .setSourceKind(sourceKind.name())
            .setSourceId(match.getMatchId())
            .setDescription(truncated(description))
            .setPostings(postings)
            .setReversesSourceId(reversesSourceId)
            .setCorrelationIds(CorrelationIds.of(match))
            .build();
    return JournalEntryInvariants.requireBalanced(entry);
  }

  private static String truncated(String description) {
    return description.length() <= JournalEntryInvariants.MAX_DESCRIPTION_LENGTH
        ? description
        : description.substring(0, JournalEntryInvariants.MAX_DESCRIPTION_LENGTH);
  }

  private static Optional<Booking> bookingFor(Match match) {
    return switch (match.getLevel()) {
      case L1, L2 -> Optional.of(Booking.CAPTURE);
      case L3 -> Optional.of(Booking.SETTLEMENT);
      case L4 -> Optional.of(Booking.CASH);
      case MANUAL -> shapeOf(match);
    };
  }

  /** A manual match books like the automatic level whose member kinds it has. */
  private static Optional<Booking> shapeOf(Match match) {
    Set<RecordKind> kinds = EnumSet.noneOf(RecordKind.class);
    match.getMembers().forEach(m -> kinds.add(m.getRecordKind()));
    if (kinds.equals(EnumSet.of(RecordKind.EXPECTED, RecordKind.PSP_TXN))) {
      return Optional.of(Booking.CAPTURE);
    }
    if (kinds.equals(EnumSet.of(RecordKind.PSP_TXN, RecordKind.PAYOUT))) {
      return Optional.of(Booking.SETTLEMENT);
    }
    if (kinds.equals(EnumSet.of(RecordKind.PAYOUT, RecordKind.BANK_LINE))) {
      return Optional.of(Booking.CASH);
    }
    return Optional.empty();
  }

  static String currency(MatchMember m) {
    if (!JournalEntryInvariants.isCurrency(m.getCurrency())) {
      throw malformed(m, "bad currency " + m.getCurrency());
    }
    return m.getCurrency();
  }

  static long amount(MatchMember m) {
    return checked(m.getAmountMinor(), m, "amount_minor");
  }

  static long checked(long value, MatchMember m, String field) {
    if (value > MAX_ABS_AMOUNT_MINOR || value < -MAX_ABS_AMOUNT_MINOR) {
      throw malformed(m, field + " beyond +-" + MAX_ABS_AMOUNT_MINOR + ": " + value);
    }
    return value;
  }

  private static void requireWellFormed(Match match) {
    if (match == null) {
      throw new IllegalArgumentException("match is null");
    }
    String id = match.getMatchId();
    if (id == null || id.isEmpty() || id.length() > JournalEntryInvariants.MAX_SOURCE_ID_LENGTH) {
      throw new IllegalArgumentException(
          "match_id must have 1-" + JournalEntryInvariants.MAX_SOURCE_ID_LENGTH + " characters");
    }
    if (!JournalEntryInvariants.isTenantId(match.getTenantId())) {
      throw new IllegalArgumentException("match " + id + ": bad tenant_id " + match.getTenantId());
    }
    if (match.getLevel() == null || match.getMembers() == null) {
      throw new IllegalArgumentException("match " + id + ": no level or no members");
    }
    if (match.getMembers().size() > MAX_MEMBERS) {
      throw new IllegalArgumentException("match " + id + ": more than " + MAX_MEMBERS + " members");
    }
    if (match.getMatchedAt() == null
        || match.getMatchedAt().isBefore(JournalEntryInvariants.EARLIEST_BOOKING)) {
      throw new IllegalArgumentException(
          "match " + id + ": matched_at before " + JournalEntryInvariants.EARLIEST_BOOKING);
    }
  }

  private static String description(Match match, Booking booking) {
    return match.getLevel()
        + " "
        + booking.name().toLowerCase(Locale.ROOT)
        + ": "
        + match.getMembers().size()
        + " member(s), rule "
        + match.getRule();
  }

  /** {@code "; note"} per note, to append to an entry's description. */
  static String notes(List<String> notes) {
    StringBuilder text = new StringBuilder();
    for (String note : notes) {
      text.append("; ").append(note);
    }
    return text.toString();
  }

  static IllegalArgumentException malformed(MatchMember m, String problem) {
    return new IllegalArgumentException(
        "match member " + m.getRecordKind() + " " + m.getRecordId() + ": " + problem);
  }

  /** Holder: the default rules are built on first use, from the default table. */
  private static final class DefaultRules {
    static final PostingRules RULES = new PostingRules(PostingTable.defaultTable());
  }
}
