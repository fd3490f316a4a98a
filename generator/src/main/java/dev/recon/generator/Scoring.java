package dev.recon.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Scores a run's matches.csv and exceptions.csv against a world's truth. Pure. */
public final class Scoring {
  /** The levels a world's truth and a run's matches are scored on. */
  public static final List<String> LEVELS = List.of("L1", "L2", "L3", "L4");

  private Scoring() {}

  public static Scorecard score(GeneratedWorld world, RunOutput run) {
    Map<RecordRef, String> pspOf = new HashMap<>();
    world.expected().forEach(e -> pspOf.put(e.ref(), e.psp()));
    world.pspRecords().forEach(r -> pspOf.put(r.ref(), r.psp()));
    world.bankEntries().forEach(b -> pspOf.put(b.ref(), Psps.BANK));
    return score(world.truthMatches(), world.truthBreaks(), pspOf, run);
  }

  /**
   * @param pspOf the PSP of each record ("bank" for bank lines), to split the levels by PSP
   */
  public static Scorecard score(
      List<TruthMatch> truth,
      List<TruthBreak> truthBreaks,
      Map<RecordRef, String> pspOf,
      RunOutput run) {
    Map<String, Set<RecordRef>> reasonsOnRecord = new HashMap<>();
    Map<RecordRef, Set<String>> raisedOn = new HashMap<>();
    for (RunOutput.RunException e : run.exceptions()) {
      raisedOn.computeIfAbsent(e.record(), r -> new TreeSet<>()).add(e.reason());
      reasonsOnRecord.computeIfAbsent(e.reason(), r -> new HashSet<>()).add(e.record());
    }

    Map<String, Set<Set<RecordRef>>> truthSets = new HashMap<>();
    for (TruthMatch m : truth) {
      truthSets
          .computeIfAbsent(m.level().name(), l -> new HashSet<>())
          .add(Set.copyOf(m.members()));
    }
    Map<String, Set<Set<RecordRef>>> runSets = new HashMap<>();
    for (RunOutput.RunMatch m : run.matches()) {
      runSets.computeIfAbsent(m.level(), l -> new HashSet<>()).add(Set.copyOf(m.members()));
    }

    Map<String, int[]> counts = new TreeMap<>();
    Map<String, Integer> missed = new TreeMap<>();
    for (TruthMatch m : truth) {
      String level = m.level().name();
      boolean found = runSets.getOrDefault(level, Set.of()).contains(Set.copyOf(m.members()));
      tally(counts, level, "all", 0, found);
      tally(counts, level, m.psp(), 0, found);
      if (!found) {
        Set<String> reasons = new TreeSet<>();
        m.members().forEach(r -> reasons.addAll(raisedOn.getOrDefault(r, Set.of())));
        missed.merge(
            level + " " + m.rule() + " " + m.psp() + " " + m.noise() + " -> " + reasons,
            1,
            Integer::sum);
      }
    }
    Map<String, Integer> wrong = new TreeMap<>();
    for (RunOutput.RunMatch m : run.matches()) {
      boolean correct =
          truthSets.getOrDefault(m.level(), Set.of()).contains(Set.copyOf(m.members()));
      String psp = pspOfMatch(m.members(), pspOf);
      tally(counts, m.level(), "all", 1, correct);
      tally(counts, m.level(), psp, 1, correct);
      if (!correct) {
        wrong.merge(m.level() + " " + m.rule() + " " + psp, 1, Integer::sum);
      }
    }
    List<LevelScore> levels = new ArrayList<>();
    List<LevelScore> byPsp = new ArrayList<>();
    Set<String> allLevels = new TreeSet<>(LEVELS);
    allLevels.addAll(runSets.keySet());
    for (String level : allLevels) {
      levels.add(levelScore(counts, level, "all"));
      counts.keySet().stream()
          .filter(k -> k.startsWith(level + " ") && !k.equals(level + " all"))
          .forEach(k -> byPsp.add(levelScore(counts, level, k.substring(level.length() + 1))));
    }
    Map<String, Integer> misraised = new TreeMap<>();
    for (TruthBreak b : truthBreaks) {
      Set<String> on = raisedOn.getOrDefault(b.record(), Set.of());
      if (!on.contains(b.reason().name())) {
        misraised.merge(
            b.reason() + " " + b.psp() + " " + b.noise() + " -> " + on, 1, Integer::sum);
      }
    }
    return new Scorecard(
        levels, byPsp, reasons(truthBreaks, raisedOn, reasonsOnRecord), missed, wrong, misraised);
  }

  private static List<ReasonScore> reasons(
      List<TruthBreak> truthBreaks,
      Map<RecordRef, Set<String>> raisedOn,
      Map<String, Set<RecordRef>> reasonsOnRecord) {
    Map<String, Set<RecordRef>> planted = new TreeMap<>();
    for (TruthBreak b : truthBreaks) {
      planted.computeIfAbsent(b.reason().name(), r -> new HashSet<>()).add(b.record());
    }
    Set<String> all = new TreeSet<>(planted.keySet());
    all.addAll(reasonsOnRecord.keySet());
    List<ReasonScore> scores = new ArrayList<>();
    for (String reason : all) {
      Set<RecordRef> records = planted.getOrDefault(reason, Set.of());
      int raised = 0;
      int other = 0;
      for (RecordRef r : records) {
        Set<String> on = raisedOn.getOrDefault(r, Set.of());
        if (on.contains(reason)) {
          raised++;
        } else if (!on.isEmpty()) {
          other++;
        }
      }
      int unplanted = 0;
      for (RecordRef r : reasonsOnRecord.getOrDefault(reason, Set.of())) {
        if (!records.contains(r)) {
          unplanted++;
        }
      }
      scores.add(
          new ReasonScore(
              reason, records.size(), raised, other, records.size() - raised - other, unplanted));
    }
    return scores;
  }

  private static String pspOfMatch(Set<RecordRef> members, Map<RecordRef, String> pspOf) {
    String psp = "?";
    for (RecordRef r : members) {
      String p = pspOf.getOrDefault(r, "?");
      if (!p.equals(Psps.BANK)) {
        return p;
      }
      psp = p;
    }
    return psp;
  }

  /** Counts per "level psp": [truth, run, correct]. */
  private static void tally(
      Map<String, int[]> counts, String level, String psp, int side, boolean correct) {
    int[] c = counts.computeIfAbsent(level + " " + psp, k -> new int[3]);
    c[side]++;
    if (correct && side == 1) {
      c[2]++;
    }
  }

  private static LevelScore levelScore(Map<String, int[]> counts, String level, String psp) {
    int[] c = counts.getOrDefault(level + " " + psp, new int[3]);
    return new LevelScore(level, psp, c[0], c[1], c[2]);
  }
}
