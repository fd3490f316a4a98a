package dev.recon.matching.tolerant;

import dev.recon.matching.model.Expectation;
import dev.recon.matching.model.PspTransaction;
import dev.recon.matching.model.ReconRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.ToLongFunction;

/**
 * L2: tries the rules of one tenant and PSP, in priority order, on what L1 left over. Each rule
 * first pairs 1:1, then looks for partial captures (N:1), then for split payments (1:N); the first
 * rule that places a record wins it. Every choice is made from the whole set of records, ordered by
 * time distance, amount difference and ids, never by arrival.
 */
public final class TolerantMatchRule {

  /**
   * For N:1 and 1:N only the nearest candidates (in time) are combined: C(12, 2..6) subsets at
   * most, a bounded search per record.
   */
  public static final int MAX_CANDIDATES = 12;

  private TolerantMatchRule() {}

  public static TolerantOutcome decide(
      List<Expectation> expected, List<PspTransaction> captures, List<ToleranceRule> rules) {
    List<Expectation> openExpected = ReconRecord.chronological(expected);
    List<PspTransaction> openCaptures = ReconRecord.chronological(captures);
    List<TolerantMatch> matches = new ArrayList<>();
    for (ToleranceRule rule : rules.stream().sorted(ToleranceRule.ORDER).toList()) {
      if (openExpected.isEmpty() || openCaptures.isEmpty()) {
        break;
      }
      Attempt attempt = new Attempt(rule, openExpected, openCaptures, matches);
      if (rule.allows(Allocation.ONE_TO_ONE)) {
        attempt.oneToOne();
      }
      if (rule.allows(Allocation.PARTIAL_CAPTURES)) {
        attempt.partialCaptures();
      }
      if (rule.allows(Allocation.SPLIT_PAYMENT)) {
        attempt.splitPayments();
      }
    }
    return new TolerantOutcome(matches, openExpected, openCaptures);
  }

  /** One rule over the open records; removes what it matches from them. */
  private static final class Attempt {

    private final ToleranceRule rule;
    private final List<Expectation> openExpected;
    private final List<PspTransaction> openCaptures;
    private final List<TolerantMatch> matches;
    private final Map<ReconRecord, String> references = new IdentityHashMap<>();

    Attempt(
        ToleranceRule rule,
        List<Expectation> openExpected,
        List<PspTransaction> openCaptures,
        List<TolerantMatch> matches) {
      this.rule = rule;
      this.openExpected = openExpected;
      this.openCaptures = openCaptures;
      this.matches = matches;
      if (rule.reference() != null) {
        ReferenceNormalisation.Normaliser normaliser = rule.reference().normaliser();
        openExpected.forEach(e -> references.put(e, normaliser.normalise(e.merchantReference())));
        openCaptures.forEach(c -> references.put(c, normaliser.normalise(c.merchantReference())));
      }
    }

    /** Every agreeing pair, nearest in time first; each record is taken at most once. */
    void oneToOne() {
      List<Pair> pairs = new ArrayList<>();
      for (Expectation e : openExpected) {
        for (PspTransaction c : openCaptures) {
          if (comparable(e, c) && rule.amount().allows(e.amountMinor(), c.grossMinor())) {
            pairs.add(
                new Pair(
                    e,
                    c,
                    distance(e, c),
                    Math.absExact(Math.subtractExact(e.amountMinor(), c.grossMinor()))));
          }
        }
      }
      pairs.sort(Pair.BEST_FIRST);
      Set<ReconRecord> taken = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Pair p : pairs) {
        if (!taken.contains(p.expected()) && !taken.contains(p.capture())) {
          taken.add(p.expected());
          taken.add(p.capture());
          record(List.of(p.expected()), List.of(p.capture()));
        }
      }
    }

    void partialCaptures() {
      for (Expectation e : List.copyOf(openExpected)) {
        List<PspTransaction> candidates =
            nearest(openCaptures.stream().filter(c -> comparable(e, c)).toList(), e);
        long target = e.amountMinor();
        bestSubset(
                candidates,
                PspTransaction::grossMinor,
                target,
                sum -> rule.amount().allows(target, sum),
                c -> distance(e, c))
            .ifPresent(parts -> record(List.of(e), parts));
      }
    }

    void splitPayments() {
      for (PspTransaction c : List.copyOf(openCaptures)) {
        List<Expectation> candidates =
            nearest(openExpected.stream().filter(e -> comparable(e, c)).toList(), c);
        long target = c.grossMinor();
        bestSubset(
                candidates,
                Expectation::amountMinor,
                target,
                sum -> rule.amount().allows(sum, target),
                e -> distance(e, c))
            .ifPresent(parts -> record(parts, List.of(c)));
      }
    }

