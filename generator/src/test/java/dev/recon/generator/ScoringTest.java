package dev.recon.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.MatchLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTest {
  private static final long SEED = 11L;

  @Test
  void aRunThatIsTheTruthScoresOneHundredPercentEverywhere() {
    GeneratedWorld world = World.generate(GeneratorSpec.of(SEED, 800));
    Scorecard card = Scoring.score(world, perfectRun(world, world.truthMatches()));
    for (String level : Scoring.LEVELS) {
      assertThat(card.level(level).precision()).as(level).isEqualTo(1.0);
      assertThat(card.level(level).recall()).as(level).isEqualTo(1.0);
    }
    assertThat(card.reasons()).allMatch(ReasonScore::allRaised);
    assertThat(card.reasons()).allMatch(r -> r.unplanted() == 0);
    assertThat(card.missed()).isEmpty();
    assertThat(card.wrong()).isEmpty();
    assertThat(card.misraised()).isEmpty();
  }

  @Test
  void aMissedMatchLowersRecallAndAWrongOneLowersPrecision() {
    GeneratedWorld world = World.generate(GeneratorSpec.of(SEED, 800));
    List<TruthMatch> made = new ArrayList<>(world.truthMatches());
    TruthMatch dropped =
        made.stream().filter(m -> m.level() == MatchLevel.L1).findFirst().orElseThrow();
    made.remove(dropped);
    // A wrong L4 set: a real L4 match with one member swapped for another bank line.
    TruthMatch l4 = made.stream().filter(m -> m.level() == MatchLevel.L4).findFirst().orElseThrow();
    made.remove(l4);
    List<RecordRef> members = new ArrayList<>(l4.members());
    members.set(members.size() - 1, world.bankEntries().get(world.bankEntries().size() - 1).ref());
    made.add(new TruthMatch("X", MatchLevel.L4, "amount-value-date", "adyen", Noise.NONE, members));
    Scorecard card = Scoring.score(world, perfectRun(world, made));
    System.out.println(card.table());
    assertThat(card.level("L1").recall()).isLessThan(1.0);
    assertThat(card.level("L1").precision()).isEqualTo(1.0);
    assertThat(card.level("L4").precision()).isLessThan(1.0);
    assertThat(card.missed())
        .containsKey(
            "L1 " + dropped.rule() + " " + dropped.psp() + " " + dropped.noise() + " -> []");
  }

  @Test
  void aBreakRaisedWithAnotherReasonIsCountedAsSuch() {
    GeneratedWorld world = World.generate(GeneratorSpec.of(SEED, 800));
    TruthBreak planted =
        world.truthBreaks().stream()
            .filter(b -> b.reason() == BreakCode.AMOUNT_MISMATCH)
            .findFirst()
            .orElseThrow();
    StringBuilder exceptions =
        new StringBuilder(
            "exception_id,reason,record_kind,record_id,amount_minor,currency,detected_at,age_days\n");
    for (TruthBreak b : world.truthBreaks()) {
      String reason = b == planted ? "MISSING_IN_PSP" : b.reason().name();
      exceptions
          .append("x,")
          .append(reason)
          .append(',')
          .append(b.record().kind())
          .append(',')
          .append(CsvText.field(b.record().id()))
          .append(",1,EUR,2026-12-01T00:00:00Z,1\n");
    }
    RunOutput run = RunOutput.parse(matchesCsv(world.truthMatches()), exceptions.toString());
    Scorecard card = Scoring.score(world, run);
    ReasonScore amount =
        card.reasons().stream()
            .filter(r -> r.reason().equals("AMOUNT_MISMATCH"))
            .findFirst()
            .orElseThrow();
    assertThat(amount.otherReason()).isEqualTo(1);
    assertThat(amount.allRaised()).isFalse();
    ReasonScore missing =
        card.reasons().stream()
            .filter(r -> r.reason().equals("MISSING_IN_PSP"))
            .findFirst()
            .orElseThrow();
    assertThat(missing.unplanted()).isEqualTo(1);
    assertThat(card.misraised())
        .containsEntry(
            "AMOUNT_MISMATCH " + planted.psp() + " " + planted.noise() + " -> [MISSING_IN_PSP]", 1);
  }

  private static RunOutput perfectRun(GeneratedWorld world, List<TruthMatch> made) {
    StringBuilder exceptions =
        new StringBuilder(
            "exception_id,reason,record_kind,record_id,amount_minor,currency,detected_at,age_days\n");
    for (TruthBreak b : world.truthBreaks()) {
      exceptions
          .append("x,")
          .append(b.reason())
          .append(',')
          .append(b.record().kind())
          .append(',')
          .append(CsvText.field(b.record().id()))
          .append(",1,EUR,2026-12-01T00:00:00Z,1\n");
    }
    return RunOutput.parse(matchesCsv(made), exceptions.toString());
  }

  private static String matchesCsv(List<TruthMatch> made) {
    StringBuilder matches =
        new StringBuilder("match_id,level,rule,record_kind,record_id,amount_minor,currency\n");
    for (TruthMatch m : made) {
      for (RecordRef r : m.members()) {
        matches
            .append(m.matchId())
            .append(',')
            .append(m.level())
            .append(',')
            .append(m.rule())
            .append(',')
            .append(r.kind())
            .append(',')
            .append(CsvText.field(r.id()))
            .append(",1,EUR\n");
      }
    }
    return matches.toString();
  }
}
