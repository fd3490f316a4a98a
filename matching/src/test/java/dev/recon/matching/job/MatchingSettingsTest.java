package dev.recon.matching.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.matching.calendar.PayoutCalendars;
import dev.recon.matching.cash.CashRule;
import dev.recon.matching.cash.CashRuleSet;
import dev.recon.matching.cash.CashTerms;
import dev.recon.matching.cash.ValueDateWindow;
import dev.recon.matching.model.OpenItemLimit;
import dev.recon.matching.tolerant.ToleranceRuleSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchingSettingsTest {

  @Test
  void only_streaming_runs_keep_broken_records_for_the_late_retention() {
    MatchingSettings streaming =
        MatchingSettings.streaming(Duration.ofMinutes(1), Duration.ofSeconds(5));
    assertThat(streaming.lateRetention()).isEqualTo(MatchingSettings.DEFAULT_LATE_RETENTION);
    assertThat(KeyPolicy.of(streaming).keepsBroken()).isTrue();
    assertThat(KeyPolicy.of(streaming).keptUntil(1_000L))
        .isEqualTo(1_000L + MatchingSettings.DEFAULT_LATE_RETENTION.toMillis());
    assertThat(KeyPolicy.of(streaming.withLateRetention(Duration.ZERO)).keepsBroken()).isFalse();
    assertThat(KeyPolicy.of(MatchingSettings.bounded()).keepsBroken()).isFalse();
    assertThat(KeyPolicy.defaults().keepsBroken()).isFalse();
  }

  @Test
  void a_late_retention_beyond_a_year_or_negative_is_refused() {
    MatchingSettings streaming =
        MatchingSettings.streaming(Duration.ofMinutes(1), Duration.ofSeconds(5));
    assertThatThrownBy(() -> streaming.withLateRetention(Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lateRetention");
    assertThatThrownBy(() -> streaming.withLateRetention(MatchingSettings.MAX_WINDOW.plusDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lateRetention");
    assertThat(streaming.withLateRetention(MatchingSettings.MAX_WINDOW).lateRetention())
        .isEqualTo(MatchingSettings.MAX_WINDOW);
  }

  @Test
  void bounded_runs_use_no_watermarks_and_seven_day_windows() {
    MatchingSettings bounded = MatchingSettings.bounded();

    assertThat(bounded.eventTimeWatermarks()).isFalse();
    assertThat(bounded.exactWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(bounded.settlementWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(bounded.cashWindow()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void streaming_runs_use_watermarks_with_the_given_bounds() {
    MatchingSettings streaming =
        MatchingSettings.streaming(Duration.ofHours(1), Duration.ofMinutes(5))
            .withWindows(Duration.ofDays(3), Duration.ofDays(10), Duration.ofDays(5));

    assertThat(streaming.eventTimeWatermarks()).isTrue();
    assertThat(streaming.maxOutOfOrderness()).isEqualTo(Duration.ofHours(1));
    assertThat(streaming.sourceIdleness()).isEqualTo(Duration.ofMinutes(5));
    assertThat(streaming.exactWindow()).isEqualTo(Duration.ofDays(3));
    assertThat(streaming.settlementWindow()).isEqualTo(Duration.ofDays(10));
    assertThat(streaming.cashWindow()).isEqualTo(Duration.ofDays(5));
  }

  @Test
  void l2_uses_the_default_rules_and_window_unless_configured() {
    MatchingSettings bounded = MatchingSettings.bounded();

    assertThat(bounded.toleranceRules()).isEqualTo(ToleranceRuleSet.defaults());
    assertThat(bounded.tolerantWindow()).isEqualTo(Duration.ofDays(7));

    MatchingSettings configured =
        bounded.withToleranceRules(ToleranceRuleSet.none()).withTolerantWindow(Duration.ofDays(2));
    assertThat(configured.toleranceRules().rules()).isEmpty();
    assertThat(configured.tolerantWindow()).isEqualTo(Duration.ofDays(2));
    assertThat(configured.withWindows(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1)))
        .satisfies(
            s -> {
              assertThat(s.toleranceRules()).isEqualTo(ToleranceRuleSet.none());
              assertThat(s.tolerantWindow()).isEqualTo(Duration.ofDays(2));
            });
    assertThatThrownBy(() -> bounded.withTolerantWindow(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void windows_are_positive_and_at_most_the_limit() {
    MatchingSettings bounded = MatchingSettings.bounded();
    Duration max = MatchingSettings.MAX_WINDOW;

    assertThat(bounded.withWindows(max, max, max).exactWindow()).isEqualTo(max);
    assertThatThrownBy(() -> bounded.withWindows(Duration.ZERO, max, max))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bounded.withWindows(max, max.plusMillis(1), max))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bounded.withWindows(max, max, Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void streaming_needs_a_sane_out_of_orderness_and_a_positive_idleness() {
    assertThatThrownBy(
            () -> MatchingSettings.streaming(Duration.ofHours(-1), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                MatchingSettings.streaming(
                    MatchingSettings.MAX_WINDOW.plusDays(1), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MatchingSettings.streaming(Duration.ofHours(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bounded_runs_decide_at_window_end_and_streaming_runs_on_arrival() {
    assertThat(MatchingSettings.bounded().decideOnArrival()).isFalse();
    assertThat(
            MatchingSettings.streaming(Duration.ofHours(1), Duration.ofMinutes(5))
                .decideOnArrival())
        .isTrue();
  }

  @Test
  void new_options_have_defaults_and_are_validated() {
    MatchingSettings bounded = MatchingSettings.bounded();
    assertThat(bounded.maxOpenPerKey()).isEqualTo(OpenItemLimit.DEFAULT_MAX_OPEN_PER_KEY);
    assertThat(bounded.linkWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(bounded.redeliveryHorizon()).isEqualTo(Duration.ofDays(7));
    assertThat(bounded.asOf()).isNull();
    assertThat(bounded.payoutCalendars()).isEqualTo(PayoutCalendars.defaults());

    Instant asOf = Instant.parse("2025-09-30T00:00:00Z");
    MatchingSettings configured =
        bounded
            .withMaxOpenPerKey(50)
            .withLinkWindow(Duration.ofDays(90))
            .withRedeliveryHorizon(Duration.ofDays(30))
            .withAsOf(asOf)
            .withWindows(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1));
    assertThat(configured.maxOpenPerKey()).isEqualTo(50);
    assertThat(configured.linkWindow()).isEqualTo(Duration.ofDays(90));
    assertThat(configured.redeliveryHorizon()).isEqualTo(Duration.ofDays(30));
    assertThat(configured.asOf()).isEqualTo(asOf);
    assertThat(configured.decideOnArrival()).isFalse();
    assertThat(KeyPolicy.of(configured).dating().asOf()).isEqualTo(asOf);

    assertThat(bounded.maxBankFeeMinor()).isZero();
    assertThat(bounded.reportUnsettledCaptures()).isFalse();
    assertThat(bounded.withMaxBankFeeMinor(1_500).maxBankFeeMinor()).isEqualTo(1_500);
    assertThat(bounded.withReportUnsettledCaptures(true).reportUnsettledCaptures()).isTrue();
    assertThatThrownBy(() -> bounded.withMaxBankFeeMinor(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bounded.withMaxOpenPerKey(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bounded.withLinkWindow(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_key_lives_at_most_a_few_windows_after_its_earliest_record() {
    Duration window = Duration.ofDays(7);
    assertThat(KeyPolicy.deadline(0, 1_000, window)).isEqualTo(1_000 + window.toMillis());
    long cap = window.toMillis() * KeyPolicy.KEY_LIFETIME_WINDOWS;
    assertThat(KeyPolicy.deadline(0, cap, window)).isEqualTo(cap);
  }

  @Test
  void cash_rules_default_to_none_and_travel_with_every_other_option() {
    MatchingSettings bounded = MatchingSettings.bounded();
    assertThat(bounded.cashRules()).isEqualTo(CashRuleSet.none());
    CashRuleSet rules =
        new CashRuleSet(
            List.of(
                new CashRule(
                    "fees",
                    1,
                    CashRule.ANY,
                    CashRule.ANY,
                    CashRule.ANY,
                    Map.of("EUR", 500L),
                    ValueDateWindow.DEFAULT,
                    List.of())));

    MatchingSettings configured =
        bounded.withCashRules(rules).withMaxBankFeeMinor(25).withAsOf(Instant.EPOCH);

    assertThat(configured.cashRules()).isEqualTo(rules);
    assertThat(configured.cashTerms())
        .isEqualTo(new CashTerms(rules, PayoutCalendars.defaults(), 25));
    assertThatThrownBy(() -> bounded.withCashRules(null)).isInstanceOf(NullPointerException.class);
  }
}
