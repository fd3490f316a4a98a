package dev.recon.app.bench;

import dev.recon.schemas.MatchLevel;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a matching run produced, counted: matches per level and rule, breaks per level and reason,
 * journal entries. The workload knows these counts in advance; the benchmark counts the job's
 * output the same way and refuses a result where the two differ.
 *
 * @param matchesByRule "L1 exact-reference" -&gt; count, in key order
 * @param exceptionsByReason "L1 MISSING_IN_PSP" -&gt; count, in key order
 */
public record MatchCounts(
    SortedMap<String, Long> matchesByRule,
    SortedMap<String, Long> exceptionsByReason,
    long journalEntries) {

  public MatchCounts {
    matchesByRule = new TreeMap<>(matchesByRule);
    exceptionsByReason = new TreeMap<>(exceptionsByReason);
  }

  public long matches() {
    return matchesByRule.values().stream().mapToLong(Long::longValue).sum();
  }

  public long exceptions() {
    return exceptionsByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Matches per level, every level of L1..L4 present (zero when none). */
  public Map<MatchLevel, Long> matchesByLevel() {
    Map<MatchLevel, Long> levels = new EnumMap<>(MatchLevel.class);
    for (MatchLevel level :
        new MatchLevel[] {MatchLevel.L1, MatchLevel.L2, MatchLevel.L3, MatchLevel.L4}) {
      levels.put(level, 0L);
    }
    matchesByRule.forEach(
        (key, count) -> levels.merge(MatchLevel.valueOf(levelOf(key)), count, Long::sum));
    return levels;
  }

  private static String levelOf(String key) {
    return key.substring(0, key.indexOf(' '));
  }

  /** Counts records one at a time; not thread-safe. */
  public static final class Tally {
    private final SortedMap<String, Long> matches = new TreeMap<>();
    private final SortedMap<String, Long> exceptions = new TreeMap<>();
    private long journal;

    public void match(MatchLevel level, String rule) {
      matches.merge(level.name() + " " + rule, 1L, Long::sum);
    }

    public void exception(MatchLevel level, String reason) {
      exceptions.merge(level.name() + " " + reason, 1L, Long::sum);
    }

    public void journalEntry() {
      journal++;
    }

    public MatchCounts counts() {
      return new MatchCounts(matches, exceptions, journal);
    }
  }
}
