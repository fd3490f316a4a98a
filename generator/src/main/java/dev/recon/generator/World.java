package dev.recon.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a tenant's world from a spec: orders and expected payments, what Adyen and Stripe
 * captured, refunded and charged back, how they settled and paid out, and what the bank shows, with
 * the truth of every match and break. Pure: the same spec gives the same world.
 */
public final class World {
  private World() {}

  public static GeneratedWorld generate(GeneratorSpec spec) {
    SplittableRandom random = new SplittableRandom(spec.seed());
    IdMint ids = new IdMint(random.split());
    OrderFlow orders = new OrderFlow(spec, random.split(), ids);
    orders.run();
    SettlementCycle settlement = new SettlementCycle(spec, random.split(), ids);
    settlement.run(orders.pspRows);
    CashArrival cash = new CashArrival(spec, random.split(), ids);
    cash.run(settlement.payouts());

    List<TruthMatch> matches = new ArrayList<>(orders.matches);
    matches.addAll(settlement.matches);
    matches.addAll(cash.matches);
    List<TruthBreak> breaks = new ArrayList<>(orders.breaks);
    breaks.addAll(cash.breaks);
    return new GeneratedWorld(
        spec,
        orders.expected,
        settlement.adyenRows,
        settlement.merchantAccount(),
        settlement.stripeRows,
        settlement.stripePayouts,
        cash.entries,
        matches,
        breaks);
  }
}
