package dev.recon.matching.job;

import dev.recon.matching.model.Break;
import dev.recon.matching.model.BreakResolution;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.OpenItemLimit;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.PspTransaction;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.model.Resolution;
import dev.recon.matching.settlement.BatchTotals;
import dev.recon.matching.settlement.SettlementRule;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.RecordKind;
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
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * L3 operator, keyed by tenant + PSP + batch + currency: holds a batch's rows and payouts until
 * {@link SettlementRule} decides them. The rows' count and net sum are kept as running totals so an
 * arrival costs the same for the 10th row as for the 10,000th.
 *
 * <p>In streaming runs ({@link KeyPolicy#keepsBroken()}) a batch decided with breaks only is kept,
 * records and totals, for the late retention after its decision: a late row or payout decides it
 * again when its window ends; a match then resolves the breaks it settles ({@link
 * ReconOutputs#RESOLUTIONS}), and a break raised before is not raised twice.
 */
public final class SettlementMatchFunction
    extends KeyedProcessFunction<String, PaymentEvent, Match> {

  private static final long serialVersionUID = 1L;

  private final Duration window;
  private final KeyPolicy policy;

  private transient ListState<PaymentEvent> rows;
  private transient ListState<PaymentEvent> payouts;
  private transient ValueState<Long> rowCount;
  private transient ValueState<Long> netSum;
  private transient KeySpan span;
  private transient KeyTimer deadline;
  private transient KeyTimer arrivalCheck;

  /**
   * The breaks raised for the batch and still open, while it is kept for late records after its
   * decision (streaming); empty otherwise.
   */
  private transient ListState<ReconException> raised;

  /** Until when (event time) a decided batch with open breaks is kept; null when it is not. */
  private transient ValueState<Long> keptUntil;

  public SettlementMatchFunction(Duration window) {
    this(window, KeyPolicy.defaults());
  }

  SettlementMatchFunction(Duration window, KeyPolicy policy) {
    this.window = Objects.requireNonNull(window, "window");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public void open(OpenContext openContext) {
    rows =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("batch-rows", AvroTypes.PAYMENT_EVENT));
    payouts =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("payouts", AvroTypes.PAYMENT_EVENT));
    rowCount = getRuntimeContext().getState(new ValueStateDescriptor<>("row-count", Types.LONG));
    netSum = getRuntimeContext().getState(new ValueStateDescriptor<>("net-sum", Types.LONG));
    span = KeySpan.open(getRuntimeContext());
    deadline =
        new KeyTimer(
            getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Types.LONG)));
    arrivalCheck =
        new KeyTimer(
            getRuntimeContext().getState(new ValueStateDescriptor<>("arrival-check", Types.LONG)));
    raised =
        getRuntimeContext().getListState(policy.keptState("raised", AvroTypes.RECON_EXCEPTION));
    keptUntil = getRuntimeContext().getState(new ValueStateDescriptor<>("kept-until", Types.LONG));
  }

  @Override
  public void processElement(PaymentEvent event, Context ctx, Collector<Match> out)
      throws Exception {
    BatchTotals totals = totals();
    boolean isPayout = event.getRecordKind() == RecordKind.PAYOUT;
    if (SettlementRule.isFull(totals, payoutCount(), isPayout)) {
      refuse(event, ctx);
      return;
    }
    if (isPayout) {
      payouts.add(event);
    } else {
      rows.add(event);
      totals = totals.plus(event.getNetMinor());
      rowCount.update(totals.rowCount());
      netSum.update(totals.netSumMinor());
    }
    span.include(event.getEventTime().toEpochMilli());
    if (policy.decideOnArrival()) {
      arrivalCheck.extendTo(ctx.timerService(), event.getEventTime().toEpochMilli());
    }
    deadline.moveTo(ctx.timerService(), span.deadline(window));
  }

  /** The batch holds its limit of rows or payouts: this one breaks instead of growing state. */
  private void refuse(PaymentEvent event, Context ctx) {
    ReconRecord record =
        event.getRecordKind() == RecordKind.PAYOUT
            ? Payout.from(event)
            : PspTransaction.from(event);
    int limit =
        event.getRecordKind() == RecordKind.PAYOUT
            ? SettlementRule.MAX_PAYOUTS_PER_BATCH
            : SettlementRule.MAX_ROWS_PER_BATCH;
    ctx.output(
        ReconOutputs.BREAKS,
        policy
            .dating()
            .apply(
                OpenItemLimit.refused(record, MatchLevel.L3, limit, record.eventTime()),
                event.getPsp())
            .toAvro());
  }

  private int payoutCount() throws Exception {
    int n = 0;
    for (PaymentEvent ignored : payouts.get()) {
      n++;
    }
    return n;
  }

  /**
   * Early decision (streaming), once the watermark has passed every row and payout held: a batch
   * whose rows sum to its one payout matches now rather than when its window ends.
   */
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Match> out) throws Exception {
    if (arrivalCheck.fired(timestamp)) {
      Optional<Payout> balancing = SettlementRule.balancingPayout(totals(), loadPayouts());
      if (balancing.isPresent()) {
        MatchedSet match = SettlementRule.match(loadRows(), balancing.get());
        Match avro = match.toAvro();
        out.collect(avro);
        resolveRaised(match, avro, ctx);
        forget(ctx);
        return;
      }
    }
    Long due = deadline.registered();
    if (due != null && timestamp < due) {
      return;
    }
    Long kept = keptUntil.value();
    if (kept != null && !span.hasRecords()) {
      // Kept after its decision and nothing came since: its retention has ended.
      forget(ctx);
      return;
    }
    Instant detectedAt = Instant.ofEpochMilli(due == null ? timestamp : Math.min(timestamp, due));
    List<PspTransaction> heldRows = loadRows();
    List<Payout> heldPayouts = loadPayouts();
    String psp = pspOf(heldRows, heldPayouts);
    Resolution decision = SettlementRule.onExpiry(heldRows, heldPayouts, detectedAt);
    List<ReconException> stillOpen = new ArrayList<>();
    raised.get().forEach(stillOpen::add);
    for (MatchedSet match : decision.matches()) {
      Match avro = match.toAvro();
      out.collect(avro);
      resolveRaised(match, avro, ctx);
    }
    if (!decision.matches().isEmpty()) {
      forget(ctx);
      return;
    }
    Set<String> openIds = new HashSet<>();
    stillOpen.forEach(e -> openIds.add(e.getExceptionId()));
    for (Break b : decision.breaks()) {
      ReconException e = policy.dating().apply(b, psp).toAvro();
      // A late record that changes nothing raises no second break: the first is still open.
      if (openIds.add(e.getExceptionId())) {
        ctx.output(ReconOutputs.BREAKS, e);
        stillOpen.add(e);
      }
    }
    long until =
        kept != null
            ? kept
            : Math.addExact(detectedAt.toEpochMilli(), policy.lateRetention().toMillis());
    if (!policy.keepsBroken() || stillOpen.isEmpty() || until <= timestamp) {
      forget(ctx);
      return;
    }
    // Kept with its records and totals: a late row or payout decides the batch again.
    raised.update(stillOpen);
    keptUntil.update(until);
    span.clear();
    arrivalCheck.cancel(ctx.timerService());
    deadline.moveTo(ctx.timerService(), until);
  }

  /** Emits the resolution of every break raised earlier on the batch that {@code match} settles. */
  private void resolveRaised(MatchedSet match, Match avro, Context ctx) throws Exception {
    for (ReconException e : raised.get()) {
      if (SettlementRule.resolves(match, e.getRecordKind(), e.getRecordId(), e.getReason())) {
        ctx.output(
            ReconOutputs.RESOLUTIONS,
            BreakResolution.lateMatch(
                    avro, e.getExceptionId(), e.getRecordKind(), e.getRecordId(), e.getDetectedAt())
                .toAvro());
      }
    }
  }

  private BatchTotals totals() throws Exception {
    Long count = rowCount.value();
    return count == null ? BatchTotals.EMPTY : new BatchTotals(count, netSum.value());
  }

  /** The key is one PSP's batch: any member names it. */
  private static String pspOf(List<PspTransaction> rows, List<Payout> payouts) {
    return !rows.isEmpty() ? rows.get(0).psp() : payouts.isEmpty() ? null : payouts.get(0).psp();
  }

  private void forget(Context ctx) throws Exception {
    raised.clear();
    keptUntil.clear();
    span.clear();
    arrivalCheck.cancel(ctx.timerService());
    rows.clear();
    payouts.clear();
    rowCount.clear();
    netSum.clear();
    deadline.cancel(ctx.timerService());
  }

  private List<PspTransaction> loadRows() throws Exception {
    List<PspTransaction> loaded = new ArrayList<>();
    for (PaymentEvent row : rows.get()) {
      loaded.add(PspTransaction.from(row));
    }
    return loaded;
  }

  private List<Payout> loadPayouts() throws Exception {
    List<Payout> loaded = new ArrayList<>();
    for (PaymentEvent payout : payouts.get()) {
      loaded.add(Payout.from(payout));
    }
    return loaded;
  }
}
