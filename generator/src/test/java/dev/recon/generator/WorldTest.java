package dev.recon.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.PaymentEventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldTest {
  private static final long SEED = 7L;

  @TempDir Path dir;

  @Test
  void theSameSpecGivesTheSameFilesAndAnotherSeedOthers() throws IOException {
    long random = new SplittableRandom().nextLong();
    System.out.println("WorldTest seeds=" + SEED + "," + random);
    WorldFiles a = World.generate(GeneratorSpec.of(SEED, 500)).writeTo(dir.resolve("a"));
    WorldFiles b = World.generate(GeneratorSpec.of(SEED, 500)).writeTo(dir.resolve("b"));
    WorldFiles c =
        World.generate(GeneratorSpec.of(random == SEED ? 8 : random, 500))
            .writeTo(dir.resolve("c"));
    for (int i = 0; i < a.all().size(); i++) {
      assertThat(Files.readString(b.all().get(i))).isEqualTo(Files.readString(a.all().get(i)));
    }
    assertThat(Files.readString(c.expected())).isNotEqualTo(Files.readString(a.expected()));
  }

  @Test
  void everyTruthRowNamesRecordsOfTheWorldAndEveryRecordHasItsPlace() {
    GeneratedWorld world = World.generate(GeneratorSpec.of(SEED, 3_000));
    List<RecordRef> records = world.records();
    Set<RecordRef> known = new HashSet<>(records);
    assertThat(known).as("ids are unique").hasSameSizeAs(records);
    Set<RecordRef> placed = new HashSet<>();
    for (TruthMatch m : world.truthMatches()) {
      assertThat(known).containsAll(m.members());
      placed.addAll(m.members());
    }
    for (TruthBreak b : world.truthBreaks()) {
      assertThat(known).contains(b.record());
      placed.add(b.record());
    }
    assertThat(placed).as("every record is in a truth match or a truth break").isEqualTo(known);
    // Each PSP transaction and payout settles in exactly one L3 set.
    Map<RecordRef, Long> inL3 =
        world.truthMatches().stream()
            .filter(m -> m.level() == MatchLevel.L3)
            .flatMap(m -> m.members().stream())
            .collect(
                java.util.stream.Collectors.groupingBy(
                    r -> r, java.util.stream.Collectors.counting()));
    for (PspRow r : world.pspRecords()) {
      assertThat(inL3.get(r.ref())).as(r.ref().toString()).isEqualTo(1L);
    }
  }

  @Test
  void everyKindOfNoiseIsPlantedAtAboutItsRate() {
    GeneratedWorld world = World.generate(GeneratorSpec.of(SEED, 5_000));
    Map<Noise, Integer> counts = world.noiseCounts();
    System.out.println("WorldTest noise counts: " + counts);
    EnumSet<Noise> expected = EnumSet.allOf(Noise.class);
    expected.remove(Noise.ZERO_PAYOUT);
    assertThat(counts.keySet()).containsAll(expected);
    // 1% of 5,000 orders never captured: well within 25..80.
    assertThat(counts.get(Noise.ORDER_NEVER_CAPTURED)).isBetween(25, 80);
    assertThat(counts.get(Noise.REFERENCE_NOISE)).isBetween(100, 200);
    long refunds =
        world.pspRecords().stream().filter(r -> r.type() == PaymentEventType.REFUND).count();
    assertThat(refunds).isBetween(180L, 330L);
  }

  @Test
  void withoutNoiseEverythingMatchesAndNothingBreaks() {
    GeneratedWorld world =
        World.generate(GeneratorSpec.of(SEED, 1_000).withNoise(NoiseRates.none()));
    assertThat(world.truthBreaks()).isEmpty();
    assertThat(world.truthMatches()).extracting(TruthMatch::noise).containsOnly(Noise.NONE);
    assertThat(world.truthMatches().stream().filter(m -> m.level() == MatchLevel.L1).count())
        .isEqualTo(1_000);
  }

  @Test
  void specsOutsideTheLimitsAreRefused() {
    assertThatThrownBy(() -> GeneratorSpec.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GeneratorSpec.of(1, GeneratorSpec.MAX_ORDERS + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GeneratorSpec.of(1, 10).withTenant("Bad Tenant"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NoiseRates(0.3, 0.3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theRulesFileCarriesTheWorldsToleranceAndPrefix() throws IOException {
    WorldFiles files = World.generate(GeneratorSpec.of(SEED, 10)).writeTo(dir);
    String yaml = Files.readString(files.toleranceRules());
    assertThat(yaml).contains("absolute_minor: 2").contains("strip_prefixes: [\"PAY-\"]");
  }
}
