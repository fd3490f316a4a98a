package dev.recon.matching.job;

import static dev.recon.matching.SampleDecisions.approve;
import static dev.recon.matching.SampleDecisions.proposeMatch;
import static dev.recon.matching.SampleDecisions.proposeWriteOff;
import static dev.recon.matching.SampleRecords.bankLine;
import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.expected;
import static dev.recon.matching.SampleRecords.payout;
import static dev.recon.matching.SampleRecords.pspRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.matching.SampleRecords;
import dev.recon.matching.model.DeterministicIds;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.ManualDecision;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.Posting;
import dev.recon.schemas.ReconException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.functions.FromElementsGeneratorFunction;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole matching job on a local MiniCluster over an Adyen-like settlement: batch 1128 settles
 * exactly and reaches the bank with its reference; batch 1129 is paid short and reaches the bank
 * without one; batch 1130 is a payout nobody explains and no bank line shows. Two orders match only
 * at L2: one on a reference written differently, one paid in two partial captures.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MatchingJobIT {

  private static final int PARALLELISM = 2;

  // Listed in event-time order, as a settlement file and a statement are.
  static final List<ExpectedPayment> EXPECTED =
      List.of(
          expected("exp-1", "ORD-1", 10_000, "EUR", "2025-09-10T12:00:00Z"),
          expected("exp-2", "ORD-2", 5_000, "EUR", "2025-09-10T12:01:00Z"),
          expected("exp-3", "ORD-3", 2_000, "EUR", "2025-09-10T12:02:00Z"),
          expected("exp-5", "ORD-5", 5_000, "EUR", "2025-09-10T12:03:00Z"),
          expected("exp-6", "ord-123 ", 7_000, "EUR", "2025-09-10T12:04:00Z"),
          expected("exp-7", "ORD-7", 8_000, "EUR", "2025-09-10T12:05:00Z"),
          expected("exp-10", "ORD-10", 1_000, "EUR", "2025-09-10T12:06:00Z"),
          // Delivered twice (the expected-payments file uploaded again): counts once.
          expected("exp-10", "ORD-10", 1_000, "EUR", "2025-09-10T12:06:00Z"));

  static final List<PaymentEvent> PAYMENTS =
      List.of(
          capture("1ABCD12345678910:CAPTURE", "ORD-1", 10_000, 250, "1128", "2025-09-11T08:00:00Z"),
          capture("2ABCD12345678910:CAPTURE", "ORD-2", 4_500, 130, "1128", "2025-09-11T09:00:00Z"),
          capture("3ABCD12345678910:CAPTURE", "ORD-4", 3_000, 100, "1128", "2025-09-11T10:00:00Z"),
          capture("5ABCD12345678910:CAPTURE", "ORD-5", 5_000, 150, "1129", "2025-09-11T11:00:00Z"),
          // Not in a settlement batch yet: L2 only, L3 does not see them.
          capture("6ABCD12345678910:CAPTURE", "ORD123", 7_000, 0, null, "2025-09-11T11:30:00Z"),
          capture("7ABCD12345678910:CAPTURE", "ORD-7", 5_000, 0, null, "2025-09-11T11:40:00Z"),
          capture("8ABCD12345678910:CAPTURE", "ORD-7", 3_000, 0, null, "2025-09-11T11:50:00Z"),
          // ORD-10 charged twice: one capture pairs, the other is a DUPLICATE naming both.
          capture("AABCD12345678910:CAPTURE", "ORD-10", 1_000, 0, null, "2025-09-11T12:00:00Z"),
          capture("BABCD12345678910:CAPTURE", "ORD-10", 1_000, 0, null, "2025-09-11T12:05:00Z"),
          // The same settlement row delivered again (file ingested twice): counts once at L1 and
          // L3.
          redelivered(
              capture(
                  "2ABCD12345678910:CAPTURE", "ORD-2", 4_500, 130, "1128", "2025-09-11T09:00:00Z")),
          pspRow(
              PaymentEventType.REFUND,
              "1ABCD12345678910:REFUND",
              "ORD-1",
              -2_000,
              0,
              "1128",
              "2025-09-12T10:00:00Z"),
          pspRow(
              PaymentEventType.CHARGEBACK,
              "9ABCD12345678910:CHARGEBACK",
              "ORD-9",
              -1_500,
              1_000,
              "1128",
              "2025-09-12T11:00:00Z"),
          pspRow(
              PaymentEventType.FEE,
              "1128:INVOICE-DEDUCTION",
              null,
              -600,
              0,
              "1128",
              "2025-09-12T12:00:00Z"),
          payout(
              "1128:EUR",
              "1128",
              11_920,
              "TX53913667600XT batch 1128, AcmeShop",
              "2025-09-25T15:17:00Z"),
          payout(
              "1129:EUR",
              "1129",
              4_800,
              "TX53913667601XT batch 1129, AcmeShop",
              "2025-09-26T15:17:00Z"),
          payout(
              "1130:EUR",
              "1130",
              7_000,
              "TX53913667602XT batch 1130, AcmeShop",
              "2025-09-27T15:17:00Z"));

  static final List<BankLine> BANK_LINES =
      List.of(
          bankLine(
              "STMT-0926-1",
              11_920,
              "2025-09-26",
              "2025-09-26",
              "ADYEN TX53913667600XT BATCH 1128"),
          bankLine("STMT-0927-1", 4_800, "2025-09-27", "2025-09-27", "ADYEN PAYOUT"),
          bankLine("STMT-0927-1", 4_800, "2025-09-27", "2025-09-27", "ADYEN PAYOUT"),
          bankLine("STMT-0928-1", -150_000, "2025-09-28", "2025-09-28", "RENT SEPTEMBER"));

  @Test
  void bounded_run_matches_every_level_raises_the_breaks_and_replays_identically()
      throws Exception {
    RunOutput first = run(MatchingSettings.bounded());

    assertThat(first.matches())
        .extracting(
            m -> m.getLevel().name(), Match::getRule, Match::getConfidence, MatchingJobIT::ids)
        .containsExactlyInAnyOrder(
            tuple("L1", "exact-reference", 100, List.of("exp-1", "1ABCD12345678910:CAPTURE")),
            tuple("L1", "exact-reference", 100, List.of("exp-5", "5ABCD12345678910:CAPTURE")),
            tuple("L1", "exact-reference", 100, List.of("exp-10", "AABCD12345678910:CAPTURE")),
            tuple(
                "L1",
                "original-capture",
                100,
                List.of("1ABCD12345678910:CAPTURE", "1ABCD12345678910:REFUND")),
            tuple("L2", "normalised-reference", 95, List.of("exp-6", "6ABCD12345678910:CAPTURE")),
            tuple(
                "L2",
                "normalised-reference",
                95,
                List.of("exp-7", "7ABCD12345678910:CAPTURE", "8ABCD12345678910:CAPTURE")),
            tuple(
                "L3",
                "batch-net-sum",
                100,
                List.of(
                    "1ABCD12345678910:CAPTURE",
                    "2ABCD12345678910:CAPTURE",
                    "3ABCD12345678910:CAPTURE",
                    "1ABCD12345678910:REFUND",
                    "9ABCD12345678910:CHARGEBACK",
                    "1128:INVOICE-DEDUCTION",
                    "1128:EUR")),
            tuple("L4", "amount-reference", 100, List.of("1128:EUR", "STMT-0926-1")),
            tuple("L4", "amount-value-date", 70, List.of("1129:EUR", "STMT-0927-1")));
    assertThat(first.exceptions())
        .extracting(
            e -> e.getLevel().name(),
            ReconException::getReason,
            ReconException::getRecordId,
            ReconException::getAmountMinor)
        .containsExactlyInAnyOrder(
            tuple("L1", "AMOUNT_MISMATCH", "exp-2", 500L),
            tuple("L1", "MISSING_IN_PSP", "exp-3", 2_000L),
            tuple("L1", "MISSING_EXPECTED", "3ABCD12345678910:CAPTURE", 3_000L),
            tuple("L1", "DUPLICATE", "BABCD12345678910:CAPTURE", 1_000L),
            tuple("L1", "MISSING_ORIGINAL", "9ABCD12345678910:CHARGEBACK", 1_500L),
            tuple("L3", "PAYOUT_SHORT", "1129:EUR", 50L),
            tuple("L3", "PAYOUT_UNEXPLAINED", "1130:EUR", 7_000L),
            tuple("L4", "MISSING_IN_BANK", "1130:EUR", 7_000L),
            tuple("L4", "UNMATCHED_BANK_LINE", "STMT-0928-1", 150_000L));
    assertThat(first.exceptions())
        .filteredOn(e -> e.getReason().equals("DUPLICATE"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getDetail())
                    .contains("BABCD12345678910:CAPTURE", "AABCD12345678910:CAPTURE"));
    // Capture links book nothing: every other match books one entry.
    assertThat(first.journal())
        .extracting(JournalEntry::getSourceId)
        .containsExactlyInAnyOrderElementsOf(
            first.matches().stream()
                .filter(m -> !m.getRule().equals("original-capture"))
                .map(Match::getMatchId)
                .toList());

    RunOutput second = run(MatchingSettings.bounded());

    assertThat(second).isEqualTo(first);
  }

  @Test
  void streaming_watermarks_reach_the_same_decisions_as_a_bounded_run() throws Exception {
    // The data spans 18 days and batch payouts come up to 15 days after their rows: with windows
    // covering all of it, no key is decided before its counterparts arrive, however the two
    // source readers interleave. (With 7-day windows the outcome depends on that interleaving.)
    Duration month = Duration.ofDays(30);
    RunOutput streaming =
        run(
            MatchingSettings.streaming(Duration.ofHours(1), Duration.ofMinutes(1))
                .withWindows(month, month, month));

    assertThat(streaming)
        .isEqualTo(run(MatchingSettings.bounded().withWindows(month, month, month)));
  }

  @Test
  void an_approved_write_off_is_booked_and_a_self_approved_match_is_refused() throws Exception {
    String writtenOff = "PSP_TXN:3ABCD12345678910:CAPTURE";
    List<ManualDecision> decisions =
        List.of(
            proposeWriteOff("d-wo", "alice", "2025-10-01T09:00:00Z", writtenOff, 3_000, "EUR"),
            approve("d-wo", "d-wo:approve", "bob", "2025-10-01T10:00:00Z"),
            proposeMatch(
                "d-self",
                "alice",
                "2025-10-01T09:30:00Z",
                "EXPECTED:exp-2",
                "PSP_TXN:2ABCD12345678910:CAPTURE"),
            approve("d-self", "d-self:approve", "alice", "2025-10-01T10:30:00Z"));

    RunOutput withDecisions =
        run(MatchingSettings.bounded(), EXPECTED, PAYMENTS, BANK_LINES, decisions);
    RunOutput without = run(MatchingSettings.bounded());

    String writeOffId = DeterministicIds.decisionMatchId(SampleRecords.TENANT, "d-wo");
    assertThat(withDecisions.matches())
        .filteredOn(m -> m.getLevel() == MatchLevel.MANUAL)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getMatchId()).isEqualTo(writeOffId);
              assertThat(m.getRule()).isEqualTo("WRITE_OFF");
              assertThat(m.getMembers())
                  .extracting(
                      MatchMember::getRecordId,
                      MatchMember::getAmountMinor,
                      MatchMember::getCurrency)
                  .containsExactly(tuple("3ABCD12345678910:CAPTURE", 3_000L, "EUR"));
            });
    assertThat(withDecisions.matches())
        .filteredOn(m -> !m.getMatchId().equals(writeOffId))
        .isEqualTo(without.matches());
    assertThat(withDecisions.journal())
        .filteredOn(e -> e.getSourceId().equals(writeOffId))
        .singleElement()
        .satisfies(
            e -> assertThat(e.getPostings()).extracting(Posting::getDebitMinor).contains(3_000L));

    // The self-approval is refused; nobody else approves, so the proposal expires at end of input.
    assertThat(withDecisions.exceptions())
        .filteredOn(e -> e.getReason().equals("DECISION_REFUSED"))
        .extracting(ReconException::getRecordId, e -> e.getDetail().split(":")[0])
        .containsExactlyInAnyOrder(
            tuple("d-self:approve", "SAME_USER"), tuple("d-self:propose", "EXPIRED"));
    assertThat(withDecisions.exceptions())
        .filteredOn(e -> !e.getReason().equals("DECISION_REFUSED"))
        .isEqualTo(without.exceptions());
  }

  /** The same row as delivered by a second ingestion of its file: other file name, same row. */
  private static PaymentEvent redelivered(PaymentEvent row) {
    PaymentEvent copy = PaymentEvent.newBuilder(row).build();
    copy.getProvenance().setFileName("settlement_detail_report_batch_1128 (1).csv");
    copy.getProvenance().setLine(7);
    return copy;
  }

  private static List<String> ids(Match match) {
    return match.getMembers().stream().map(MatchMember::getRecordId).toList();
  }

  /** Stand-in for the ledger's posting rules: one balanced entry per match, id from the match. */
  private static List<JournalEntry> postOne(Match match) {
    long amount = Math.abs(match.getMembers().get(0).getAmountMinor());
    String currency = match.getMembers().get(0).getCurrency();
    return List.of(
        JournalEntry.newBuilder()
            .setEntryId("je-" + match.getMatchId())
            .setTenantId(match.getTenantId())
            .setBookedAt(match.getMatchedAt())
            .setSourceKind("MATCH_" + match.getLevel())
            .setSourceId(match.getMatchId())
            .setPostings(
                List.of(
                    new Posting("test:debit", amount, 0L, currency),
                    new Posting("test:credit", 0L, amount, currency)))
            .build());
  }

  private static RunOutput run(MatchingSettings settings) throws Exception {
    return run(settings, EXPECTED, PAYMENTS, BANK_LINES);
  }

  static RunOutput run(
      MatchingSettings settings,
      List<ExpectedPayment> expected,
      List<PaymentEvent> payments,
      List<BankLine> bankLines)
      throws Exception {
    return run(settings, expected, payments, bankLines, null);
  }

  static RunOutput run(
      MatchingSettings settings,
      List<ExpectedPayment> expected,
      List<PaymentEvent> payments,
      List<BankLine> bankLines,
      List<ManualDecision> decisions)
      throws Exception {
    return run(settings, expected, null, payments, bankLines, decisions);
  }

  /**
   * With {@code decisions} null, through the constructor without manual decisions; with {@code
   * expectedRate} set, expected payments are read at that pace, so other sources run ahead of them
   * (null: no limit).
   */
  static RunOutput run(
      MatchingSettings settings,
      List<ExpectedPayment> expected,
      RateLimiterStrategy<?> expectedRate,
      List<PaymentEvent> payments,
      List<BankLine> bankLines,
      List<ManualDecision> decisions)
      throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(PARALLELISM);

    CollectingSink<Match> matches = new CollectingSink<>();
    CollectingSink<ReconException> exceptions = new CollectingSink<>();
    CollectingSink<ExceptionResolution> resolutions = new CollectingSink<>();
    CollectingSink<JournalEntry> journal = new CollectingSink<>();
    MatchingJob job =
        decisions == null
            ? new MatchingJob(
                source(env, expected, AvroTypes.EXPECTED_PAYMENT, expectedRate),
                source(env, payments, AvroTypes.PAYMENT_EVENT),
                source(env, bankLines, AvroTypes.BANK_LINE),
                matches,
                exceptions,
                resolutions,
                journal,
                MatchingJobIT::postOne,
                settings)
            : new MatchingJob(
                source(env, expected, AvroTypes.EXPECTED_PAYMENT),
                source(env, payments, AvroTypes.PAYMENT_EVENT),
                source(env, bankLines, AvroTypes.BANK_LINE),
                source(env, decisions, AvroTypes.MANUAL_DECISION),
                matches,
                exceptions,
                resolutions,
                journal,
                MatchingJobIT::postOne,
                settings);
    job.addTo(env);
    env.execute("matching-it");

    return new RunOutput(
        sorted(matches.drain(), Comparator.comparing(Match::getMatchId)),
        sorted(exceptions.drain(), Comparator.comparing(ReconException::getExceptionId)),
        sorted(resolutions.drain(), Comparator.comparing(ExceptionResolution::getResolutionId)),
        sorted(journal.drain(), Comparator.comparing(JournalEntry::getEntryId)));
  }

  private static <T> DataGeneratorSource<T> source(
      StreamExecutionEnvironment env, List<T> elements, TypeInformation<T> type) {
    return source(env, elements, type, null);
  }

  private static <T> DataGeneratorSource<T> source(
      StreamExecutionEnvironment env,
      List<T> elements,
      TypeInformation<T> type,
      RateLimiterStrategy<?> rate) {
    FromElementsGeneratorFunction<T> generator =
        new FromElementsGeneratorFunction<>(type, env.getConfig(), elements);
    return rate == null
        ? new DataGeneratorSource<>(generator, elements.size(), type)
        : new DataGeneratorSource<>(generator, elements.size(), rate, type);
  }

  private static <T> List<T> sorted(List<T> values, Comparator<T> order) {
    return values.stream().sorted(order).toList();
  }

  record RunOutput(
      List<Match> matches,
      List<ReconException> exceptions,
      List<ExceptionResolution> resolutions,
      List<JournalEntry> journal) {}
}
