package dev.recon.matching.job;

import dev.recon.matching.link.OriginalLinkRule;
import dev.recon.matching.model.Break;
import dev.recon.matching.model.BreakResolution;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.OpenItemLimit;
import dev.recon.matching.model.PspTransaction;
import dev.recon.matching.model.Resolution;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.ReconException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Capture-link operator, keyed by {@link dev.recon.matching.link.LinkKey} (tenant + PSP + the
 * original capture's reference): holds captures, refunds, chargebacks and reversals until the key's
 * window ends, then lets {@link OriginalLinkRule} decide them all at once. Its matches link records
 * and book nothing, so the job keeps them away from the journal.
 *
 * <p>In streaming runs ({@link KeyPolicy#keepsBroken()}) what no link took after a decision with
 * breaks is kept for the late retention: a late record (the capture a chargeback was missing)
 * decides the key again when its window ends; a link then resolves the breaks of its members
 * ({@link ReconOutputs#RESOLUTIONS}), and a break raised before is not raised twice.
 */
public final class OriginalLinkFunction extends KeyedProcessFunction<String, PaymentEvent, Match> {

  private static final long serialVersionUID = 1L;

  private final Duration window;
  private final KeyPolicy policy;
  private final boolean reportUnsettled;

  private transient ListState<PaymentEvent> held;
  private transient KeySpan span;
  private transient KeyTimer deadline;

  /** The key's breaks still open while it is kept for late records after its decision. */
  private transient ListState<ReconException> raised;

  /** Until when (event time) a decided key with open breaks is kept; null when it is not. */
  private transient ValueState<Long> keptUntil;

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
    raised =
        getRuntimeContext().getListState(policy.keptState("raised", AvroTypes.RECON_EXCEPTION));
    keptUntil = getRuntimeContext().getState(new ValueStateDescriptor<>("kept-until", Types.LONG));
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
    Long kept = keptUntil.value();
    if (kept != null && !span.hasRecords()) {
      // Kept after its decision and nothing came since: its retention has ended.
      forget(ctx);
      return;
    }
    Instant detectedAt = Instant.ofEpochMilli(due == null ? timestamp : Math.min(timestamp, due));
    Map<String, PaymentEvent> byId = new LinkedHashMap<>();
    List<PspTransaction> records = new ArrayList<>();
    for (PaymentEvent event : held.get()) {
      records.add(PspTransaction.from(event));
      byId.put(event.getEventId(), event);
    }
    // A key is one PSP's reference: any record names the PSP whose calendar applies.
    String psp = records.isEmpty() ? null : records.get(0).psp();
    Resolution decision = OriginalLinkRule.onExpiry(records, reportUnsettled, detectedAt);
    List<ReconException> stillOpen = new ArrayList<>();
    raised.get().forEach(stillOpen::add);
    Set<String> linked = new HashSet<>();
    for (MatchedSet match : decision.matches()) {
      Match avro = match.toAvro();
      out.collect(avro);
      match.members().forEach(m -> linked.add(m.recordId()));
      for (Iterator<ReconException> it = stillOpen.iterator(); it.hasNext(); ) {
        ReconException e = it.next();
        if (isMember(match, e)) {
          ctx.output(
              ReconOutputs.RESOLUTIONS,
              BreakResolution.lateMatch(
                      avro,
                      e.getExceptionId(),
                      e.getRecordKind(),
                      e.getRecordId(),
                      e.getDetectedAt())
                  .toAvro());
          it.remove();
        }
      }
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
    List<PaymentEvent> unlinked = new ArrayList<>();
    byId.forEach(
        (id, event) -> {
          if (!linked.contains(id)) {
            unlinked.add(event);
          }
        });
    if (!policy.keepsBroken() || stillOpen.isEmpty() || unlinked.isEmpty() || until <= timestamp) {
      forget(ctx);
      return;
    }
    // What no link took is kept with its open breaks: a late record decides it again.
    held.update(unlinked);
    raised.update(stillOpen);
    keptUntil.update(until);
    span.clear();
    deadline.moveTo(ctx.timerService(), until);
  }

  private static boolean isMember(MatchedSet match, ReconException e) {
    return match.members().stream()
        .anyMatch(m -> m.recordKind() == e.getRecordKind() && m.recordId().equals(e.getRecordId()));
  }

  private void forget(Context ctx) throws Exception {
    held.clear();
    raised.clear();
    keptUntil.clear();
    span.clear();
    deadline.cancel(ctx.timerService());
  }
}
