package dev.recon.matching.job;

import dev.recon.matching.model.OpenItemLimit;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.PspTransaction;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.settlement.BatchTotals;
import dev.recon.matching.settlement.SettlementRule;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.RecordKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
        out.collect(SettlementRule.match(loadRows(), balancing.get()).toAvro());
        forget(ctx);
        return;
      }
    }
    Long due = deadline.registered();
    if (due != null && timestamp < due) {
      return;
    }
    Instant detectedAt = Instant.ofEpochMilli(due == null ? timestamp : Math.min(timestamp, due));
    List<PspTransaction> heldRows = loadRows();
    List<Payout> heldPayouts = loadPayouts();
    String psp = pspOf(heldRows, heldPayouts);
    ReconOutputs.emit(
        SettlementRule.onExpiry(heldRows, heldPayouts, detectedAt),
        out,
        b -> ctx.output(ReconOutputs.BREAKS, policy.dating().apply(b, psp).toAvro()));
    forget(ctx);
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
