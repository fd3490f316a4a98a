package dev.recon.ledger.posting;

import static dev.recon.ledger.chart.ChartOfAccounts.BANK_IN_TRANSIT;
import static dev.recon.ledger.chart.ChartOfAccounts.CHARGEBACK_LOSSES;
import static dev.recon.ledger.chart.ChartOfAccounts.FX_CONVERSION;
import static dev.recon.ledger.chart.ChartOfAccounts.PAYMENTS_CLEARING;
import static dev.recon.ledger.chart.ChartOfAccounts.PSP_ADJUSTMENTS;
import static dev.recon.ledger.chart.ChartOfAccounts.PSP_FEES;
import static dev.recon.ledger.chart.ChartOfAccounts.SUSPENSE;

import dev.recon.ledger.chart.ChartOfAccounts;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.Posting;
import dev.recon.schemas.RecordKind;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * From a match to the journal entry it books (DESIGN.md, "Ledger"). Pure: the same match always
 * gives the same entry, id included, so a replay is a no-op in the database.
 *
 * <ul>
 *   <li>L1/L2 (expected payment + PSP capture): Dr {@code psp_receivable:<psp>} / Cr {@code
 *       payments_clearing}, the capture's gross.
 *   <li>L3 (settlement batch + payout): per PSP transaction its fee, and the gross of everything
 *       that is not a capture (refunds, chargebacks and reversals, fee rows, adjustments); gross in
 *       another currency than the net is converted through {@code fx_conversion}; the payout moves
 *       the net to {@code bank_in_transit}.
 *   <li>L4 (payout + bank line): Dr {@code bank:<account>} / Cr {@code bank_in_transit}, the bank
 *       line's amount.
 *   <li>MANUAL: by the kinds of its members, as the level whose shape it has; except an approved
 *       write-off (rule {@value #RULE_WRITE_OFF}, see {@link WriteOffPostings}) and an approved
 *       unmatch (rule {@value #RULE_UNMATCH}), which becomes a reversal marker: an entry without
 *       postings naming the match to undo, whose mirror the ledger books from what it holds.
 * </ul>
 *
 * <p>Malformed matches (a PSP transaction without PSP, a bad currency, an amount beyond {@link
 * #MAX_ABS_AMOUNT_MINOR}) break the matching module's contract and raise {@link
 * IllegalArgumentException}.
 */
public final class PostingRules {

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

  private enum Booking {
    CAPTURE,
    SETTLEMENT,
    CASH
  }

  private PostingRules() {}

  /**
   * The journal entries a match books: none (nothing to book, or every leg is zero) or one.
   *
   * @throws IllegalArgumentException if the match is malformed
   */
  public static List<JournalEntry> entriesFor(Match match) {
    requireWellFormed(match);
    if (match.getLevel() == MatchLevel.MANUAL && RULE_WRITE_OFF.equals(match.getRule())) {
      return WriteOffPostings.entriesFor(match);
    }
    if (match.getLevel() == MatchLevel.MANUAL && RULE_UNMATCH.equals(match.getRule())) {
      return List.of(UnmatchReversal.entryFor(match));
    }
    Optional<Booking> booking = bookingFor(match);
    if (booking.isEmpty()) {
      return List.of();
    }
    EntryLegs legs = new EntryLegs();
    switch (booking.get()) {
      case CAPTURE -> bookCaptures(match, legs);
      case SETTLEMENT -> bookSettlement(match, legs);
      case CASH -> bookCash(match, legs);
    }
    if (legs.isEmpty()) {
      return List.of();
    }
    return List.of(
        entry(
            match,
            SourceKind.of(match.getLevel()),
            description(match, booking.get()),
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

  /** Capture confirmed: the gross becomes receivable from the PSP. */
  private static void bookCaptures(Match match, EntryLegs legs) {
    for (MatchMember m : match.getMembers()) {
      if (m.getRecordKind() == RecordKind.PSP_TXN && typeOf(m) == PaymentEventType.CAPTURE) {
        legs.book(receivable(m), PAYMENTS_CLEARING, currency(m), amount(m));
      }
    }
  }

  /** Settlement batch reported with its payout. Captures' gross was booked at L1/L2. */
  private static void bookSettlement(Match match, EntryLegs legs) {
    for (MatchMember m : match.getMembers()) {
      if (m.getRecordKind() != RecordKind.PSP_TXN) {
        continue;
      }
      String receivable = receivable(m);
      String gross = currency(m);
      String net = netCurrency(m);
      long amount = amount(m);
      switch (typeOf(m)) {
        case CAPTURE -> {}
        case REFUND -> legs.book(PAYMENTS_CLEARING, receivable, gross, -amount);
        case CHARGEBACK -> legs.book(CHARGEBACK_LOSSES, receivable, gross, -amount);
        case CHARGEBACK_REVERSAL -> legs.book(receivable, CHARGEBACK_LOSSES, gross, amount);
        case FEE -> legs.book(PSP_FEES, receivable, gross, -amount);
        case ADJUSTMENT -> legs.book(receivable, PSP_ADJUSTMENTS, gross, amount);
        // A PSP row the rules do not know still moved money the payout contains: park it where
        // finance sees it instead of guessing.
        case PAYOUT, OTHER -> legs.book(receivable, SUSPENSE, gross, amount);
      }
      legs.book(PSP_FEES, receivable, net, checked(m.getFeeMinor(), m, "fee_minor"));
      if (!gross.equals(net)) {
        // The PSP converted: the gross leaves the receivable in its currency and what it became
        // (net plus the fee taken from it) enters in the settlement currency.
        legs.book(FX_CONVERSION, receivable, gross, amount);
        long converted =
            Math.addExact(
                checked(m.getNetMinor(), m, "net_minor"), checked(m.getFeeMinor(), m, "fee_minor"));
        legs.book(receivable, FX_CONVERSION, net, converted);
      }
    }
    for (MatchMember m : match.getMembers()) {
      if (m.getRecordKind() == RecordKind.PAYOUT) {
        legs.book(BANK_IN_TRANSIT, payoutReceivable(m, match), currency(m), amount(m));
      }
    }
  }

  /** Cash arrived: the bank line's amount leaves transit for the bank account. */
  private static void bookCash(Match match, EntryLegs legs) {
    for (MatchMember m : match.getMembers()) {
      if (m.getRecordKind() == RecordKind.BANK_LINE) {
        String bankAccount = m.getBankAccount();
        if (bankAccount == null) {
          throw malformed(m, "bank line without bank_account");
        }
        legs.book(ChartOfAccounts.bank(bankAccount), BANK_IN_TRANSIT, currency(m), amount(m));
      }
    }
  }

  private static String receivable(MatchMember m) {
    if (m.getPsp() == null) {
      throw malformed(m, "PSP transaction without psp");
    }
    return ChartOfAccounts.pspReceivable(m.getPsp());
  }

  /** A payout names its PSP, or inherits the single PSP of the batch it pays out. */
  private static String payoutReceivable(MatchMember payout, Match match) {
    if (payout.getPsp() != null) {
      return ChartOfAccounts.pspReceivable(payout.getPsp());
    }
    Set<String> psps = new TreeSet<>();
    for (MatchMember m : match.getMembers()) {
      if (m.getRecordKind() == RecordKind.PSP_TXN && m.getPsp() != null) {
        psps.add(m.getPsp());
      }
    }
    if (psps.size() != 1) {
      throw malformed(payout, "payout without psp in a batch of PSPs " + psps);
    }
    return ChartOfAccounts.pspReceivable(psps.iterator().next());
  }

  private static PaymentEventType typeOf(MatchMember m) {
    String type = m.getEventType();
    if (type == null) {
      return PaymentEventType.OTHER;
    }
    for (PaymentEventType t : PaymentEventType.values()) {
      if (t.name().equals(type)) {
        return t;
      }
    }
    return PaymentEventType.OTHER;
  }

  static String currency(MatchMember m) {
    if (!JournalEntryInvariants.isCurrency(m.getCurrency())) {
      throw malformed(m, "bad currency " + m.getCurrency());
    }
    return m.getCurrency();
  }

  private static String netCurrency(MatchMember m) {
    String net = m.getNetCurrency();
    if (net == null) {
      return currency(m);
    }
    if (!JournalEntryInvariants.isCurrency(net)) {
      throw malformed(m, "bad net_currency " + net);
    }
    return net;
  }

  static long amount(MatchMember m) {
    return checked(m.getAmountMinor(), m, "amount_minor");
  }

  private static long checked(long value, MatchMember m, String field) {
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

  static IllegalArgumentException malformed(MatchMember m, String problem) {
    return new IllegalArgumentException(
        "match member " + m.getRecordKind() + " " + m.getRecordId() + ": " + problem);
  }
}
