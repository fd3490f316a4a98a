package dev.recon.matching.job;

import dev.recon.matching.cash.CashDecision;
import dev.recon.matching.cash.CashMatchRule;
import dev.recon.matching.cash.CashTerms;
import dev.recon.matching.model.Break;
import dev.recon.matching.model.OpenItemLimit;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.model.Resolution;
import dev.recon.matching.model.StatementLine;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.RecordKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
  private final KeyPolicy policy;
  private final boolean handOverLeftovers;
  private final CashTerms terms;

  private transient ListState<PaymentEvent> payouts;
  private transient ListState<BankLine> lines;
  private transient KeyTimer nextExpiry;
  private transient KeyTimer arrivalCheck;

  public CashMatchFunction(Duration window) {
    this(window, KeyPolicy.defaults());
  }

  CashMatchFunction(Duration window, KeyPolicy policy) {
    this(window, policy, false);
  }

  /**
   * @param handOverLeftovers true: records whose window ends unmatched go to {@link
   *     ReconOutputs#L4_LEFTOVERS} (bank fees, aggregated lines) instead of breaking here
   */
  CashMatchFunction(Duration window, KeyPolicy policy, boolean handOverLeftovers) {
    this(window, policy, handOverLeftovers, CashTerms.DEFAULT);
  }

  /**
   * @param terms the cash rules (value-date window, reference patterns) each pair is held to
   */
  CashMatchFunction(Duration window, KeyPolicy policy, boolean handOverLeftovers, CashTerms terms) {
    this.window = Objects.requireNonNull(window, "window");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.handOverLeftovers = handOverLeftovers;
    this.terms = Objects.requireNonNull(terms, "terms");
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
    arrivalCheck =
        new KeyTimer(
            getRuntimeContext().getState(new ValueStateDescriptor<>("arrival-check", Types.LONG)));
  }

  @Override
  public void processElement1(PaymentEvent payout, Context ctx, Collector<Match> out)
      throws Exception {
    if (refusedAtLimit(Payout.from(payout), ctx)) {
      return;
    }
    payouts.add(payout);
    afterArrival(payout.getEventTime().toEpochMilli(), ctx, out);
  }

  @Override
  public void processElement2(BankLine line, Context ctx, Collector<Match> out) throws Exception {
    if (refusedAtLimit(StatementLine.from(line), ctx)) {
      return;
    }
    lines.add(line);
    afterArrival(StatementLine.eventTimeOf(line.getBookingDate()).toEpochMilli(), ctx, out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Match> out) throws Exception {
    if (arrivalCheck.fired(timestamp)) {
      // The watermark has passed every record held: decide what no in-bound record can change.
      apply(CashMatchRule.onArrival(loadPayouts(), loadLines(), terms), ctx, out);
    }
    Long next = nextExpiry.registered();
    if (next == null || timestamp < next) {
      return;
    }
    CashDecision decision =
        CashMatchRule.onExpiry(
            loadPayouts(), loadLines(), Instant.ofEpochMilli(timestamp), window, terms);
    apply(decision, ctx, out);
  }

  private boolean refusedAtLimit(ReconRecord record, Context ctx) throws Exception {
    int held = 0;
    for (PaymentEvent ignored : payouts.get()) {
      held++;
    }
    for (BankLine ignored : lines.get()) {
      held++;
    }
    if (!OpenItemLimit.isFull(held, policy.maxOpenPerKey())) {
      return false;
    }
    Break refused =
        OpenItemLimit.refused(record, MatchLevel.L4, policy.maxOpenPerKey(), record.eventTime());
    String psp = record instanceof Payout p ? p.psp() : null;
    ctx.output(ReconOutputs.BREAKS, policy.dating().apply(refused, psp).toAvro());
    return true;
  }

  private void afterArrival(long recordTime, Context ctx, Collector<Match> out) throws Exception {
    if (policy.decideOnArrival()) {
      arrivalCheck.extendTo(ctx.timerService(), recordTime);
    }
    apply(new CashDecision(List.of(), List.of(), loadPayouts(), loadLines()), ctx, out);
  }

  private void apply(CashDecision decision, Context ctx, Collector<Match> out) throws Exception {
    // A key is a currency and amount, which payouts of several PSPs may share.
    Map<String, PaymentEvent> payoutsById = new HashMap<>();
    for (PaymentEvent payout : payouts.get()) {
      payoutsById.put(payout.getEventId(), payout);
    }
    Map<String, BankLine> linesById = new HashMap<>();
    for (BankLine line : lines.get()) {
      linesById.put(line.getLineId(), line);
    }
    ReconOutputs.emit(
        new Resolution(decision.matches(), decision.breaks()),
        out,
        b -> {
          PaymentEvent payout =
              b.recordKind() == RecordKind.PAYOUT ? payoutsById.get(b.recordId()) : null;
          BankLine line =
              b.recordKind() == RecordKind.BANK_LINE ? linesById.get(b.recordId()) : null;
          long leftAt = b.detectedAt().toEpochMilli();
          if (handOverLeftovers && payout != null) {
            ctx.output(ReconOutputs.L4_LEFTOVERS, L4Leftover.of(payout, leftAt));
          } else if (handOverLeftovers && line != null) {
            ctx.output(ReconOutputs.L4_LEFTOVERS, L4Leftover.of(line, leftAt));
          } else {
            String psp = payout == null ? null : payout.getPsp();
            ctx.output(ReconOutputs.BREAKS, policy.dating().apply(b, psp).toAvro());
          }
        });
    if (decision.settled()) {
      payouts.clear();
      lines.clear();
      nextExpiry.cancel(ctx.timerService());
      arrivalCheck.cancel(ctx.timerService());
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
