package dev.recon.matching.job;

import static dev.recon.matching.SampleRecords.at;
import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.expected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.ReconException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExactMatchFunctionTest {

  private static final Duration WINDOW = Duration.ofDays(7);

  private KeyedTwoInputStreamOperatorTestHarness<String, ExpectedPayment, PaymentEvent, Match>
      harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new ExactMatchFunction(WINDOW)),
            InputKeys::expectedByReference,
            InputKeys::captureByReference,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void agreeing_pair_matches_once_the_watermark_passes_both_and_leaves_nothing_behind()
      throws Exception {
    arrive(expected("exp-1", "ORD-1", 10_000, "EUR", "2025-09-10T12:00:00Z"));
    // The arrival check and the window's end.
    assertThat(harness.numEventTimeTimers()).isEqualTo(2);

    arrive(capture("C1:CAPTURE", " ORD-1 ", 10_000, 250, "1128", "2025-09-11T08:00:00Z"));
    harness.processBothWatermarks(new Watermark(at("2025-09-11T07:59:59Z").toEpochMilli()));
    assertThat(harness.extractOutputValues()).isEmpty();
    harness.processBothWatermarks(new Watermark(at("2025-09-11T08:00:00Z").toEpochMilli()));

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getLevel()).isEqualTo(MatchLevel.L1);
              assertThat(m.getRule()).isEqualTo("exact-reference");
              assertThat(m.getMembers())
                  .extracting(MatchMember::getRecordId)
                  .containsExactly("exp-1", "C1:CAPTURE");
            });
    // The paired capture stays until the window ends, to name it if the payment is charged again.
    assertThat(harness.numKeyedStateEntries()).isPositive();
    harness.processBothWatermarks(Watermark.MAX_WATERMARK);
    assertThat(harness.extractOutputValues()).hasSize(1);
    assertThat(leftovers()).isEmpty();
    assertThat(breaks()).isEmpty();
    assertNothingLeft();
  }

  @Test
  void expected_alone_goes_to_l2_when_its_window_ends_in_event_time() throws Exception {
    arrive(expected("exp-3", "ORD-3", 2_000, "EUR", "2025-09-10T00:00:00Z"));
    Instant deadline = at("2025-09-17T00:00:00Z");

    harness.processBothWatermarks(new Watermark(deadline.toEpochMilli() - 1));
    assertThat(leftovers()).isEmpty();
    assertThat(harness.numKeyedStateEntries()).isPositive();

    harness.processBothWatermarks(new Watermark(deadline.toEpochMilli()));
    assertThat(leftovers())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.expected.getExpectedId()).isEqualTo("exp-3");
              assertThat(l.capture).isNull();
              assertThat(l.leftAtMillis).isEqualTo(deadline.toEpochMilli());
              assertThat(l.referenceExpected).isTrue();
              assertThat(l.exactKey).isEqualTo(InputKeys.expectedByReference(l.expected));
            });
    assertThat(breaks()).isEmpty();
    assertNothingLeft();
  }

  @Test
  void a_later_record_moves_the_window_to_its_own_time() throws Exception {
    arrive(expected("exp-2", "ORD-2", 5_000, "EUR", "2025-09-10T00:00:00Z"));
    arrive(capture("C2:CAPTURE", "ORD-2", 4_500, 130, "1128", "2025-09-13T00:00:00Z"));
    harness.processBothWatermarks(new Watermark(at("2025-09-13T00:00:00Z").toEpochMilli()));
    // Only the window's end remains once the arrival check found nothing to decide.
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    harness.processBothWatermarks(new Watermark(at("2025-09-19T23:59:59Z").toEpochMilli()));
    assertThat(leftovers()).isEmpty();

    harness.processBothWatermarks(new Watermark(at("2025-09-20T00:00:00Z").toEpochMilli()));
    assertThat(leftovers())
        .extracting(l -> l.expected == null ? l.capture.getEventId() : l.expected.getExpectedId())
        .containsExactly("exp-2", "C2:CAPTURE");
    assertThat(leftovers())
        .allSatisfy(
            l -> assertThat(l.leftAtMillis).isEqualTo(at("2025-09-20T00:00:00Z").toEpochMilli()));
    assertThat(breaks()).isEmpty();
    assertThat(harness.extractOutputValues()).isEmpty();
    assertNothingLeft();
  }

  @Test
  void a_currency_mismatch_breaks_at_l1() throws Exception {
    PaymentEvent usd = capture("C9:CAPTURE", "ORD-9", 5_000, 0, "1128", "2025-09-11T00:00:00Z");
    usd.setGrossCurrency("USD");
    usd.setNetCurrency("USD");
    arrive(expected("exp-9", "ORD-9", 5_000, "EUR", "2025-09-10T00:00:00Z"));
    arrive(usd);

    harness.processBothWatermarks(Watermark.MAX_WATERMARK);

    assertThat(breaks())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.getReason()).isEqualTo("CURRENCY_MISMATCH");
              assertThat(b.getRecordId()).isEqualTo("exp-9");
            });
    assertThat(leftovers()).isEmpty();
    assertNothingLeft();
  }

  @Test
  void duplicate_captures_are_decided_together_at_expiry() throws Exception {
    arrive(capture("C-B:CAPTURE", "ORD-1", 100, 0, "1128", "2025-09-12T00:00:00Z"));
    arrive(capture("C-A:CAPTURE", "ORD-1", 100, 0, "1128", "2025-09-11T00:00:00Z"));
    arrive(expected("exp-1", "ORD-1", 100, "EUR", "2025-09-10T00:00:00Z"));
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processBothWatermarks(Watermark.MAX_WATERMARK);

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.getMembers())
                    .extracting(MatchMember::getRecordId)
                    .containsExactly("exp-1", "C-A:CAPTURE"));
    assertThat(leftovers())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.capture.getEventId()).isEqualTo("C-B:CAPTURE");
              assertThat(l.referenceExpected).isTrue();
              assertThat(l.leftAtMillis).isEqualTo(at("2025-09-19T00:00:00Z").toEpochMilli());
            });
    assertThat(breaks()).isEmpty();
    assertNothingLeft();
  }

  @Test
  void a_hot_reference_holds_its_limit_and_breaks_each_further_record_as_state_limit()
      throws Exception {
    reopen(KeyPolicy.defaults().withMaxOpenPerKey(3));
    for (int i = 0; i < 5; i++) {
      arrive(expected("exp-" + i, "N/A", 100, "EUR", "2025-09-10T00:00:0" + i + "Z"));
    }

    assertThat(breaks())
        .extracting(ReconException::getReason, ReconException::getRecordId)
        .containsExactly(tuple("STATE_LIMIT", "exp-3"), tuple("STATE_LIMIT", "exp-4"));
    assertThat(breaks().get(0).getDetail()).contains("3 open records");
    assertThat(harness.numEventTimeTimers()).isEqualTo(2);

    harness.processBothWatermarks(Watermark.MAX_WATERMARK);

    assertThat(leftovers())
        .extracting(l -> l.expected.getExpectedId())
        .containsExactly("exp-0", "exp-1", "exp-2");
    assertNothingLeft();
  }

  @Test
  void a_key_that_never_goes_quiet_is_decided_after_its_lifetime() throws Exception {
    Instant start = at("2025-09-01T00:00:00Z");
    // One expected payment a day on the same reference extends the window every day.
    for (int day = 0; day < 40; day++) {
      Instant t = start.plus(Duration.ofDays(day));
      harness.processBothWatermarks(new Watermark(t.toEpochMilli()));
      ExpectedPayment e = expected("exp-" + day, "SUBSCRIPTION", 100, "EUR", t.toString());
      arrive(e);
    }

    Instant lifetimeEnd = start.plus(WINDOW.multipliedBy(KeyPolicy.KEY_LIFETIME_WINDOWS));
    assertThat(leftovers())
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l.leftAtMillis).isEqualTo(lifetimeEnd.toEpochMilli()));
    assertThat(leftovers()).hasSize(28);

    harness.processBothWatermarks(Watermark.MAX_WATERMARK);
    assertNothingLeft();
  }

  @Test
  void without_decisions_on_arrival_a_pair_waits_for_the_window() throws Exception {
    reopen(KeyPolicy.defaults().withDecideOnArrival(false));
    arrive(expected("exp-1", "ORD-1", 10_000, "EUR", "2025-09-10T12:00:00Z"));
    arrive(capture("C1:CAPTURE", "ORD-1", 10_000, 250, "1128", "2025-09-11T08:00:00Z"));
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processBothWatermarks(Watermark.MAX_WATERMARK);

    assertThat(harness.extractOutputValues()).hasSize(1);
    assertNothingLeft();
  }

  @Test
  void a_second_charge_after_an_arrival_match_is_a_duplicate_naming_the_first() throws Exception {
    arrive(expected("exp-1", "ORD-1", 100, "EUR", "2025-09-10T00:00:00Z"));
    arrive(capture("C-A:CAPTURE", "ORD-1", 100, 0, "1128", "2025-09-11T00:00:00Z"));
    harness.processBothWatermarks(new Watermark(at("2025-09-11T00:00:00Z").toEpochMilli()));
    assertThat(harness.extractOutputValues()).hasSize(1);

    arrive(capture("C-B:CAPTURE", "ORD-1", 100, 0, "1128", "2025-09-12T00:00:00Z"));
    harness.processBothWatermarks(Watermark.MAX_WATERMARK);

    assertThat(harness.extractOutputValues()).hasSize(1);
    assertThat(leftovers())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.capture.getEventId()).isEqualTo("C-B:CAPTURE");
              assertThat(l.referenceExpected).isTrue();
              assertThat(l.pairedCaptures()).containsExactly("C-A:CAPTURE");
            });
    assertNothingLeft();
  }

  private void reopen(KeyPolicy policy) throws Exception {
    harness.close();
    harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new ExactMatchFunction(WINDOW, policy)),
            InputKeys::expectedByReference,
            InputKeys::captureByReference,
            Types.STRING);
    harness.open();
  }

  @Test
  void the_match_carries_the_correlation_ids_of_the_deliveries_held_in_state() throws Exception {
    ExpectedPayment payment = expected("exp-1", "ORD-1", 10_000, "EUR", "2025-09-10T12:00:00Z");
    payment.getProvenance().setCorrelationId("erp-export-1");
    PaymentEvent captured =
        capture("C1:CAPTURE", "ORD-1", 10_000, 250, "1128", "2025-09-11T08:00:00Z");
    captured.getProvenance().setCorrelationId("webhook-delivery-2");

    arrive(payment);
    arrive(captured);
    harness.processBothWatermarks(Watermark.MAX_WATERMARK);

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.getMembers())
                    .extracting(MatchMember::getRecordId, MatchMember::getCorrelationId)
                    .containsExactly(
                        tuple("exp-1", "erp-export-1"), tuple("C1:CAPTURE", "webhook-delivery-2")));
    assertNothingLeft();
  }

  private void arrive(ExpectedPayment payment) throws Exception {
    harness.processElement1(new StreamRecord<>(payment, payment.getExpectedAt().toEpochMilli()));
  }

  private void arrive(PaymentEvent capture) throws Exception {
    harness.processElement2(new StreamRecord<>(capture, capture.getEventTime().toEpochMilli()));
  }

  private List<L1Leftover> leftovers() {
    return HarnessOutputs.leftovers(harness);
  }

  private List<ReconException> breaks() {
    return HarnessOutputs.breaks(harness);
  }

  private void assertNothingLeft() {
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
