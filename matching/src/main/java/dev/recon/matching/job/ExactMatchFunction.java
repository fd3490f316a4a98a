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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
 * {@link ExactMatchRule} decides them, then forgets the key. What is not an exact pair (nor a
 * currency mismatch) goes to L2 on {@link ReconOutputs#L1_LEFTOVERS} instead of breaking here.
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
    expire(new Held(expected.get(), captures.get()), detectedAt, ctx, out);
    forget(ctx);
  }

  private void afterArrival(Instant recordTime, Context ctx, Collector<Match> out)
      throws Exception {
    Held held = new Held(expected.get(), captures.get());
    List<Expectation> heldExpected = held.expected();
    List<PspTransaction> heldCaptures = held.captures();
    Optional<MatchedSet> match = ExactMatchRule.onArrival(heldExpected, heldCaptures);
    if (match.isPresent()) {
      out.collect(match.get().toAvro());
      forget(ctx);
    } else if (ExactMatchRule.overflows(heldExpected.size() + heldCaptures.size())) {
      expire(held, ReconRecord.latest(heldExpected, heldCaptures), ctx, out);
      forget(ctx);
    } else {
      deadline.extendTo(ctx.timerService(), recordTime.plus(window).toEpochMilli());
    }
  }

  /** Exact pairs and currency mismatches are decided here; everything else goes on to L2. */
  private static void expire(Held held, Instant detectedAt, Context ctx, Collector<Match> out) {
    ExactMatchRule.Expiry expiry =
        ExactMatchRule.expire(held.expected(), held.captures(), detectedAt);
    ReconOutputs.emit(
        new Resolution(expiry.matches(), expiry.breaks()),
        out,
        b -> ctx.output(ReconOutputs.BREAKS, b));
    String key = ctx.getCurrentKey();
    long leftAt = detectedAt.toEpochMilli();
    for (Expectation e : expiry.leftExpected()) {
      ctx.output(
          ReconOutputs.L1_LEFTOVERS,
          L1Leftover.of(held.avro(e), key, expiry.referenceExpected(), leftAt));
    }
    for (PspTransaction c : expiry.leftCaptures()) {
      ctx.output(
          ReconOutputs.L1_LEFTOVERS,
          L1Leftover.of(held.avro(c), key, expiry.referenceExpected(), leftAt));
    }
  }

  private void forget(Context ctx) throws Exception {
    expected.clear();
    captures.clear();
    deadline.cancel(ctx.timerService());
  }

  /** The key's records as the rules see them, each remembering the Avro record it came from. */
  private static final class Held {

    private final Map<Expectation, ExpectedPayment> expectedSources = new IdentityHashMap<>();
    private final Map<PspTransaction, PaymentEvent> captureSources = new IdentityHashMap<>();

    Held(Iterable<ExpectedPayment> expected, Iterable<PaymentEvent> captures) {
      for (ExpectedPayment payment : expected) {
        expectedSources.put(Expectation.from(payment), payment);
      }
      for (PaymentEvent capture : captures) {
        captureSources.put(PspTransaction.from(capture), capture);
      }
    }

    List<Expectation> expected() {
      return List.copyOf(expectedSources.keySet());
    }

    List<PspTransaction> captures() {
      return List.copyOf(captureSources.keySet());
    }

    ExpectedPayment avro(Expectation e) {
      return Objects.requireNonNull(expectedSources.get(e), "not held");
    }

    PaymentEvent avro(PspTransaction c) {
      return Objects.requireNonNull(captureSources.get(c), "not held");
    }
  }
}
