package dev.recon.matching.job;

import dev.recon.matching.cash.CashDecision;
import dev.recon.matching.cash.CashMatchRule;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.model.Resolution;
import dev.recon.matching.model.StatementLine;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.Match;
import dev.recon.schemas.PaymentEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * L4 operator, keyed by tenant + currency + amount: holds payouts and bank lines until {@link
 * CashMatchRule} matches them or their own windows end. Its one timer always points at the earliest
 * window end among the records still open.
 */
public final class CashMatchFunction
    extends KeyedCoProcessFunction<String, PaymentEvent, BankLine, Match> {

  private static final long serialVersionUID = 1L;

  private final Duration window;

  private transient ListState<PaymentEvent> payouts;
  private transient ListState<BankLine> lines;
  private transient KeyTimer nextExpiry;

  public CashMatchFunction(Duration window) {
    this.window = Objects.requireNonNull(window, "window");
  }

  @Override
  public void open(OpenContext openContext) {
    payouts =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("payouts", AvroTypes.PAYMENT_EVENT));
    lines =
        getRuntimeContext().getListState(new ListStateDescriptor<>("lines", AvroTypes.BANK_LINE));
    nextExpiry =
        new KeyTimer(
            getRuntimeContext().getState(new ValueStateDescriptor<>("next-expiry", Types.LONG)));
  }

  @Override
  public void processElement1(PaymentEvent payout, Context ctx, Collector<Match> out)
      throws Exception {
    payouts.add(payout);
    afterArrival(ctx, out);
  }

  @Override
  public void processElement2(BankLine line, Context ctx, Collector<Match> out) throws Exception {
    lines.add(line);
    afterArrival(ctx, out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Match> out) throws Exception {
    CashDecision decision =
        CashMatchRule.onExpiry(loadPayouts(), loadLines(), Instant.ofEpochMilli(timestamp), window);
    apply(decision, ctx, out);
  }

  private void afterArrival(Context ctx, Collector<Match> out) throws Exception {
    List<Payout> heldPayouts = loadPayouts();
    List<StatementLine> heldLines = loadLines();
    CashDecision decision =
        CashMatchRule.overflows(heldPayouts.size(), heldLines.size())
            ? CashMatchRule.onOverflow(
                heldPayouts, heldLines, ReconRecord.latest(heldPayouts, heldLines))
            : CashMatchRule.onArrival(heldPayouts, heldLines);
    apply(decision, ctx, out);
  }

  private void apply(CashDecision decision, Context ctx, Collector<Match> out) throws Exception {
    ReconOutputs.emit(
        new Resolution(decision.matches(), decision.breaks()),
        out,
        b -> ctx.output(ReconOutputs.BREAKS, b));
    if (decision.settled()) {
      payouts.clear();
      lines.clear();
      nextExpiry.cancel(ctx.timerService());
      return;
    }
    keepOpen(decision);
    Optional<Instant> next = CashMatchRule.nextExpiry(decision, window);
    nextExpiry.moveTo(ctx.timerService(), next.orElseThrow().toEpochMilli());
  }

  private void keepOpen(CashDecision decision) throws Exception {
    Set<String> openPayoutIds = new HashSet<>();
    decision.openPayouts().forEach(p -> openPayoutIds.add(p.eventId()));
    Set<String> openLineIds = new HashSet<>();
    decision.openLines().forEach(l -> openLineIds.add(l.lineId()));
    List<PaymentEvent> keptPayouts = new ArrayList<>();
    for (PaymentEvent payout : payouts.get()) {
      if (openPayoutIds.contains(payout.getEventId())) {
        keptPayouts.add(payout);
      }
    }
    List<BankLine> keptLines = new ArrayList<>();
    for (BankLine line : lines.get()) {
      if (openLineIds.contains(line.getLineId())) {
        keptLines.add(line);
      }
    }
    payouts.update(keptPayouts);
    lines.update(keptLines);
  }

  private List<Payout> loadPayouts() throws Exception {
    List<Payout> loaded = new ArrayList<>();
    for (PaymentEvent payout : payouts.get()) {
      loaded.add(Payout.from(payout));
    }
    return loaded;
  }

  private List<StatementLine> loadLines() throws Exception {
    List<StatementLine> loaded = new ArrayList<>();
    for (BankLine line : lines.get()) {
      loaded.add(StatementLine.from(line));
    }
    return loaded;
  }
}
