package dev.recon.matching.job;

import dev.recon.matching.exact.ExactMatchRule;
import dev.recon.matching.model.Break;
import dev.recon.matching.model.Expectation;
import dev.recon.matching.model.OpenItemLimit;
import dev.recon.matching.model.PspTransaction;
import dev.recon.matching.tolerant.ToleranceRuleSet;
import dev.recon.matching.tolerant.TolerantMatch;
import dev.recon.matching.tolerant.TolerantMatchRule;
import dev.recon.matching.tolerant.TolerantOutcome;
import dev.recon.schemas.Match;
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
    deadline =
        new KeyTimer(
            getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Types.LONG)));
  }

  @Override
  public void processElement(L1Leftover leftover, Context ctx, Collector<Match> out)
      throws Exception {
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
   * Matches among what L1 had let go by {@code at}; breaks what is due (or everything, when {@code
   * all}) and unmatched; keeps the rest and sets the timer to the next one due.
   */
  private void decide(
      List<L1Leftover> leftovers, long at, boolean all, Context ctx, Collector<Match> out)
      throws Exception {
    Map<Expectation, L1Leftover> expected = new IdentityHashMap<>();
    Map<PspTransaction, L1Leftover> captures = new IdentityHashMap<>();
    List<L1Leftover> kept = new ArrayList<>();
    for (L1Leftover l : leftovers) {
      if (l.leftAtMillis > at) {
        kept.add(l);
      } else if (l.expected != null) {
        expected.put(Expectation.from(l.expected), l);
      } else {
        captures.put(PspTransaction.from(l.capture), l);
      }
    }
    if (!expected.isEmpty() || !captures.isEmpty()) {
      L1Leftover any = leftovers.get(0);
      TolerantOutcome outcome =
          TolerantMatchRule.decide(
              List.copyOf(expected.keySet()),
              List.copyOf(captures.keySet()),
              rules.rulesFor(any.tenantId(), any.psp()));
      for (TolerantMatch match : outcome.matches()) {
        out.collect(match.toAvro());
      }
      Map<String, Group> due = new LinkedHashMap<>();
      for (Expectation e : outcome.unmatchedExpected()) {
        L1Leftover l = expected.get(e);
        if (all || dueAt(l) <= at) {
          due.computeIfAbsent(groupOf(l), g -> new Group(l)).expected.add(e);
        } else {
          kept.add(l);
        }
      }
      for (PspTransaction c : outcome.unmatchedCaptures()) {
        L1Leftover l = captures.get(c);
        if (all || dueAt(l) <= at) {
          due.computeIfAbsent(groupOf(l), g -> new Group(l)).captures.add(c);
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
          ctx.output(ReconOutputs.BREAKS, policy.dating().apply(b, null).toAvro());
        }
      }
    }
    remember(kept, ctx);
  }

  private void remember(List<L1Leftover> kept, Context ctx) throws Exception {
    if (kept.isEmpty()) {
      held.clear();
      deadline.cancel(ctx.timerService());
      return;
    }
    held.update(kept);
    long next = kept.stream().mapToLong(this::dueAt).min().orElseThrow();
    deadline.moveTo(ctx.timerService(), next);
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

    Group(L1Leftover first) {
      this.referenceExpected = first.referenceExpected;
      this.pairedCaptureIds = first.pairedCaptures();
    }
  }
}
