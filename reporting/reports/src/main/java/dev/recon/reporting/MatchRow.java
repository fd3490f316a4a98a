package dev.recon.reporting;

import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.RecordKind;
import java.util.Comparator;
import java.util.List;

/** One row of matches.csv: one member of one match. */
public record MatchRow(
    String matchId,
    MatchLevel level,
    String rule,
    RecordKind recordKind,
    String recordId,
    long amountMinor,
    String currency) {

  /**
   * matches.csv order: match_id, then record kind in the order money flows (EXPECTED, PSP_TXN,
   * PAYOUT, BANK_LINE), then record_id; amount and currency only break ties between duplicates.
   */
  public static final Comparator<MatchRow> FILE_ORDER =
      Comparator.comparing(MatchRow::matchId)
          .thenComparing(MatchRow::recordKind)
          .thenComparing(MatchRow::recordId)
          .thenComparingLong(MatchRow::amountMinor)
          .thenComparing(MatchRow::currency);

  public static List<MatchRow> allOf(List<Match> matches) {
    return matches.stream()
        .flatMap(
            match ->
                match.getMembers().stream()
                    .map(
                        member ->
                            new MatchRow(
                                match.getMatchId(),
                                match.getLevel(),
                                match.getRule(),
                                member.getRecordKind(),
                                member.getRecordId(),
                                member.getAmountMinor(),
                                member.getCurrency())))
        .sorted(FILE_ORDER)
        .toList();
  }
}
