package dev.recon.matching.job;

import dev.recon.matching.exact.ExactMatchRule;
import dev.recon.matching.model.Expectation;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.OpenItemLimit;
import dev.recon.matching.model.PspTransaction;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.model.Resolution;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.PaymentEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 *
 * <p>When it decides early (streaming), it does so once the watermark has passed the key's latest
 * record, so records within the allowed out-of-orderness are all in and the pair is the one the
 * expiry decision would make; the paired capture stays until the key's window ends, so a second
 * charge of the same payment arriving later is still a DUPLICATE that names it.
 */
public final class ExactMatchFunction
    extends KeyedCoProcessFunction<String, ExpectedPayment, PaymentEvent, Match> {

  private static final long serialVersionUID = 1L;

  private final Duration window;
  private final KeyPolicy policy;

  private transient ListState<ExpectedPayment> expected;
  private transient ListState<PaymentEvent> captures;
  private transient ListState<String> paired;
  private transient KeySpan span;
  private transient KeyTimer deadline;
  private transient KeyTimer arrivalCheck;

  public ExactMatchFunction(Duration window) {
    this(window, KeyPolicy.defaults());
  }

  ExactMatchFunction(Duration window, KeyPolicy policy) {
    this.window = Objects.requireNonNull(window, "window");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public void open(OpenContext openContext) {
    expected =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("expected", AvroTypes.EXPECTED_PAYMENT));
    captures =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("captures", AvroTypes.PAYMENT_EVENT));
    paired = getRuntimeContext().getListState(new ListStateDescriptor<>("paired", Types.STRING));
    span = KeySpan.open(getRuntimeContext());
    deadline =
        new KeyTimer(
            getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Types.LONG)));
    arrivalCheck =
        new KeyTimer(
            getRuntimeContext().getState(new ValueStateDescriptor<>("arrival-check", Types.LONG)));
  }

  @Override
  public void processElement1(ExpectedPayment payment, Context ctx, Collector<Match> out)
      throws Exception {
    if (refusedAtLimit(Expectation.from(payment), ctx)) {
      return;
    }
    expected.add(payment);
    afterArrival(payment.getExpectedAt(), ctx);
  }

  @Override
  public void processElement2(PaymentEvent capture, Context ctx, Collector<Match> out)
      throws Exception {
    if (refusedAtLimit(PspTransaction.from(capture), ctx)) {
      return;
    }
    captures.add(capture);
    afterArrival(capture.getEventTime(), ctx);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Match> out) throws Exception {
    if (arrivalCheck.fired(timestamp)) {
      decideEarly(out);
    }
    Long due = deadline.registered();
    if (due != null && timestamp < due) {
      return;
    }
    Instant detectedAt = Instant.ofEpochMilli(due == null ? timestamp : Math.min(timestamp, due));
    expire(new Held(expected.get(), captures.get()), pairedIds(), detectedAt, ctx, out);
    forget(ctx);
  }

  /**
   * Runs when the watermark has passed every record held (streaming only): no record within the
   * allowed out-of-orderness can still change the pair, so it is the pair the expiry decision would
   * make, whatever the order in which the records came.
   */
  private void decideEarly(Collector<Match> out) throws Exception {
    Held held = new Held(expected.get(), captures.get());
    Optional<MatchedSet> match = ExactMatchRule.onArrival(held.expected(), held.captures());
    if (match.isPresent()) {
      out.collect(match.get().toAvro());
      paired.addAll(ExactMatchRule.pairedCaptureIds(List.of(match.get())));
      expected.clear();
      captures.clear();
    }
  }

  private boolean refusedAtLimit(ReconRecord record, Context ctx) throws Exception {
    long held = count(expected.get()) + count(captures.get());
    if (!OpenItemLimit.isFull(held, policy.maxOpenPerKey())) {
      return false;
    }
    ctx.output(
        ReconOutputs.BREAKS,
        policy
            .dating()
            .apply(
                OpenItemLimit.refused(
                    record, MatchLevel.L1, policy.maxOpenPerKey(), record.eventTime()),
                null)
            .toAvro());
    return true;
  }

  private void afterArrival(Instant recordTime, Context ctx) throws Exception {
    span.include(recordTime.toEpochMilli());
    if (policy.decideOnArrival()) {
      arrivalCheck.extendTo(ctx.timerService(), recordTime.toEpochMilli());
    }
    deadline.moveTo(ctx.timerService(), span.deadline(window));
  }

  /** Exact pairs and currency mismatches are decided here; everything else goes on to L2. */
  private void expire(
      Held held, List<String> pairedBefore, Instant detectedAt, Context ctx, Collector<Match> out) {
    ExactMatchRule.Expiry expiry =
        ExactMatchRule.expire(held.expected(), held.captures(), detectedAt);
    ReconOutputs.emit(
        new Resolution(expiry.matches(), expiry.breaks()),
        out,
        b -> ctx.output(ReconOutputs.BREAKS, policy.dating().apply(b, null).toAvro()));
    String key = ctx.getCurrentKey();
    long leftAt = detectedAt.toEpochMilli();
    List<String> pairedIds = new ArrayList<>(pairedBefore);
    pairedIds.addAll(expiry.pairedCaptureIds());
    boolean referenceExpected = expiry.referenceExpected() || !pairedBefore.isEmpty();
    for (Expectation e : expiry.leftExpected()) {
      ctx.output(
          ReconOutputs.L1_LEFTOVERS,
          L1Leftover.of(held.avro(e), key, referenceExpected, leftAt)
              .withPairedCaptures(pairedIds));
    }
    for (PspTransaction c : expiry.leftCaptures()) {
      ctx.output(
          ReconOutputs.L1_LEFTOVERS,
          L1Leftover.of(held.avro(c), key, referenceExpected, leftAt)
              .withPairedCaptures(pairedIds));
    }
  }

  private List<String> pairedIds() throws Exception {
    List<String> ids = new ArrayList<>();
    paired.get().forEach(ids::add);
    return ids;
  }

  private void forget(Context ctx) throws Exception {
    expected.clear();
    captures.clear();
    paired.clear();
    span.clear();
    arrivalCheck.cancel(ctx.timerService());
    deadline.cancel(ctx.timerService());
  }

  private static long count(Iterable<?> items) {
    long n = 0;
    for (Object ignored : items) {
      n++;
    }
    return n;
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
