package dev.recon.matching.job;

import dev.recon.matching.decision.DecisionFile;
import dev.recon.matching.decision.DecisionMatches;
import dev.recon.matching.decision.DecisionRefusals;
import dev.recon.matching.decision.DecisionResolutions;
import dev.recon.matching.decision.DecisionStatus;
import dev.recon.matching.decision.DecisionTransition;
import dev.recon.matching.decision.FourEyesRule;
import dev.recon.matching.decision.StepVerdict;
import dev.recon.schemas.ManualDecision;
import dev.recon.schemas.Match;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Manual decisions, keyed by tenant + decision id ({@link InputKeys#decision}): loads the
 * decision's {@link DecisionFile}, lets {@link FourEyesRule} fold the step in, stores what it
 * returns, and keeps one event-time timer at the file's next deadline. Emits the match an approved
 * decision books, every step's final outcome on {@link ReconOutputs#DECISION_AUDIT}, and each
 * refused step as a DECISION_REFUSED break on {@link ReconOutputs#BREAKS}, and the break an
 * approved match or write-off names on {@link ReconOutputs#RESOLUTIONS}. A key whose file is empty
 * holds no state and no timer.
 */
public final class ManualDecisionFunction
    extends KeyedProcessFunction<String, ManualDecision, Match> {

  private static final long serialVersionUID = 1L;

  private transient ValueState<String> status;
  private transient ValueState<ManualDecision> proposal;
  private transient ValueState<Long> closedAt;
  private transient ListState<String> stepIds;
  private transient ListState<ManualDecision> held;
  private transient KeyTimer deadline;

  @Override
  public void open(OpenContext openContext) {
    status = getRuntimeContext().getState(new ValueStateDescriptor<>("status", Types.STRING));
    proposal =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("proposal", AvroTypes.MANUAL_DECISION));
    closedAt = getRuntimeContext().getState(new ValueStateDescriptor<>("closed-at", Types.LONG));
    stepIds = getRuntimeContext().getListState(new ListStateDescriptor<>("step-ids", Types.STRING));
    held =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("held", AvroTypes.MANUAL_DECISION));
    deadline =
        new KeyTimer(
            getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Types.LONG)));
  }

  @Override
  public void processElement(ManualDecision step, Context ctx, Collector<Match> out)
      throws Exception {
    DecisionTransition t = FourEyesRule.apply(load(), step);
    emit(t, step.getDecidedAt(), ctx, out);
    store(t.next(), ctx);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Match> out) throws Exception {
    if (!deadline.fired(timestamp)) {
      return;
    }
    Instant now = Instant.ofEpochMilli(timestamp);
    DecisionTransition t = FourEyesRule.expire(load(), now);
    emit(t, now, ctx, out);
    store(t.next(), ctx);
  }

  private void emit(DecisionTransition t, Instant at, Context ctx, Collector<Match> out) {
    t.approved()
        .ifPresent(
            a -> {
              Match booked = DecisionMatches.toMatch(a);
              out.collect(booked);
              DecisionResolutions.of(a, booked)
                  .ifPresent(r -> ctx.output(ReconOutputs.RESOLUTIONS, r.toAvro()));
            });
    for (StepVerdict v : t.verdicts()) {
      if (!v.outcome().isFinal()) {
        continue;
      }
      ctx.output(ReconOutputs.DECISION_AUDIT, DecisionAudit.of(v));
      if (v.outcome().isRefusal()) {
        ctx.output(ReconOutputs.BREAKS, DecisionRefusals.toBreak(v, at).toAvro());
      }
    }
  }

  private DecisionFile load() throws Exception {
    String s = status.value();
    if (s == null) {
      return DecisionFile.EMPTY;
    }
    Long closed = closedAt.value();
    return new DecisionFile(
        DecisionStatus.valueOf(s),
        proposal.value(),
        closed == null ? null : Instant.ofEpochMilli(closed),
        list(stepIds.get()),
        list(held.get()));
  }

  private void store(DecisionFile file, Context ctx) throws Exception {
    if (file.isEmpty()) {
      status.clear();
      proposal.clear();
      closedAt.clear();
      stepIds.clear();
      held.clear();
      deadline.cancel(ctx.timerService());
      return;
    }
    status.update(file.status().name());
    if (file.proposal() == null) {
      proposal.clear();
    } else {
      proposal.update(file.proposal());
    }
    if (file.closedAt() == null) {
      closedAt.clear();
    } else {
      closedAt.update(file.closedAt().toEpochMilli());
    }
    stepIds.update(file.stepIds());
    held.update(file.held());
    Optional<Instant> next = FourEyesRule.nextDeadline(file);
    if (next.isPresent()) {
      deadline.moveTo(ctx.timerService(), next.get().toEpochMilli());
    } else {
      deadline.cancel(ctx.timerService());
    }
  }

  private static <T> List<T> list(Iterable<T> items) {
    List<T> copy = new ArrayList<>();
    if (items != null) {
      items.forEach(copy::add);
    }
    return copy;
  }
}
