package dev.recon.matching.job;

import dev.recon.matching.exact.ExactMatchRule;
import dev.recon.matching.model.Expectation;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.PspTransaction;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.model.Resolution;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.Match;
import dev.recon.schemas.PaymentEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * L1 operator, keyed by tenant + merchant reference: holds expected payments and captures until
 * {@link ExactMatchRule} decides them, then forgets the key.
 */
public final class ExactMatchFunction
    extends KeyedCoProcessFunction<String, ExpectedPayment, PaymentEvent, Match> {

  private static final long serialVersionUID = 1L;

  private final Duration window;

  private transient ListState<ExpectedPayment> expected;
  private transient ListState<PaymentEvent> captures;
  private transient KeyTimer deadline;

  public ExactMatchFunction(Duration window) {
    this.window = Objects.requireNonNull(window, "window");
  }

  @Override
  public void open(OpenContext openContext) {
    expected =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("expected", AvroTypes.EXPECTED_PAYMENT));
    captures =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("captures", AvroTypes.PAYMENT_EVENT));
    deadline =
        new KeyTimer(
            getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Types.LONG)));
  }

  @Override
  public void processElement1(ExpectedPayment payment, Context ctx, Collector<Match> out)
      throws Exception {
    expected.add(payment);
    afterArrival(payment.getExpectedAt(), ctx, out);
  }

  @Override
  public void processElement2(PaymentEvent capture, Context ctx, Collector<Match> out)
      throws Exception {
    captures.add(capture);
    afterArrival(capture.getEventTime(), ctx, out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Match> out) throws Exception {
    Long due = deadline.registered();
    Instant detectedAt = Instant.ofEpochMilli(due == null ? timestamp : Math.min(timestamp, due));
    Resolution resolution = ExactMatchRule.onExpiry(loadExpected(), loadCaptures(), detectedAt);
    ReconOutputs.emit(resolution, out, b -> ctx.output(ReconOutputs.BREAKS, b));
    forget(ctx);
  }

  private void afterArrival(Instant recordTime, Context ctx, Collector<Match> out)
      throws Exception {
    List<Expectation> heldExpected = loadExpected();
    List<PspTransaction> heldCaptures = loadCaptures();
    Optional<MatchedSet> match = ExactMatchRule.onArrival(heldExpected, heldCaptures);
    if (match.isPresent()) {
      out.collect(match.get().toAvro());
      forget(ctx);
    } else if (ExactMatchRule.overflows(heldExpected.size() + heldCaptures.size())) {
      Instant latest = ReconRecord.latest(heldExpected, heldCaptures);
      ReconOutputs.emit(
          ExactMatchRule.onExpiry(heldExpected, heldCaptures, latest),
          out,
          b -> ctx.output(ReconOutputs.BREAKS, b));
      forget(ctx);
    } else {
      deadline.extendTo(ctx.timerService(), recordTime.plus(window).toEpochMilli());
    }
  }

  private void forget(Context ctx) throws Exception {
    expected.clear();
    captures.clear();
    deadline.cancel(ctx.timerService());
  }

  private List<Expectation> loadExpected() throws Exception {
    List<Expectation> loaded = new ArrayList<>();
    for (ExpectedPayment payment : expected.get()) {
      loaded.add(Expectation.from(payment));
    }
    return loaded;
  }

  private List<PspTransaction> loadCaptures() throws Exception {
    List<PspTransaction> loaded = new ArrayList<>();
    for (PaymentEvent capture : captures.get()) {
      loaded.add(PspTransaction.from(capture));
    }
    return loaded;
  }
}
