package dev.recon.matching.job;

import dev.recon.matching.link.OriginalLinkRule;
import dev.recon.matching.model.OpenItemLimit;
import dev.recon.matching.model.PspTransaction;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.PaymentEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Capture-link operator, keyed by {@link dev.recon.matching.link.LinkKey} (tenant + PSP + the
 * original capture's reference): holds captures, refunds, chargebacks and reversals until the key's
 * window ends, then lets {@link OriginalLinkRule} decide them all at once. Its matches link records
 * and book nothing, so the job keeps them away from the journal.
 */
public final class OriginalLinkFunction extends KeyedProcessFunction<String, PaymentEvent, Match> {

  private static final long serialVersionUID = 1L;

  private final Duration window;
  private final KeyPolicy policy;
  private final boolean reportUnsettled;

  private transient ListState<PaymentEvent> held;
  private transient KeySpan span;
  private transient KeyTimer deadline;

  public OriginalLinkFunction(Duration window) {
    this(window, KeyPolicy.defaults(), false);
  }

  /**
   * @param reportUnsettled break captures no delivery shows in a settlement batch ({@link
   *     MatchingSettings#reportUnsettledCaptures()})
   */
  OriginalLinkFunction(Duration window, KeyPolicy policy, boolean reportUnsettled) {
    this.window = Objects.requireNonNull(window, "window");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.reportUnsettled = reportUnsettled;
  }

  @Override
  public void open(OpenContext openContext) {
    held =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("link-records", AvroTypes.PAYMENT_EVENT));
    span = KeySpan.open(getRuntimeContext());
    deadline =
        new KeyTimer(
            getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Types.LONG)));
  }

  @Override
  public void processElement(PaymentEvent event, Context ctx, Collector<Match> out)
      throws Exception {
    int count = 0;
    for (PaymentEvent ignored : held.get()) {
      count++;
    }
    if (OpenItemLimit.isFull(count, policy.maxOpenPerKey())) {
      PspTransaction t = PspTransaction.from(event);
      ctx.output(
          ReconOutputs.BREAKS,
          policy
              .dating()
              .apply(
                  OpenItemLimit.refused(t, MatchLevel.L1, policy.maxOpenPerKey(), t.eventTime()),
                  t.psp())
              .toAvro());
      return;
    }
    held.add(event);
    span.include(event.getEventTime().toEpochMilli());
    deadline.moveTo(ctx.timerService(), span.deadline(window));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Match> out) throws Exception {
    Long due = deadline.registered();
    Instant detectedAt = Instant.ofEpochMilli(due == null ? timestamp : Math.min(timestamp, due));
    List<PspTransaction> records = new ArrayList<>();
    for (PaymentEvent event : held.get()) {
      records.add(PspTransaction.from(event));
    }
    // A key is one PSP's reference: any record names the PSP whose calendar applies.
    String psp = records.isEmpty() ? null : records.get(0).psp();
    ReconOutputs.emit(
        OriginalLinkRule.onExpiry(records, reportUnsettled, detectedAt),
        out,
        b -> ctx.output(ReconOutputs.BREAKS, policy.dating().apply(b, psp).toAvro()));
    held.clear();
    span.clear();
    deadline.cancel(ctx.timerService());
  }
}
