package dev.recon.matching.job;

import dev.recon.matching.redelivery.DeliveryFingerprint;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.ManualDecision;
import dev.recon.schemas.Match;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.ReconException;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The matching job: each source first drops records delivered again ({@link DropRedeliveries});
 * then L1 (expected payment - capture) followed by L2 (tolerant rules over what L1 left), the
 * capture links (refunds, chargebacks and reversals to their capture), L3 (settlement batch -
 * payout) and L4 (payout - bank line) side by side over the same inputs, so a break at one level
 * never hides another. Matches go to the match sink and, except links, booked by the poster, to the
 * journal sink; breaks go to the exception sink. In streaming runs a record that broke is kept for
 * {@link MatchingSettings#lateRetention()}: a counterpart arriving later still matches it, and the
 * break's {@link dev.recon.schemas.ExceptionResolution} goes to the resolution sink, as does the
 * resolution of a break an approved decision names.
 *
 * <p>Optionally, manual decisions ({@link ManualDecisionFunction}, four eyes): what an approved
 * decision books goes the way of every other match (match sink and poster), its refused steps go to
 * the exception sink as DECISION_REFUSED.
 */
public final class MatchingJob {

  private final Source<ExpectedPayment, ?, ?> expectedPayments;
  private final Source<PaymentEvent, ?, ?> paymentEvents;
  private final Source<BankLine, ?, ?> bankLines;

  /** Null when the job runs without manual decisions. */
  private final Source<ManualDecision, ?, ?> manualDecisions;

  private final Sink<Match> matchSink;
  private final Sink<ReconException> exceptionSink;
  private final Sink<ExceptionResolution> resolutionSink;
  private final Sink<JournalEntry> journalSink;
  private final JournalPoster poster;
  private final MatchingSettings settings;
  private Sink<JournalEntry> journalTopicSink;

  /** The job without manual decisions. */
  public MatchingJob(
      Source<ExpectedPayment, ?, ?> expectedPayments,
      Source<PaymentEvent, ?, ?> paymentEvents,
      Source<BankLine, ?, ?> bankLines,
      Sink<Match> matchSink,
      Sink<ReconException> exceptionSink,
      Sink<ExceptionResolution> resolutionSink,
      Sink<JournalEntry> journalSink,
      JournalPoster poster,
      MatchingSettings settings) {
    this(
        expectedPayments,
        paymentEvents,
        bankLines,
        Optional.empty(),
        matchSink,
        exceptionSink,
        resolutionSink,
        journalSink,
        poster,
        settings);
  }

  /**
   * The job with manual decisions (topic {@code recon.decisions}, keyed by tenant) as a fourth
   * source: approved decisions go to {@code matchSink} and through {@code poster} to {@code
   * journalSink}; refused steps to {@code exceptionSink}; the breaks approved decisions resolve to
   * {@code resolutionSink}.
   */
  public MatchingJob(
      Source<ExpectedPayment, ?, ?> expectedPayments,
      Source<PaymentEvent, ?, ?> paymentEvents,
      Source<BankLine, ?, ?> bankLines,
      Source<ManualDecision, ?, ?> manualDecisions,
      Sink<Match> matchSink,
      Sink<ReconException> exceptionSink,
      Sink<ExceptionResolution> resolutionSink,
      Sink<JournalEntry> journalSink,
      JournalPoster poster,
      MatchingSettings settings) {
    this(
        expectedPayments,
        paymentEvents,
        bankLines,
        Optional.of(Objects.requireNonNull(manualDecisions, "manualDecisions")),
        matchSink,
        exceptionSink,
        resolutionSink,
        journalSink,
        poster,
        settings);
  }

  private MatchingJob(
      Source<ExpectedPayment, ?, ?> expectedPayments,
      Source<PaymentEvent, ?, ?> paymentEvents,
      Source<BankLine, ?, ?> bankLines,
      Optional<Source<ManualDecision, ?, ?>> manualDecisions,
      Sink<Match> matchSink,
      Sink<ReconException> exceptionSink,
      Sink<ExceptionResolution> resolutionSink,
      Sink<JournalEntry> journalSink,
      JournalPoster poster,
      MatchingSettings settings) {
    this.expectedPayments = Objects.requireNonNull(expectedPayments, "expectedPayments");
    this.paymentEvents = Objects.requireNonNull(paymentEvents, "paymentEvents");
    this.bankLines = Objects.requireNonNull(bankLines, "bankLines");
    this.manualDecisions = manualDecisions.orElse(null);
    this.matchSink = Objects.requireNonNull(matchSink, "matchSink");
    this.exceptionSink = Objects.requireNonNull(exceptionSink, "exceptionSink");
    this.resolutionSink = Objects.requireNonNull(resolutionSink, "resolutionSink");
    this.journalSink = Objects.requireNonNull(journalSink, "journalSink");
    this.poster = Objects.requireNonNull(poster, "poster");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Also publishes every journal entry the job books to {@code sink} (for consumers downstream of
   * the ledger, such as a general ledger), beside the ledger sink and from the same checkpoints: a
   * replay after a restart publishes nothing twice to an exactly-once sink.
   */
  public MatchingJob withJournalTopic(Sink<JournalEntry> sink) {
    this.journalTopicSink = Objects.requireNonNull(sink, "sink");
    return this;
  }

  public void addTo(StreamExecutionEnvironment env) {
    KeyPolicy policy = KeyPolicy.of(settings);
    DataStream<ExpectedPayment> expected =
        env.fromSource(
                expectedPayments,
                watermarks(InputKeys::eventTime),
                "expected-payments",
                AvroTypes.EXPECTED_PAYMENT)
            .uid("expected-payments-source")
            .keyBy(DeliveryFingerprint::of, Types.STRING)
            .process(
                new DropRedeliveries<ExpectedPayment>(
                    settings.redeliveryHorizon(), InputKeys::eventTime),
                AvroTypes.EXPECTED_PAYMENT)
            .name("expected-payments-once")
            .uid("expected-payments-once");
    DataStream<PaymentEvent> payments =
        env.fromSource(
                paymentEvents,
                watermarks(InputKeys::eventTime),
                "payment-events",
                AvroTypes.PAYMENT_EVENT)
            .uid("payment-events-source")
            .keyBy(DeliveryFingerprint::of, Types.STRING)
            .process(
                new DropRedeliveries<PaymentEvent>(
                    settings.redeliveryHorizon(), InputKeys::eventTime),
                AvroTypes.PAYMENT_EVENT)
            .name("payment-events-once")
            .uid("payment-events-once");
    DataStream<BankLine> bank =
        env.fromSource(
                bankLines, watermarks(InputKeys::eventTime), "bank-lines", AvroTypes.BANK_LINE)
            .uid("bank-lines-source")
            .keyBy(DeliveryFingerprint::of, Types.STRING)
            .process(
                new DropRedeliveries<BankLine>(settings.redeliveryHorizon(), InputKeys::eventTime),
                AvroTypes.BANK_LINE)
            .name("bank-lines-once")
            .uid("bank-lines-once");

    SingleOutputStreamOperator<Match> exact =
        expected
            .connect(payments.filter(InputKeys::isCapture).name("captures").uid("captures"))
            .keyBy(InputKeys::expectedByReference, InputKeys::captureByReference, Types.STRING)
            .process(new ExactMatchFunction(settings.exactWindow(), policy), AvroTypes.MATCH)
            .name("L1 exact")
            .uid("l1-exact");

    SingleOutputStreamOperator<Match> links =
        payments
            .filter(InputKeys::takesPartInLink)
            .name("captures-refunds-chargebacks")
            .uid("captures-refunds-chargebacks")
            .keyBy(InputKeys::linkByOriginal, Types.STRING)
            .process(
                new OriginalLinkFunction(
                    settings.linkWindow(), policy, settings.reportUnsettledCaptures()),
                AvroTypes.MATCH)
            .name("L1 capture links")
            .uid("l1-capture-links");

    SingleOutputStreamOperator<Match> tolerant =
        exact
            .getSideOutput(ReconOutputs.L1_LEFTOVERS)
            .keyBy(new TolerantKeySelector(settings.toleranceRules()), Types.STRING)
            .process(
                new TolerantMatchFunction(
                    settings.tolerantWindow(), settings.toleranceRules(), policy),
                AvroTypes.MATCH)
            .name("L2 tolerant")
            .uid("l2-tolerant");

    SingleOutputStreamOperator<Match> settlement =
        payments
            .filter(InputKeys::inSettlementBatch)
            .name("settlement-batch-members")
            .uid("settlement-batch-members")
            .keyBy(InputKeys::batchMember, Types.STRING)
            .process(
                new SettlementMatchFunction(settings.settlementWindow(), policy), AvroTypes.MATCH)
            .name("L3 settlement")
            .uid("l3-settlement");

    SingleOutputStreamOperator<Match> cash =
        payments
            .filter(InputKeys::isPayout)
            .name("payouts")
            .uid("payouts")
            .connect(bank)
            .keyBy(InputKeys::payoutByAmount, InputKeys::bankLineByAmount, Types.STRING)
            .process(
                new CashMatchFunction(settings.cashWindow(), policy, true, settings.cashTerms()),
                AvroTypes.MATCH)
            .name("L4 cash")
            .uid("l4-cash");

    SingleOutputStreamOperator<Match> cashLeftovers =
        cash.getSideOutput(ReconOutputs.L4_LEFTOVERS)
            .keyBy(InputKeys::cashLeftover, Types.STRING)
            .process(
                new CashLeftoverFunction(settings.cashWindow(), settings.cashTerms(), policy),
                AvroTypes.MATCH)
            .name("L4 bank fees and aggregated lines")
            .uid("l4-cash-leftovers");

    // Capture links book nothing (refunds and chargebacks are booked with their batch at L3).
    DataStream<Match> booked = exact.union(tolerant, settlement, cash, cashLeftovers);
    DataStream<ReconException> breaks =
        exact
            .getSideOutput(ReconOutputs.BREAKS)
            .union(
                links.getSideOutput(ReconOutputs.BREAKS),
                tolerant.getSideOutput(ReconOutputs.BREAKS),
                settlement.getSideOutput(ReconOutputs.BREAKS),
                cash.getSideOutput(ReconOutputs.BREAKS),
                cashLeftovers.getSideOutput(ReconOutputs.BREAKS));
    DataStream<ExceptionResolution> resolutions =
        exact
            .getSideOutput(ReconOutputs.RESOLUTIONS)
            .union(
                links.getSideOutput(ReconOutputs.RESOLUTIONS),
                tolerant.getSideOutput(ReconOutputs.RESOLUTIONS),
                settlement.getSideOutput(ReconOutputs.RESOLUTIONS),
                cash.getSideOutput(ReconOutputs.RESOLUTIONS),
                cashLeftovers.getSideOutput(ReconOutputs.RESOLUTIONS));
    if (manualDecisions != null) {
      SingleOutputStreamOperator<Match> decided =
          env.fromSource(
                  manualDecisions,
                  watermarks(InputKeys::decidedAt),
                  "manual-decisions",
                  AvroTypes.MANUAL_DECISION)
              .uid("manual-decisions-source")
              .keyBy(InputKeys::decision, Types.STRING)
              .process(new ManualDecisionFunction(), AvroTypes.MATCH)
              .name("manual decisions (four eyes)")
              .uid("manual-decisions");
      booked = booked.union(decided);
      breaks = breaks.union(decided.getSideOutput(ReconOutputs.BREAKS));
      resolutions = resolutions.union(decided.getSideOutput(ReconOutputs.RESOLUTIONS));
    }
    booked
        .union(links)
        .map(new OutcomeMeter<Match>("matches", "level", m -> m.getLevel().name()), AvroTypes.MATCH)
        .name("count matches")
        .uid("count-matches")
        .sinkTo(matchSink)
        .name("matches")
        .uid("match-sink");
    SingleOutputStreamOperator<JournalEntry> entries =
        booked
            .flatMap(new PostJournalEntries(poster), AvroTypes.JOURNAL_ENTRY)
            .name("journal-posting")
            .uid("journal-posting");
    entries.sinkTo(journalSink).name("journal-entries").uid("journal-sink");
    if (journalTopicSink != null) {
      entries.sinkTo(journalTopicSink).name("journal-topic").uid("journal-topic-sink");
    }

    breaks
        .map(
            new OutcomeMeter<ReconException>("breaks", "reason", ReconException::getReason),
            AvroTypes.RECON_EXCEPTION)
        .name("count breaks")
        .uid("count-breaks")
        .sinkTo(exceptionSink)
        .name("exceptions")
        .uid("exception-sink");
    resolutions
        .map(
            new OutcomeMeter<ExceptionResolution>("resolutions", "kind", r -> r.getHow().name()),
            AvroTypes.EXCEPTION_RESOLUTION)
        .name("count resolutions")
        .uid("count-resolutions")
        .sinkTo(resolutionSink)
        .name("exception-resolutions")
        .uid("resolution-sink");
  }

  private <T> WatermarkStrategy<T> watermarks(SerializableTimestampAssigner<T> eventTime) {
    if (!settings.eventTimeWatermarks()) {
      return WatermarkStrategy.noWatermarks();
    }
    return WatermarkStrategy.<T>forBoundedOutOfOrderness(settings.maxOutOfOrderness())
        .withTimestampAssigner(eventTime)
        .withIdleness(settings.sourceIdleness());
  }
}
