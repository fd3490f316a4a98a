package dev.recon.reporting;

import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures of one run that both summary.json and report.html show, computed once, purely from
 * the run.
 *
 * <p>A record is one (record kind, record id). It is <em>considered</em> when it took part in a
 * match or in a break, and <em>matched</em> when it took part in a match and in no break. Dead
 * letters never reached matching, so they are counted apart ({@link #deadLetterCount}) and not in
 * the match rate.
 *
 * @param breakCount exceptions raised by matching, dead letters not included
 * @param levels one per {@link MatchLevel}, in level order, levels without activity included
 * @param psps by PSP name
 * @param reasons per reason code of exceptions.csv (dead letters included), by reason
 * @param currencies by ISO 4217 code
 */
public record RunSummary(
    String tenant,
    Instant asOf,
    List<String> inputs,
    long matchCount,
    long breakCount,
    long deadLetterCount,
    MatchRate matchRate,
    List<LevelSummary> levels,
    List<PspSummary> psps,
    List<ReasonSummary> reasons,
    List<CurrencySummary> currencies,
    TrialBalance trialBalance) {

  public RunSummary {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(matchRate, "matchRate");
    Objects.requireNonNull(trialBalance, "trialBalance");
    inputs = List.copyOf(inputs);
    levels = List.copyOf(levels);
    psps = List.copyOf(psps);
    reasons = List.copyOf(reasons);
    currencies = List.copyOf(currencies);
  }

  /** Absolute amount of the breaks per currency: the headline "unmatched amount at risk". */
  public SortedMap<String, Long> atRiskMinor() {
    SortedMap<String, Long> atRisk = new TreeMap<>();
    for (CurrencySummary currency : currencies) {
      if (currency.breaks() > 0) {
        atRisk.put(currency.currency(), currency.atRiskMinor());
      }
    }
    return Collections.unmodifiableSortedMap(atRisk);
  }

  public static RunSummary of(ReconciliationRun run) {
    // Distinct matched records, the member of the first match in match_id order standing for each.
    List<Match> matches =
        run.matches().stream().sorted(Comparator.comparing(Match::getMatchId)).toList();
    Map<MatchLevel, SortedMap<RecordKey, MatchMember>> matchedByLevel =
        new EnumMap<>(MatchLevel.class);
    for (MatchLevel level : MatchLevel.values()) {
      matchedByLevel.put(level, new TreeMap<>());
    }
    for (Match match : matches) {
      for (MatchMember member : match.getMembers()) {
        matchedByLevel.get(match.getLevel()).putIfAbsent(keyOf(member), member);
      }
    }
    NavigableMap<RecordKey, MatchMember> matched = new TreeMap<>();
    matchedByLevel.values().forEach(byKey -> byKey.forEach(matched::putIfAbsent));
    SortedSet<RecordKey> broken = new TreeSet<>();
    run.exceptions().forEach(exception -> broken.add(keyOf(exception)));

    TrialBalance trialBalance = TrialBalance.of(run.journalLines());
    return new RunSummary(
        run.tenant(),
        run.asOf(),
        run.inputs(),
        matches.size(),
        run.exceptions().size(),
        run.deadLetters().size(),
        rate(matched.keySet(), broken),
        levels(run, matches, matchedByLevel),
        psps(run, matched),
        reasons(ExceptionRow.allOf(run)),
        currencies(run, matched.values(), trialBalance),
        trialBalance);
  }

  private static List<LevelSummary> levels(
      ReconciliationRun run,
      List<Match> matches,
      Map<MatchLevel, SortedMap<RecordKey, MatchMember>> matchedByLevel) {
    return matchedByLevel.entrySet().stream()
        .map(
            entry -> {
              MatchLevel level = entry.getKey();
              Set<RecordKey> brokenHere = new TreeSet<>();
              run.exceptions().stream()
                  .filter(exception -> exception.getLevel() == level)
                  .forEach(exception -> brokenHere.add(keyOf(exception)));
              return new LevelSummary(
                  level,
                  matches.stream().filter(match -> match.getLevel() == level).count(),
                  rate(entry.getValue().keySet(), brokenHere),
                  run.exceptions().stream().filter(e -> e.getLevel() == level).count(),
                  amountsByKind(entry.getValue().values()));
            })
        .toList();
  }

  private static List<PspSummary> psps(ReconciliationRun run, Map<RecordKey, MatchMember> matched) {
    SortedMap<String, List<MatchMember>> membersByPsp = new TreeMap<>();
    matched.values().stream()
        .filter(member -> member.getPsp() != null)
        .forEach(
            member ->
                membersByPsp.computeIfAbsent(member.getPsp(), p -> new ArrayList<>()).add(member));
    SortedMap<String, List<ReconException>> breaksByPsp = new TreeMap<>();
    for (ReconException exception : run.exceptions()) {
      MatchMember member = matched.get(keyOf(exception));
      if (member != null && member.getPsp() != null) {
        breaksByPsp.computeIfAbsent(member.getPsp(), p -> new ArrayList<>()).add(exception);
      }
    }
    SortedSet<String> names = new TreeSet<>(membersByPsp.keySet());
    names.addAll(breaksByPsp.keySet());
    return names.stream()
        .map(
            psp -> {
              List<MatchMember> members = membersByPsp.getOrDefault(psp, List.of());
              List<ReconException> breaks = breaksByPsp.getOrDefault(psp, List.of());
              SortedMap<String, Long> atRisk = new TreeMap<>();
              breaks.forEach(
                  e ->
                      atRisk.merge(
                          e.getCurrency(), Math.absExact(e.getAmountMinor()), Math::addExact));
              return new PspSummary(
                  psp,
                  members.size(),
                  amountsByKind(members),
                  breaks.size(),
                  Collections.unmodifiableSortedMap(atRisk));
            })
        .toList();
  }

  private static List<ReasonSummary> reasons(List<ExceptionRow> rows) {
    SortedMap<String, List<ExceptionRow>> byReason = new TreeMap<>();
    rows.forEach(row -> byReason.computeIfAbsent(row.reason(), r -> new ArrayList<>()).add(row));
    return byReason.entrySet().stream()
        .map(
            entry -> {
              SortedMap<String, Long> atRisk = new TreeMap<>();
              SortedMap<AgeingBucket, Long> ageing = new TreeMap<>();
              for (AgeingBucket bucket : AgeingBucket.values()) {
                ageing.put(bucket, 0L);
              }
              for (ExceptionRow row : entry.getValue()) {
                if (!row.currency().isEmpty()) {
                  atRisk.merge(row.currency(), row.amountAtRiskMinor(), Math::addExact);
                }
                ageing.merge(row.ageingBucket(), 1L, Math::addExact);
              }
              return new ReasonSummary(
                  entry.getKey(),
                  entry.getValue().size(),
                  Collections.unmodifiableSortedMap(atRisk),
                  Collections.unmodifiableSortedMap(ageing));
            })
        .toList();
  }

  private static List<CurrencySummary> currencies(
      ReconciliationRun run, Collection<MatchMember> matched, TrialBalance trialBalance) {
    SortedMap<String, CurrencyTotals> totals = new TreeMap<>();
    for (MatchMember member : matched) {
      totals.computeIfAbsent(member.getCurrency(), CurrencyTotals::new).recordsMatched++;
    }
    for (ReconException exception : run.exceptions()) {
      CurrencyTotals sums = totals.computeIfAbsent(exception.getCurrency(), CurrencyTotals::new);
      sums.breaks++;
      sums.atRisk = Math.addExact(sums.atRisk, Math.absExact(exception.getAmountMinor()));
    }
    for (TrialBalance.CurrencyTotal total : trialBalance.totals()) {
      CurrencyTotals sums = totals.computeIfAbsent(total.currency(), CurrencyTotals::new);
      sums.debit = total.debitMinor();
      sums.credit = total.creditMinor();
    }
    return totals.values().stream().map(CurrencyTotals::toSummary).toList();
  }

  private static final class CurrencyTotals {
    private final String currency;
    private long recordsMatched;
    private long breaks;
    private long atRisk;
    private long debit;
    private long credit;

    CurrencyTotals(String currency) {
      this.currency = currency;
    }

    CurrencySummary toSummary() {
      return new CurrencySummary(currency, recordsMatched, breaks, atRisk, debit, credit);
    }
  }

  private static MatchRate rate(Set<RecordKey> matched, Set<RecordKey> broken) {
    Set<RecordKey> considered = new TreeSet<>(matched);
    considered.addAll(broken);
    long matchedAndNotBroken = matched.stream().filter(key -> !broken.contains(key)).count();
    return new MatchRate(matchedAndNotBroken, considered.size());
  }

  private static SortedMap<RecordKind, SortedMap<String, Long>> amountsByKind(
      Collection<MatchMember> members) {
    SortedMap<RecordKind, SortedMap<String, Long>> amounts = new TreeMap<>();
    for (MatchMember member : members) {
      amounts
          .computeIfAbsent(member.getRecordKind(), k -> new TreeMap<>())
          .merge(member.getCurrency(), member.getAmountMinor(), Math::addExact);
    }
    amounts.replaceAll((kind, byCurrency) -> Collections.unmodifiableSortedMap(byCurrency));
    return Collections.unmodifiableSortedMap(amounts);
  }

  private static RecordKey keyOf(MatchMember member) {
    return new RecordKey(member.getRecordKind(), member.getRecordId());
  }

  private static RecordKey keyOf(ReconException exception) {
    return new RecordKey(exception.getRecordKind(), exception.getRecordId());
  }
}
