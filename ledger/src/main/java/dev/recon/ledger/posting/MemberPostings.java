package dev.recon.ledger.posting;

import dev.recon.schemas.Match;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Interprets a posting rule for one member of a match: resolves the accounts of its legs, reads and
 * checks the amounts they book, and adds the legs to the entry. Pure.
 *
 * <p>A member whose rule has no legs is not looked at. Otherwise its accounts are resolved first
 * and its currency and gross checked, whatever amounts turn out to be zero: a malformed member is
 * malformed even when it would book nothing.
 */
final class MemberPostings {

  private final Match match;
  private final EntryLegs legs;
  private final List<String> notes = new ArrayList<>();

  MemberPostings(Match match, EntryLegs legs) {
    this.match = match;
    this.legs = legs;
  }

  /** Why fallback accounts were used, in the order they were, each once. */
  List<String> notes() {
    return List.copyOf(notes);
  }

  /**
   * Books the member by its rule, and by the FX conversion legs when {@code fx} is given and the
   * member's net currency differs from its gross currency.
   */
  void book(MatchMember m, PostingRule rule, FxConversion fx) {
    if (rule.legs().isEmpty()) {
      return;
    }
    List<Resolved> resolved = resolve(m, rule.legs());
    String gross = PostingRules.currency(m);
    boolean converts = fx != null || usesNetCurrency(rule.legs());
    String net = converts ? netCurrency(m) : gross;
    PostingRules.amount(m);
    for (Resolved leg : resolved) {
      book(m, leg, gross, net);
    }
    if (fx != null && !gross.equals(net)) {
      for (Resolved leg : resolve(m, fx.legs())) {
        book(m, leg, gross, net);
      }
    }
  }

  /** The event type a PSP row books by: one the matching module does not know is OTHER. */
  static PaymentEventType eventType(MatchMember m) {
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

  private record Resolved(PostingLeg leg, String debit, String credit) {}

  private List<Resolved> resolve(MatchMember m, List<PostingLeg> rule) {
    List<Resolved> resolved = new ArrayList<>(rule.size());
    for (PostingLeg leg : rule) {
      resolved.add(new Resolved(leg, account(m, leg.debit(), leg), account(m, leg.credit(), leg)));
    }
    return resolved;
  }

  private void book(MatchMember m, Resolved r, String gross, String net) {
    long amount =
        switch (r.leg().amount()) {
          case GROSS -> PostingRules.amount(m);
          case FEE -> PostingRules.checked(m.getFeeMinor(), m, "fee_minor");
          case NET -> PostingRules.checked(m.getNetMinor(), m, "net_minor");
          case CONVERTED ->
              Math.addExact(
                  PostingRules.checked(m.getNetMinor(), m, "net_minor"),
                  PostingRules.checked(m.getFeeMinor(), m, "fee_minor"));
        };
    String currency = r.leg().amount().inNetCurrency() ? net : gross;
    legs.book(r.debit(), r.credit(), currency, r.leg().sign().apply(amount));
  }

  private String account(MatchMember m, AccountTemplate template, PostingLeg leg) {
    AccountQualifier qualifier = template.qualifier();
    if (qualifier == null) {
      return template.account();
    }
    String value =
        switch (qualifier) {
          case PSP -> m.getPsp() != null ? m.getPsp() : inheritedPsp(m);
          case BANK_ACCOUNT -> m.getBankAccount();
        };
    if (value != null) {
      return template.resolve(value);
    }
    QualifierFallback fallback = leg.whenMissing();
    if (fallback == null) {
      throw PostingRules.malformed(m, missing(m, qualifier));
    }
    if (!notes.contains(fallback.note())) {
      notes.add(fallback.note());
    }
    return fallback.account();
  }

  /** A payout names its PSP, or inherits the single PSP of the batch it pays out. */
  private String inheritedPsp(MatchMember m) {
    if (m.getRecordKind() != RecordKind.PAYOUT) {
      return null;
    }
    Set<String> psps = batchPsps();
    return psps.size() == 1 ? psps.iterator().next() : null;
  }

  private Set<String> batchPsps() {
    Set<String> psps = new TreeSet<>();
    for (MatchMember other : match.getMembers()) {
      if (other.getRecordKind() == RecordKind.PSP_TXN && other.getPsp() != null) {
        psps.add(other.getPsp());
      }
    }
    return psps;
  }

  private String missing(MatchMember m, AccountQualifier qualifier) {
    return switch (m.getRecordKind()) {
      case PSP_TXN -> "PSP transaction without " + qualifier.field();
      case PAYOUT ->
          qualifier == AccountQualifier.PSP
              ? "payout without psp in a batch of PSPs " + batchPsps()
              : "payout without " + qualifier.field();
      case BANK_LINE -> "bank line without " + qualifier.field();
      case EXPECTED, UNKNOWN -> m.getRecordKind() + " without " + qualifier.field();
    };
  }

  private static boolean usesNetCurrency(List<PostingLeg> rule) {
    for (PostingLeg leg : rule) {
      if (leg.amount().inNetCurrency()) {
        return true;
      }
    }
    return false;
  }

  private static String netCurrency(MatchMember m) {
    String net = m.getNetCurrency();
    if (net == null) {
      return PostingRules.currency(m);
    }
    if (!JournalEntryInvariants.isCurrency(net)) {
      throw PostingRules.malformed(m, "bad net_currency " + net);
    }
    return net;
  }
}