    private void record(List<Expectation> expected, List<PspTransaction> captures) {
      List<ReconRecord> members = new ArrayList<>(ReconRecord.chronological(expected));
      members.addAll(ReconRecord.chronological(captures));
      matches.add(
          new TolerantMatch(expected.get(0).tenantId(), rule.name(), rule.confidence(), members));
      // By identity: a row delivered twice is two records here, and only one of them matched.
      Set<ReconRecord> matched = Collections.newSetFromMap(new IdentityHashMap<>());
      matched.addAll(expected);
      matched.addAll(captures);
      openExpected.removeIf(matched::contains);
      openCaptures.removeIf(matched::contains);
    }

    /** Same currency, within the rule's time window, and the same reference if it uses one. */
    private boolean comparable(Expectation e, PspTransaction c) {
      if (!e.currency().equals(c.grossCurrency())
          || !rule.time().allows(e.expectedAt(), c.eventTime())) {
        return false;
      }
      if (rule.reference() == null) {
        return true;
      }
      String reference = references.get(e);
      return !reference.isEmpty() && reference.equals(references.get(c));
    }

    private <T extends ReconRecord> List<T> nearest(List<T> candidates, ReconRecord anchor) {
      return candidates.stream()
          .sorted(
              Comparator.<T>comparingLong(r -> distance(anchor, r))
                  .thenComparing(ReconRecord::recordId))
          .limit(MAX_CANDIDATES)
          .toList();
    }

    /**
     * The subset of 2..maxParts candidates whose sum fits, closest to the target and then nearest
     * in time; ties go to the first in candidate order, itself deterministic.
     */
    private <T extends ReconRecord> Optional<List<T>> bestSubset(
        List<T> candidates,
        ToLongFunction<T> amount,
        long target,
        LongPredicate fits,
        ToLongFunction<T> distance) {
      Search<T> search = new Search<>(candidates, amount, target, fits, distance);
      int maxSize = Math.min(rule.maxParts(), candidates.size());
      for (int size = 2; size <= maxSize; size++) {
        search.combine(new int[size], 0, 0);
      }
      return Optional.ofNullable(search.best);
    }
  }

  private static final class Search<T> {

    private final List<T> candidates;
    private final ToLongFunction<T> amount;
    private final long target;
    private final LongPredicate fits;
    private final ToLongFunction<T> distance;
    private List<T> best;
    private long bestDifference;
    private long bestDistance;

    Search(
        List<T> candidates,
        ToLongFunction<T> amount,
        long target,
        LongPredicate fits,
        ToLongFunction<T> distance) {
      this.candidates = candidates;
      this.amount = amount;
      this.target = target;
      this.fits = fits;
      this.distance = distance;
    }

    void combine(int[] chosen, int depth, int from) {
      if (depth == chosen.length) {
        consider(chosen);
        return;
      }
      for (int i = from; i < candidates.size(); i++) {
        chosen[depth] = i;
        combine(chosen, depth + 1, i + 1);
      }
    }

    private void consider(int[] chosen) {
      long sum = 0;
      long totalDistance = 0;
      List<T> subset = new ArrayList<>(chosen.length);
      for (int index : chosen) {
        T candidate = candidates.get(index);
        sum = Math.addExact(sum, amount.applyAsLong(candidate));
        totalDistance = Math.addExact(totalDistance, distance.applyAsLong(candidate));
        subset.add(candidate);
      }
      if (!fits.test(sum)) {
        return;
      }
      long difference = Math.absExact(Math.subtractExact(sum, target));
      if (best == null
          || difference < bestDifference
          || (difference == bestDifference && totalDistance < bestDistance)) {
        best = subset;
        bestDifference = difference;
        bestDistance = totalDistance;
      }
    }
  }

  private static long distance(ReconRecord a, ReconRecord b) {
    return Duration.between(a.eventTime(), b.eventTime()).abs().toMillis();
  }

  private record Pair(
      Expectation expected, PspTransaction capture, long distanceMillis, long amountDifference) {

    static final Comparator<Pair> BEST_FIRST =
        Comparator.comparingLong(Pair::distanceMillis)
            .thenComparingLong(Pair::amountDifference)
            .thenComparing(p -> p.expected().recordId())
            .thenComparing(p -> p.capture().recordId());
  }
}
