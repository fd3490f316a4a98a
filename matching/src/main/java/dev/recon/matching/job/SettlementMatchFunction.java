package dev.recon.matching.job;

import dev.recon.matching.model.Payout;
import dev.recon.matching.model.PspTransaction;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.settlement.BatchTotals;
import dev.recon.matching.settlement.SettlementRule;
import dev.recon.schemas.Match;
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

  private transient ListState<PaymentEvent> rows;
  private transient ListState<PaymentEvent> payouts;
  private transient ValueState<Long> rowCount;
  private transient ValueState<Long> netSum;
  private transient KeyTimer deadline;

  public SettlementMatchFunction(Duration window) {
    this.window = Objects.requireNonNull(window, "window");
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
    deadline =
        new KeyTimer(
            getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Types.LONG)));
  }

  @Override
  public void processElement(PaymentEvent event, Context ctx, Collector<Match> out)
      throws Exception {
    BatchTotals totals = totals();
    if (event.getRecordKind() == RecordKind.PAYOUT) {
      payouts.add(event);
    } else {
      rows.add(event);
      totals = totals.plus(event.getNetMinor());
      rowCount.update(totals.rowCount());
      netSum.update(totals.netSumMinor());
    }
    List<Payout> heldPayouts = loadPayouts();
    Optional<Payout> balancing = SettlementRule.balancingPayout(totals, heldPayouts);
    if (balancing.isPresent()) {
      out.collect(SettlementRule.match(loadRows(), balancing.get()).toAvro());
      forget(ctx);
    } else if (SettlementRule.overflows(totals, heldPayouts.size())) {
      List<PspTransaction> heldRows = loadRows();
      Instant latest = ReconRecord.latest(heldRows, heldPayouts);
      ReconOutputs.emit(
          SettlementRule.onExpiry(heldRows, heldPayouts, latest),
          out,
          b -> ctx.output(ReconOutputs.BREAKS, b));
      forget(ctx);
    } else {
      deadline.extendTo(ctx.timerService(), event.getEventTime().plus(window).toEpochMilli());
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Match> out) throws Exception {
    Long due = deadline.registered();
    Instant detectedAt = Instant.ofEpochMilli(due == null ? timestamp : Math.min(timestamp, due));
    ReconOutputs.emit(
        SettlementRule.onExpiry(loadRows(), loadPayouts(), detectedAt),
        out,
        b -> ctx.output(ReconOutputs.BREAKS, b));
    forget(ctx);
  }

  private BatchTotals totals() throws Exception {
    Long count = rowCount.value();
    return count == null ? BatchTotals.EMPTY : new BatchTotals(count, netSum.value());
  }

  private void forget(Context ctx) throws Exception {
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
