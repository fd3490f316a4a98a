package dev.recon.app.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.app.cli.ReconCommand;
import dev.recon.generator.GeneratedWorld;
import dev.recon.generator.GeneratorSpec;
import dev.recon.generator.LevelScore;
import dev.recon.generator.ReasonScore;
import dev.recon.generator.RunOutput;
import dev.recon.generator.Scorecard;
import dev.recon.generator.Scoring;
import dev.recon.generator.World;
import dev.recon.generator.WorldFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The acceptance measure of issue 5: a generated world (Adyen and Stripe reports, a camt.053
 * statement, the expected payments, with every kind of noise planted) goes through the real bounded
 * pipeline, {@code recon reconcile}, exactly as a user runs it; its matches.csv and exceptions.csv
 * are scored against the world's truth. Auto-matching must be 100% precise and find at least 99% of
 * the matchable records on every level, and every planted break must come out with its reason.
 *
 * <p>Scores are counted over whole match sets: a match is right only with exactly the truth's
 * members. The seed of each world is printed, so a failing world can be generated again.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class GeneratedWorldIT {
  /** The world the README's table is measured on. */
  private static final long FIXED_SEED = 20_261_125L;

  private static final int FIXED_ORDERS = 3_000;
  private static final int RANDOM_ORDERS = 2_000;
  private static final double MIN_RECALL = 0.99;

  @TempDir static Path work;

  @Test
  void aFixedSeedWorldIsMatchedPreciselyAndCompletely() throws Exception {
    assertTargets(FIXED_SEED, FIXED_ORDERS, "fixed");
  }

  @Test
  void aRandomSeedWorldIsMatchedPreciselyAndCompletely() throws Exception {
    assertTargets(new SplittableRandom().nextLong() & Long.MAX_VALUE, RANDOM_ORDERS, "random");
  }

  private static void assertTargets(long seed, int orders, String name) throws Exception {
    GeneratorSpec spec = GeneratorSpec.of(seed, orders).withTenant("gen-" + name);
    GeneratedWorld world = World.generate(spec);
    String header =
        "generated world '"
            + name
            + "': seed="
            + seed
            + " orders="
            + orders
            + " records="
            + world.records().size()
            + " days="
            + spec.days()
            + " from "
            + spec.firstDay()
            + " noise="
            + world.noiseCounts();
    System.out.println(header);
    WorldFiles files = world.writeTo(work.resolve(name).resolve("input"));
    Path out = work.resolve(name).resolve("out");

    List<String> args = new ArrayList<>();
    args.addAll(List.of("reconcile", "--tenant", spec.tenant()));
    args.addAll(List.of("--expected", files.expected().toString()));
    args.add("--psp");
    files.psp().forEach(f -> args.add(f.toString()));
    args.add("--bank");
    files.bank().forEach(f -> args.add(f.toString()));
    args.addAll(List.of("--rules", files.toleranceRules().toString()));
    args.addAll(
        List.of(
            "--as-of",
            spec.lastDay().plusDays(60).atStartOfDay().toInstant(ZoneOffset.UTC).toString()));
    args.addAll(List.of("--out", out.toString(), "--data-dir", work.resolve("data").toString()));
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int exit =
        new CommandLine(new ReconCommand())
            .setOut(new PrintWriter(stdout, true))
            .setErr(new PrintWriter(stderr, true))
            .execute(args.toArray(String[]::new));
    assertThat(exit).as("recon reconcile\n" + stdout + "\n" + stderr).isZero();
    assertThat(stderr.toString()).as("no input was rejected").doesNotContain("bad input:");

    Scorecard card = Scoring.score(world, RunOutput.read(out));
    System.out.println(header + "\n" + card.table());

    SoftAssertions soft = new SoftAssertions();
    for (String level : Scoring.LEVELS) {
      LevelScore score = card.level(level);
      soft.assertThat(score.precision())
          .as("TARGET precision 100%% on %s (seed %d); see the table above", level, seed)
          .isEqualTo(1.0);
      soft.assertThat(score.recall())
          .as("TARGET recall >= 99%% on %s (seed %d); see the table above", level, seed)
          .isGreaterThanOrEqualTo(MIN_RECALL);
    }
    for (ReasonScore reason : card.reasons()) {
      soft.assertThat(reason.raised())
          .as(
              "TARGET every planted %s raised with its reason (seed %d): %s",
              reason.reason(), seed, reason)
          .isEqualTo(reason.planted());
    }
    soft.assertAll();
  }
}
