package dev.recon.matching.job;

import dev.recon.matching.cash.CashDecision;
import dev.recon.matching.cash.CashLeftoverRule;
import dev.recon.matching.cash.CashMatchRule;
import dev.recon.matching.cash.CashTerms;
import dev.recon.matching.model.Break;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.OpenItemLimit;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.model.StatementLine;
import dev.recon.schemas.Match;
import dev.recon.schemas.ReconException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * L4's second chance, keyed by tenant + currency: holds the payouts and bank lines L4's
 * exact-amount rule let go, each for {@code window} after it was let go. When the earliest is due
 * (event-time timer), {@link CashLeftoverRule} weighs every leftover let go by then (bank fees
 * within tolerance, lines aggregating several payouts), so the outcome depends on event time only;
 * what is due and still unmatched breaks as L4 would have broken it.
 *
 * <p>In streaming runs ({@link KeyPolicy#keepsBroken()}) what broke is kept for the late retention:
 * a leftover arriving later is decided with it as a candidate (L4's exact-amount pairs first, as
 * they would have paired in time, then fees and aggregates), and a match resolves its break ({@link
 * ReconOutputs#RESOLUTIONS}).
 */
public final class CashLeftoverFunction extends KeyedProcessFunction<String, L4Leftover, Match> {

  private static final long serialVersionUID = 1L;

  private final Duration window;
  private final CashTerms terms;
  private final KeyPolicy policy;

  private transient ListState<L4Leftover> held;

  /** Leftovers that broke, kept for {@link KeyPolicy#lateRetention()} for a late counterpart. */
  private transient ListState<L4Leftover> broken;

  private transient KeyTimer deadline;

  CashLeftoverFunction(Duration window, long maxBankFeeMinor, KeyPolicy policy) {
    this(window, CashTerms.fallback(requireFee(maxBankFeeMinor)), policy);
  }

  /**
   * @param terms the cash rules (fee per currency, window, patterns), the fallback fee beside
   */
  CashLeftoverFunction(Duration window, CashTerms terms, KeyPolicy policy) {
    this.window = Objects.requireNonNull(window, "window");
    this.terms = Objects.requireNonNull(terms, "terms");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  private static long requireFee(long maxBankFeeMinor) {
    if (maxBankFeeMinor < 0) {
      throw new IllegalArgumentException("maxBankFeeMinor is negative: " + maxBankFeeMinor);
    }
    return maxBankFeeMinor;
  }

  @Override
  public void open(OpenContext openContext) {
    held =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("l4-leftovers", AvroTypes.L4_LEFTOVER));
    broken = getRuntimeContext().getListState(policy.keptState("l4-broken", AvroTypes.L4_LEFTOVER));
    deadline =
        new KeyTimer(
            getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Types.LONG)));
  }

  @Override
  public void processElement(L4Leftover leftover, Context ctx, Collector<Match> out)
      throws Exception {
    if (OpenItemLimit.isFull(load().size(), policy.maxOpenPerKey())) {
      // The key is full: this one breaks now, with the reason L4 gave it, rather than be held.
      emitBreak(leftover, Instant.ofEpochMilli(leftover.leftAtMillis), ctx);
      return;
    }
    held.add(leftover);
    deadline.bringForwardTo(ctx.timerService(), dueAt(leftover));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Match> out) throws Exception {
    IdentityHashMap<ReconRecord, L4Leftover> sources = new IdentityHashMap<>();
    List<Payout> payouts = new ArrayList<>();
    List<StatementLine> lines = new ArrayList<>();
    List<L4Leftover> kept = new ArrayList<>();
    List<L4Leftover> stillBroken = loadBroken(timestamp);
    for (L4Leftover l : load()) {
      if (l.leftAtMillis > timestamp) {
        kept.add(l);
      } else {
        add(l, sources, payouts, lines);
      }
    }
    if (!sources.isEmpty()) {
      List<MatchedSet> matches = new ArrayList<>();
      if (!stillBroken.isEmpty()) {
        for (L4Leftover b : stillBroken) {
          add(b, sources, payouts, lines);
        }
        matches.addAll(pairByAmount(sources, payouts, lines, terms));
      }
      CashDecision decision = CashLeftoverRule.decide(payouts, lines, terms);
      matches.addAll(decision.matches());
      for (MatchedSet match : matches) {
        Match avro = match.toAvro();
        out.collect(avro);
        KeptRecords.resolveKept(
            match.members(),
            avro,
            sources,
            stillBroken,
            l -> l.exceptionId,
            l -> l.brokeAtMillis,
            r -> ctx.output(ReconOutputs.RESOLUTIONS, r));
      }
      Instant now = Instant.ofEpochMilli(timestamp);
      List<L4Leftover> open = new ArrayList<>();
      decision.openPayouts().forEach(p -> open.add(sources.get(p)));
      decision.openLines().forEach(line -> open.add(sources.get(line)));
      for (L4Leftover l : open) {
        if (l.exceptionId != null) {
          continue;
        }
        if (dueAt(l) <= timestamp) {
          ReconException raised = emitBreak(l, now, ctx);
          if (policy.keepsBroken()) {
            l.exceptionId = raised.getExceptionId();
            l.brokeAtMillis = raised.getDetectedAt().toEpochMilli();
            stillBroken.add(l);
          }
        } else {
          kept.add(l);
        }
      }
    }
    remember(kept, stillBroken, ctx);
  }

  private static void add(
      L4Leftover l,
      IdentityHashMap<ReconRecord, L4Leftover> sources,
      List<Payout> payouts,
      List<StatementLine> lines) {
    if (l.payout != null) {
      Payout p = Payout.from(l.payout);
      sources.put(p, l);
      payouts.add(p);
    } else {
      StatementLine line = StatementLine.from(l.line);
      sources.put(line, l);
      lines.add(line);
    }
  }

  /**
   * The pairs L4's exact-amount rule makes per amount, as it would have made them had the records
   * met in time; what they pair is taken out of {@code payouts} and {@code lines}.
   */
  private static List<MatchedSet> pairByAmount(
      IdentityHashMap<ReconRecord, L4Leftover> sources,
      List<Payout> payouts,
      List<StatementLine> lines,
      CashTerms terms) {
    Map<String, List<Payout>> payoutsByAmount = new LinkedHashMap<>();
    for (Payout p : payouts) {
      payoutsByAmount.computeIfAbsent(sources.get(p).amountKey(), k -> new ArrayList<>()).add(p);
    }
    Map<String, List<StatementLine>> linesByAmount = new LinkedHashMap<>();
    for (StatementLine line : lines) {
      linesByAmount
          .computeIfAbsent(sources.get(line).amountKey(), k -> new ArrayList<>())
          .add(line);
    }
    List<MatchedSet> pairs = new ArrayList<>();
    for (Map.Entry<String, List<Payout>> amount : payoutsByAmount.entrySet()) {
      List<StatementLine> sameAmount = linesByAmount.get(amount.getKey());
      if (sameAmount != null) {
        pairs.addAll(CashMatchRule.pairs(amount.getValue(), sameAmount, terms).matches());
      }
    }
    for (MatchedSet pair : pairs) {
      payouts.removeAll(pair.members());
      lines.removeAll(pair.members());
    }
    return pairs;
  }

  private void remember(List<L4Leftover> kept, List<L4Leftover> stillBroken, Context ctx)
      throws Exception {
    List<L4Leftover> keptBroken =
        KeptRecords.capped(stillBroken, policy.maxOpenPerKey(), l -> l.brokeAtMillis);
    if (kept.isEmpty()) {
      held.clear();
    } else {
      held.update(kept);
    }
    if (keptBroken.isEmpty()) {
      broken.clear();
    } else {
      broken.update(keptBroken);
    }
    long next = Long.MAX_VALUE;
    for (L4Leftover l : kept) {
      next = Math.min(next, dueAt(l));
    }
    for (L4Leftover l : keptBroken) {
      next = Math.min(next, policy.keptUntil(l.brokeAtMillis));
    }
    if (next == Long.MAX_VALUE) {
      deadline.cancel(ctx.timerService());
    } else {
      deadline.moveTo(ctx.timerService(), next);
    }
  }

  /** The records kept after they broke whose retention has not ended by {@code at}. */
  private List<L4Leftover> loadBroken(long at) throws Exception {
    List<L4Leftover> loaded = new ArrayList<>();
    for (L4Leftover l : broken.get()) {
      if (policy.keptUntil(l.brokeAtMillis) > at) {
        loaded.add(l);
      }
    }
    return loaded;
  }

  private ReconException emitBreak(L4Leftover l, Instant detectedAt, Context ctx) {
    Break b =
        l.payout != null
            ? CashMatchRule.missingInBank(Payout.from(l.payout), detectedAt)
            : CashMatchRule.unmatchedLine(StatementLine.from(l.line), detectedAt);
    String psp = l.payout != null ? l.payout.getPsp() : null;
    ReconException raised = policy.dating().apply(b, psp).toAvro();
    ctx.output(ReconOutputs.BREAKS, raised);
    return raised;
  }

  private long dueAt(L4Leftover l) {
    return Math.addExact(l.leftAtMillis, window.toMillis());
  }

  private List<L4Leftover> load() throws Exception {
    List<L4Leftover> loaded = new ArrayList<>();
    held.get().forEach(loaded::add);
    return loaded;
  }
}
