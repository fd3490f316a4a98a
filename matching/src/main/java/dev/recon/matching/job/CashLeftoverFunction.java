package dev.recon.matching.job;

import dev.recon.matching.cash.CashDecision;
import dev.recon.matching.cash.CashLeftoverRule;
import dev.recon.matching.cash.CashMatchRule;
import dev.recon.matching.model.Break;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.OpenItemLimit;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.StatementLine;
import dev.recon.schemas.Match;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
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
 */
public final class CashLeftoverFunction extends KeyedProcessFunction<String, L4Leftover, Match> {

  private static final long serialVersionUID = 1L;

  private final Duration window;
  private final long maxBankFeeMinor;
  private final KeyPolicy policy;

  private transient ListState<L4Leftover> held;
  private transient KeyTimer deadline;

  CashLeftoverFunction(Duration window, long maxBankFeeMinor, KeyPolicy policy) {
    this.window = Objects.requireNonNull(window, "window");
    if (maxBankFeeMinor < 0) {
      throw new IllegalArgumentException("maxBankFeeMinor is negative: " + maxBankFeeMinor);
    }
    this.maxBankFeeMinor = maxBankFeeMinor;
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public void open(OpenContext openContext) {
    held =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("l4-leftovers", AvroTypes.L4_LEFTOVER));
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
    Map<Payout, L4Leftover> payouts = new IdentityHashMap<>();
    Map<StatementLine, L4Leftover> lines = new IdentityHashMap<>();
    List<L4Leftover> kept = new ArrayList<>();
    for (L4Leftover l : load()) {
      if (l.leftAtMillis > timestamp) {
        kept.add(l);
      } else if (l.payout != null) {
        payouts.put(Payout.from(l.payout), l);
      } else {
        lines.put(StatementLine.from(l.line), l);
      }
    }
    CashDecision decision =
        CashLeftoverRule.decide(
            List.copyOf(payouts.keySet()), List.copyOf(lines.keySet()), maxBankFeeMinor);
    for (MatchedSet match : decision.matches()) {
      out.collect(match.toAvro());
    }
    Instant now = Instant.ofEpochMilli(timestamp);
    for (Payout p : decision.openPayouts()) {
      L4Leftover l = payouts.get(p);
      if (dueAt(l) <= timestamp) {
        emitBreak(l, now, ctx);
      } else {
        kept.add(l);
      }
    }
    for (StatementLine line : decision.openLines()) {
      L4Leftover l = lines.get(line);
      if (dueAt(l) <= timestamp) {
        emitBreak(l, now, ctx);
      } else {
        kept.add(l);
      }
    }
    if (kept.isEmpty()) {
      held.clear();
      deadline.cancel(ctx.timerService());
      return;
    }
    held.update(kept);
    deadline.moveTo(ctx.timerService(), kept.stream().mapToLong(this::dueAt).min().orElseThrow());
  }

  private void emitBreak(L4Leftover l, Instant detectedAt, Context ctx) {
    Break b =
        l.payout != null
            ? CashMatchRule.missingInBank(Payout.from(l.payout), detectedAt)
            : CashMatchRule.unmatchedLine(StatementLine.from(l.line), detectedAt);
    String psp = l.payout != null ? l.payout.getPsp() : null;
    ctx.output(ReconOutputs.BREAKS, policy.dating().apply(b, psp).toAvro());
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
