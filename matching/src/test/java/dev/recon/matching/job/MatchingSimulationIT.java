package dev.recon.matching.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.PaymentEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Determinism under disorder: the settlement of {@link MatchingJobIT} shuffled, with records
 * delivered again (other file, other line) and held back to the end, must give exactly the matches,
 * exceptions and journal of the ordered run, at parallelism 2. Each run prints its seed; set {@code
 * -Drecon.simulation.seed=N} to replay one, {@code -Drecon.simulation.runs=N} for more.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MatchingSimulationIT {

  private static final int DEFAULT_RUNS = 4;

  /** Share of records delivered a second time. */
  private static final double REDELIVERED = 0.3;

  @Test
  void any_order_with_redeliveries_gives_the_same_output() throws Exception {
    MatchingJobIT.RunOutput expected =
        MatchingJobIT.run(
            MatchingSettings.bounded(),
            MatchingJobIT.EXPECTED,
            MatchingJobIT.PAYMENTS,
            MatchingJobIT.BANK_LINES);
    long baseSeed = Long.getLong("recon.simulation.seed", System.nanoTime());
    int runs = Integer.getInteger("recon.simulation.runs", DEFAULT_RUNS);
    for (int run = 0; run < runs; run++) {
      long seed = baseSeed + run;
      System.out.println("MatchingSimulationIT seed " + seed);
      Random random = new Random(seed);
      MatchingJobIT.RunOutput actual =
          MatchingJobIT.run(
              MatchingSettings.bounded(),
              disorder(MatchingJobIT.EXPECTED, random, MatchingSimulationIT::again),
              disorder(MatchingJobIT.PAYMENTS, random, MatchingSimulationIT::again),
              disorder(MatchingJobIT.BANK_LINES, random, MatchingSimulationIT::again));
      assertThat(actual)
          .as("seed %d (replay with -Drecon.simulation.seed=%d)", seed, seed)
          .isEqualTo(expected);
    }
  }

  /** Shuffled, some records delivered twice, a few held back to the very end. */
  private static <T> List<T> disorder(List<T> records, Random random, UnaryOperator<T> again) {
    List<T> out = new ArrayList<>();
    List<T> heldBack = new ArrayList<>();
    for (T record : records) {
      out.add(record);
      if (random.nextDouble() < REDELIVERED) {
        (random.nextBoolean() ? heldBack : out).add(again.apply(record));
      }
    }
    Collections.shuffle(out, random);
    Collections.shuffle(heldBack, random);
    out.addAll(heldBack);
    return out;
  }

  private static ExpectedPayment again(ExpectedPayment e) {
    ExpectedPayment copy = ExpectedPayment.newBuilder(e).build();
    copy.getProvenance().setFileName("redelivered.csv");
    copy.getProvenance().setLine(copy.getProvenance().getLine() + 1_000);
    return copy;
  }

  private static PaymentEvent again(PaymentEvent e) {
    PaymentEvent copy = PaymentEvent.newBuilder(e).build();
    copy.getProvenance().setFileName("redelivered.csv");
    copy.getProvenance().setLine(copy.getProvenance().getLine() + 1_000);
    return copy;
  }

  private static BankLine again(BankLine line) {
    BankLine copy = BankLine.newBuilder(line).build();
    copy.getProvenance().setFileName("redelivered.xml");
    copy.getProvenance().setLine(copy.getProvenance().getLine() + 1_000);
    return copy;
  }
}
