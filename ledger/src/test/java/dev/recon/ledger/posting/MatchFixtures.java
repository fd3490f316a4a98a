package dev.recon.ledger.posting;

import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.List;

/** Builders for matches and their members, in the layout the matching module emits. */
public final class MatchFixtures {

  public static final Instant MATCHED_AT = Instant.parse("2024-03-15T10:30:00Z");

  private MatchFixtures() {}

  public static Match match(
      String tenant, String matchId, MatchLevel level, MatchMember... members) {
    return match(tenant, matchId, level, MATCHED_AT, members);
  }

  public static Match match(
      String tenant, String matchId, MatchLevel level, Instant matchedAt, MatchMember... members) {
    return Match.newBuilder()
        .setMatchId(matchId)
        .setTenantId(tenant)
        .setLevel(level)
        .setRule("test-rule")
        .setConfidence(100)
        .setMembers(List.of(members))
        .setMatchedAt(matchedAt)
        .build();
  }

  public static MatchMember expected(String id, long amount, String currency) {
    return base(RecordKind.EXPECTED, id, amount, currency).build();
  }

  /** A PSP transaction settled in its own currency: net = gross - fee. */
  public static MatchMember pspTxn(
      String id, String type, long amount, long fee, String currency, String psp) {
    return base(RecordKind.PSP_TXN, id, amount, currency)
        .setEventType(type)
        .setFeeMinor(fee)
        .setNetMinor(amount - fee)
        .setNetCurrency(currency)
        .setPsp(psp)
        .build();
  }

  /** A PSP transaction converted by the PSP: gross in one currency, fee and net in another. */
  public static MatchMember pspFxTxn(
      String id,
      String type,
      long amount,
      String currency,
      long fee,
      long net,
      String netCurrency,
      String psp) {
    return base(RecordKind.PSP_TXN, id, amount, currency)
        .setEventType(type)
        .setFeeMinor(fee)
        .setNetMinor(net)
        .setNetCurrency(netCurrency)
        .setPsp(psp)
        .build();
  }

  public static MatchMember payout(String id, long amount, String currency, String psp) {
    return base(RecordKind.PAYOUT, id, amount, currency).setEventType("PAYOUT").setPsp(psp).build();
  }

  public static MatchMember bankLine(String id, long amount, String currency, String bankAccount) {
    return base(RecordKind.BANK_LINE, id, amount, currency)
        .setEventType(amount >= 0 ? "CREDIT" : "DEBIT")
        .setBankAccount(bankAccount)
        .build();
  }

  /**
   * An approved write-off as matching's DecisionMatches emits it: level MANUAL, rule WRITE_OFF, the
   * one record written off with the amount and currency of the decision, and the PSP or bank
   * account the decision names (either may be null).
   */
  public static Match writeOff(
      String tenant,
      String matchId,
      Instant approvedAt,
      RecordKind kind,
      String recordId,
      long amount,
      String currency,
      String psp,
      String bankAccount) {
    MatchMember member =
        MatchMember.newBuilder()
            .setRecordKind(kind)
            .setRecordId(recordId)
            .setAmountMinor(amount)
            .setCurrency(currency)
            .setPsp(psp)
            .setBankAccount(bankAccount)
            .build();
    return decision(tenant, matchId, approvedAt, PostingRules.RULE_WRITE_OFF, member);
  }

  /**
   * An approved unmatch as DecisionMatches emits it: level MANUAL, rule UNMATCH, one member of kind
   * UNKNOWN whose record id is the match to undo.
   */
  public static Match unmatch(String tenant, String matchId, Instant approvedAt, String undone) {
    MatchMember member =
        MatchMember.newBuilder()
            .setRecordKind(RecordKind.UNKNOWN)
            .setRecordId(undone)
            .setAmountMinor(0)
            .setCurrency("XXX")
            .build();
    return decision(tenant, matchId, approvedAt, PostingRules.RULE_UNMATCH, member);
  }

  private static Match decision(
      String tenant, String matchId, Instant approvedAt, String rule, MatchMember member) {
    return Match.newBuilder()
        .setMatchId(matchId)
        .setTenantId(tenant)
        .setLevel(MatchLevel.MANUAL)
        .setRule(rule)
        .setConfidence(100)
        .setMembers(List.of(member))
        .setMatchedAt(approvedAt)
        .build();
  }

  private static MatchMember.Builder base(
      RecordKind kind, String id, long amount, String currency) {
    return MatchMember.newBuilder()
        .setRecordKind(kind)
        .setRecordId(id)
        .setAmountMinor(amount)
        .setCurrency(currency)
        .setEventTime(MATCHED_AT);
  }
}
