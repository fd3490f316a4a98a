package dev.recon.matching.job;

import dev.recon.matching.exact.ExactMatchRule;
import dev.recon.matching.model.Break;
import dev.recon.matching.model.Expectation;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.OpenItemLimit;
import dev.recon.matching.model.PspTransaction;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.tolerant.ToleranceRuleSet;
import dev.recon.matching.tolerant.TolerantMatch;
import dev.recon.matching.tolerant.TolerantMatchRule;
import dev.recon.matching.tolerant.TolerantOutcome;
import dev.recon.schemas.Match;
import dev.recon.schemas.ReconException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * L2 operator, keyed by {@link TolerantKeySelector} (tenant + PSP + currency, and the normalised
 * reference when the rules allow): holds L1's leftovers, each for {@code window} after L1 let it
 * go. When the earliest of them is due (event-time timer), {@link TolerantMatchRule} decides over
 * every leftover L1 had let go by then, so the outcome depends on event time only; what is due and
 * still unmatched breaks with the reason L1 would have given.
 *
 * <p>In streaming runs ({@link KeyPolicy#keepsBroken()}) a leftover that broke is kept for the late
 * retention: a leftover arriving later is decided with it as a candidate (an exact pair of one
 * reference, as L1 pairs them, or by the tolerance rules), and a match resolves its break ({@link
 * ReconOutputs#RESOLUTIONS}) instead of raising one for the latecomer.
 */
public final class TolerantMatchFunction extends KeyedProcessFunction<String, L1Leftover, Match> {

  private static final long serialVersionUID = 1L;

  /**
   * Leftovers of one tenant, PSP and currency beyond the open-item limit are decided at once rather
   * than hold state (and a quadratic 1:1 search) without bound: they already carry the reason L1
   * would give them, which tells finance more than STATE_LIMIT would.
   */
  public static final int MAX_LEFTOVERS_PER_KEY = OpenItemLimit.DEFAULT_MAX_OPEN_PER_KEY;

  private final Duration window;
  private final ToleranceRuleSet rules;
  private final KeyPolicy policy;

  private transient ListState<L1Leftover> held;

  /** Leftovers that broke, kept for {@link KeyPolicy#lateRetention()} for a late counterpart. */
  private transient ListState<L1Leftover> broken;

  private transient KeyTimer deadline;

  public TolerantMatchFunction(Duration window, ToleranceRuleSet rules) {
    this(window, rules, KeyPolicy.defaults());
  }

  TolerantMatchFunction(Duration window, ToleranceRuleSet rules, KeyPolicy policy) {
    this.window = Objects.requireNonNull(window, "window");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public void open(OpenContext openContext) {
    held =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("leftovers", AvroTypes.L1_LEFTOVER));
    broken = getRuntimeContext().getListState(policy.keptState("broken", AvroTypes.L1_LEFTOVER));
    deadline =
        new KeyTimer(
            getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Types.LONG)));
  }

  @Override
  public void processElement(L1Leftover leftover, Context ctx, Collector<Match> out)
      throws Exception {
    leftover.exceptionId = null;
    held.add(leftover);
    List<L1Leftover> all = load();
    if (all.size() > policy.maxOpenPerKey()) {
      long latest = all.stream().mapToLong(l -> l.leftAtMillis).max().orElseThrow();
      decide(all, latest, true, ctx, out);
    } else {
      deadline.bringForwardTo(ctx.timerService(), dueAt(leftover));
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Match> out) throws Exception {
    decide(load(), timestamp, false, ctx, out);
  }

  /**
   * Matches among what L1 had let go by {@code at}, with the records kept after they broke as
   * candidates too (exact pairs of one reference first, as L1 would pair them, then the tolerance
   * rules); breaks what is due (or everything, when {@code all}) and unmatched, and keeps it for a
   * late counterpart; keeps the rest and sets the timer to the next one due.
   */
  private void decide(
      List<L1Leftover> leftovers, long at, boolean all, Context ctx, Collector<Match> out)
      throws Exception {
    List<L1Leftover> kept = new ArrayList<>();
    List<L1Leftover> stillBroken = loadBroken(at);
    IdentityHashMap<ReconRecord, L1Leftover> sources = new IdentityHashMap<>();
    Map<String, List<L1Leftover>> byReference = new LinkedHashMap<>();
    for (L1Leftover l : leftovers) {
      if (l.leftAtMillis > at) {
        kept.add(l);
      } else {
        byReference.computeIfAbsent(l.exactKey, k -> new ArrayList<>()).add(l);
      }
    }
    if (!byReference.isEmpty()) {
      for (L1Leftover b : stillBroken) {
        byReference.computeIfAbsent(b.exactKey, k -> new ArrayList<>()).add(b);
      }
      List<Match> matches = new ArrayList<>();
      List<Expectation> expected = new ArrayList<>();
      List<PspTransaction> captures = new ArrayList<>();
      for (List<L1Leftover> reference : byReference.values()) {
        List<Expectation> refExpected = new ArrayList<>();
        List<PspTransaction> refCaptures = new ArrayList<>();
        for (L1Leftover l : reference) {
          if (l.expected != null) {
            Expectation e = Expectation.from(l.expected);
            sources.put(e, l);
            refExpected.add(e);
          } else {
            PspTransaction c = PspTransaction.from(l.capture);
            sources.put(c, l);
            refCaptures.add(c);
          }
        }
        for (MatchedSet pair : ExactMatchRule.exactPairs(refExpected, refCaptures)) {
          matches.add(pair.toAvro());
          refExpected.removeAll(pair.members());
          refCaptures.removeAll(pair.members());
          KeptRecords.resolveKept(
              pair.members(),
              matches.get(matches.size() - 1),
              sources,
              stillBroken,
              l -> l.exceptionId,
              l -> l.brokeAtMillis,
              r -> ctx.output(ReconOutputs.RESOLUTIONS, r));
        }
        expected.addAll(refExpected);
        captures.addAll(refCaptures);
      }
      L1Leftover any = leftovers.get(0);
      TolerantOutcome outcome =
          TolerantMatchRule.decide(expected, captures, rules.rulesFor(any.tenantId(), any.psp()));
      for (TolerantMatch match : outcome.matches()) {
        Match avro = match.toAvro();
        matches.add(avro);
        KeptRecords.resolveKept(
            match.members(),
            avro,
            sources,
            stillBroken,
            l -> l.exceptionId,
            l -> l.brokeAtMillis,
            r -> ctx.output(ReconOutputs.RESOLUTIONS, r));
      }
      matches.forEach(out::collect);
      Map<String, Group> due = new LinkedHashMap<>();
      for (Expectation e : outcome.unmatchedExpected()) {
        L1Leftover l = sources.get(e);
        if (l.exceptionId != null) {
          continue;
        }
        if (all || dueAt(l) <= at) {
          due.computeIfAbsent(groupOf(l), g -> new Group(l)).add(e, l);
        } else {
          kept.add(l);
        }
      }
      for (PspTransaction c : outcome.unmatchedCaptures()) {
        L1Leftover l = sources.get(c);
        if (l.exceptionId != null) {
          continue;
        }
        if (all || dueAt(l) <= at) {
          due.computeIfAbsent(groupOf(l), g -> new Group(l)).add(c, l);
        } else {
          kept.add(l);
        }
      }
      Instant detectedAt = Instant.ofEpochMilli(at);
      for (Group group : due.values()) {
        for (Break b :
            ExactMatchRule.breaksFor(
                group.expected,
                group.captures,
                group.referenceExpected,
                group.pairedCaptureIds,
                detectedAt)) {
          ReconException raised = policy.dating().apply(b, null).toAvro();
          ctx.output(ReconOutputs.BREAKS, raised);
          if (policy.keepsBroken()) {
            L1Leftover broke = group.source(b);
            broke.exceptionId = raised.getExceptionId();
            broke.brokeAtMillis = raised.getDetectedAt().toEpochMilli();
            stillBroken.add(broke);
          }
        }
      }
    }
    remember(kept, stillBroken, ctx);
  }

  private void remember(List<L1Leftover> kept, List<L1Leftover> stillBroken, Context ctx)
      throws Exception {
    List<L1Leftover> keptBroken =
        KeptRecords.capped(stillBroken, policy.maxOpenPerKey(), l -> l.brokeAtMillis);
    if (kept.isEmpty()) {
      held.clear();
    } else {
      held.update(kept);
    }
    if (keptBroken.isEmpty()) {
      broken.clear();
    } else {
      broken.update(keptBroken);
    }
    long next = Long.MAX_VALUE;
    for (L1Leftover l : kept) {
      next = Math.min(next, dueAt(l));
    }
    for (L1Leftover l : keptBroken) {
      next = Math.min(next, policy.keptUntil(l.brokeAtMillis));
    }
    if (next == Long.MAX_VALUE) {
      deadline.cancel(ctx.timerService());
    } else {
      deadline.moveTo(ctx.timerService(), next);
    }
  }

  /** The records kept after they broke whose retention has not ended by {@code at}. */
  private List<L1Leftover> loadBroken(long at) throws Exception {
    List<L1Leftover> loaded = new ArrayList<>();
    for (L1Leftover l : broken.get()) {
      if (policy.keptUntil(l.brokeAtMillis) > at) {
        loaded.add(l);
      }
    }
    return loaded;
  }

  private long dueAt(L1Leftover l) {
    return Math.addExact(l.leftAtMillis, window.toMillis());
  }

  private List<L1Leftover> load() throws Exception {
    List<L1Leftover> loaded = new ArrayList<>();
    held.get().forEach(loaded::add);
    return loaded;
  }

  /** One L1 reference as it expired: its records break together, as L1 would have broken them. */
  private static String groupOf(L1Leftover l) {
    return l.exactKey + '\u001f' + l.leftAtMillis;
  }

  private static final class Group {
    final boolean referenceExpected;
    final List<String> pairedCaptureIds;
    final List<Expectation> expected = new ArrayList<>();
    final List<PspTransaction> captures = new ArrayList<>();
    final Map<String, L1Leftover> byRecord = new LinkedHashMap<>();

    Group(L1Leftover first) {
      this.referenceExpected = first.referenceExpected;
      this.pairedCaptureIds = first.pairedCaptures();
    }

    void add(Expectation e, L1Leftover l) {
      expected.add(e);
      byRecord.put(e.recordKind() + ":" + e.recordId(), l);
    }

    void add(PspTransaction c, L1Leftover l) {
      captures.add(c);
      byRecord.put(c.recordKind() + ":" + c.recordId(), l);
    }

    L1Leftover source(Break b) {
      return Objects.requireNonNull(byRecord.get(b.recordKind() + ":" + b.recordId()), "not due");
    }
  }
}
