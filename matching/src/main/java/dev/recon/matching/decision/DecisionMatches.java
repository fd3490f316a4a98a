package dev.recon.matching.decision;

import dev.recon.matching.model.DeterministicIds;
import dev.recon.schemas.DecisionKind;
import dev.recon.schemas.ManualDecision;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.RecordKind;
import java.util.List;

/**
 * What an approved decision books, as a {@link Match} named after the decision (so a replay books
 * nothing twice) and dated at the approval. The decision knows its records only by kind and id:
 *
 * <ul>
 *   <li>MATCH: level {@link #MANUAL_MATCH_LEVEL}, rule {@link #RULE_MANUAL}, one member per record,
 *       amounts 0 and currency as proposed (else XXX): the amounts are not known here.
 *   <li>WRITE_OFF: level MANUAL, rule {@link #RULE_WRITE_OFF}, the one record with the amount and
 *       currency written off and the PSP (of a PSP_TXN) or bank account (of a BANK_LINE) the ledger
 *       books it against.
 *   <li>UNMATCH: level MANUAL, rule {@link #RULE_UNMATCH}, one member of kind UNKNOWN whose record
 *       id is the match to undo (a reversal marker).
 * </ul>
 */
public final class DecisionMatches {

  public static final String RULE_MANUAL = "MANUAL";
  public static final String RULE_WRITE_OFF = "WRITE_OFF";
  public static final String RULE_UNMATCH = "UNMATCH";

  /**
   * A proposal names exception ids, which are hashes: the level of the records is not known here,
   * so a manual match is reported as L1. (Not MANUAL: the ledger books a MANUAL match by the shape
   * of its members, which needs the amounts and PSP this match cannot carry.)
   */
  public static final MatchLevel MANUAL_MATCH_LEVEL = MatchLevel.L1;

  /** A decision is taken by a person with full information: nothing is left to chance. */
  public static final int CONFIDENCE = 100;

  private DecisionMatches() {}

  public static Match toMatch(ApprovedDecision decision) {
    ManualDecision proposal = decision.proposal();
    DecisionKind kind = proposal.getKind();
    String currency =
        ProposalCheck.isCurrency(proposal.getCurrency())
            ? proposal.getCurrency()
            : StepVerdict.NO_CURRENCY;
    List<MatchMember> members =
        switch (kind) {
          case MATCH -> proposal.getRecords().stream().map(r -> member(r, 0, currency)).toList();
          case WRITE_OFF -> List.of(writtenOff(proposal, currency));
          case UNMATCH ->
              List.of(
                  MatchMember.newBuilder()
                      .setRecordKind(RecordKind.UNKNOWN)
                      .setRecordId(proposal.getMatchId())
                      .setAmountMinor(0)
                      .setCurrency(currency)
                      .build());
        };
    return Match.newBuilder()
        .setMatchId(
            DeterministicIds.decisionMatchId(proposal.getTenantId(), proposal.getDecisionId()))
        .setTenantId(proposal.getTenantId())
        .setLevel(kind == DecisionKind.MATCH ? MANUAL_MATCH_LEVEL : MatchLevel.MANUAL)
        .setRule(
            switch (kind) {
              case MATCH -> RULE_MANUAL;
              case WRITE_OFF -> RULE_WRITE_OFF;
              case UNMATCH -> RULE_UNMATCH;
            })
        .setConfidence(CONFIDENCE)
        .setMembers(members)
        .setMatchedAt(decision.approval().getDecidedAt())
        .build();
  }

  /** The written-off record, with the PSP or bank account the ledger books it against. */
  private static MatchMember writtenOff(ManualDecision proposal, String currency) {
    MatchMember member = member(proposal.getRecords().get(0), proposal.getAmountMinor(), currency);
    member.setPsp(proposal.getPsp());
    member.setBankAccount(proposal.getBankAccount());
    return member;
  }

  private static MatchMember member(String ref, long amountMinor, String currency) {
    RecordRef parsed =
        RecordRef.parse(ref)
            .orElseThrow(() -> new IllegalArgumentException("unchecked record reference " + ref));
    return MatchMember.newBuilder()
        .setRecordKind(parsed.kind())
        .setRecordId(parsed.recordId())
        .setAmountMinor(amountMinor)
        .setCurrency(currency)
        .build();
  }
}
