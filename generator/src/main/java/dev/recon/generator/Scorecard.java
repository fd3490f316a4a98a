package dev.recon.generator;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run scored against the truth: per level (and per level and PSP) precision and recall over whole
 * match sets, per reason the planted breaks found, and what was missed or wrongly made, grouped by
 * kind with the exceptions raised on the records involved.
 *
 * @param missed truth matches the run did not make, by "level rule psp noise -> reasons raised on
 *     their records"
 * @param wrong run matches the truth does not hold, by "level rule psp"
 * @param misraised planted breaks not raised with their reason, by "reason psp noise -> reasons
 *     raised on the record"
 */
public record Scorecard(
    List<LevelScore> levels,
    List<LevelScore> levelsByPsp,
    List<ReasonScore> reasons,
    Map<String, Integer> missed,
    Map<String, Integer> wrong,
    Map<String, Integer> misraised) {

  public Scorecard {
    levels = List.copyOf(levels);
    levelsByPsp = List.copyOf(levelsByPsp);
    reasons = List.copyOf(reasons);
    missed = Map.copyOf(missed);
    wrong = Map.copyOf(wrong);
    misraised = Map.copyOf(misraised);
  }

  public LevelScore level(String level) {
    return levels.stream()
        .filter(l -> l.level().equals(level))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no level " + level));
  }

  /** The per-level tables, the breaks by reason, and the misses, as plain text. */
  public String table() {
    StringBuilder b = new StringBuilder();
    b.append("level  psp     truth    run  correct  precision   recall\n");
    for (LevelScore l : levels) {
      line(b, l);
    }
    for (LevelScore l : levelsByPsp) {
      line(b, l);
    }
    b.append("\nreason               planted  raised  other-reason  not-raised  unplanted\n");
    for (ReasonScore r : reasons) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-20s %7d %7d %13d %11d %10d%n",
              r.reason(),
              r.planted(),
              r.raised(),
              r.otherReason(),
              r.notRaised(),
              r.unplanted()));
    }
    if (!missed.isEmpty()) {
      b.append("\nmissed truth matches (level rule psp noise -> exceptions on their records):\n");
      missed.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e -> b.append(String.format(Locale.ROOT, "%6d  %s%n", e.getValue(), e.getKey())));
    }
    if (!wrong.isEmpty()) {
      b.append("\nrun matches not in the truth (level rule psp):\n");
      wrong.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e -> b.append(String.format(Locale.ROOT, "%6d  %s%n", e.getValue(), e.getKey())));
    }
    if (!misraised.isEmpty()) {
      b.append("\nplanted breaks not raised with their reason (reason psp noise -> raised):\n");
      misraised.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e -> b.append(String.format(Locale.ROOT, "%6d  %s%n", e.getValue(), e.getKey())));
    }
    return b.toString();
  }

  private static void line(StringBuilder b, LevelScore l) {
    b.append(
        String.format(
            Locale.ROOT,
            "%-6s %-6s %6d %6d %8d %9.2f%% %7.2f%%%n",
            l.level(),
            l.psp(),
            l.truthSets(),
            l.runSets(),
            l.correct(),
            100 * l.precision(),
            100 * l.recall()));
  }
}
