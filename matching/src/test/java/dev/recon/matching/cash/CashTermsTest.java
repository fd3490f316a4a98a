package dev.recon.matching.cash;

import static dev.recon.matching.SampleRecords.bankLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.matching.SampleRecords;
import dev.recon.matching.calendar.PayoutCalendars;
import dev.recon.matching.model.MatchRule;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.StatementLine;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.PaymentEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CashTermsTest {

  private static final String ABN = "NL91ABNA0417164300";
  private static final String ING = "NL69INGB0123456789";

  private static Payout payout(String id, String batch, long amount, String ref, String time) {
    return Payout.from(SampleRecords.payout(id, batch, amount, ref, time));
  }

  private static Payout payoutIn(String currency, String id, long amount, String time) {
    PaymentEvent p = SampleRecords.payout(id, id, amount, null, time);
    p.setNetCurrency(currency);
    p.setGrossCurrency(currency);
    return Payout.from(p);
  }

  private static StatementLine line(String id, long amount, String value, String remittance) {
    return StatementLine.from(bankLine(id, amount, value, value, remittance));
  }

  private static StatementLine lineIn(
      String currency, String account, String id, long amount, String value, String remittance) {
    BankLine l = bankLine(id, amount, value, value, remittance);
    l.setCurrency(currency);
    l.setBankAccount(account);
    return StatementLine.from(l);
  }

  private static CashRule rule(
      String name, int priority, String account, Map<String, Long> fees, String... patterns) {
    return new CashRule(
        name,
        priority,
        CashRule.ANY,
        CashRule.ANY,
        account,
        fees,
        ValueDateWindow.DEFAULT,
        List.of(patterns).stream().map(ReferencePattern::of).toList());
  }

  private static CashTerms terms(CashRule... rules) {
    return new CashTerms(new CashRuleSet(List.of(rules)), PayoutCalendars.defaults(), 0);
  }

  @Test
  void the_fee_tolerance_is_per_currency_and_a_star_covers_the_others() {
    CashTerms terms = terms(rule("fees", 1, CashRule.ANY, Map.of("EUR", 500L, "*", 100L)));

    Payout eur = payoutIn("EUR", "P-EUR", 100_000, "2025-09-25T10:00:00Z");
    Payout jpy = payoutIn("JPY", "P-JPY", 100_000, "2025-09-25T10:00:00Z");
    CashDecision d =
        CashLeftoverRule.decide(
            List.of(eur, jpy),
            List.of(
                lineIn("EUR", ABN, "L-EUR", 99_500, "2025-09-26", "SEPA CREDIT"),
                lineIn("JPY", ABN, "L-JPY", 99_500, "2025-09-26", "FX CREDIT")),
            terms);

    assertThat(d.matches())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.rule()).isEqualTo(MatchRule.BANK_FEE_VALUE_DATE);
              assertThat(m.configuredRule()).isEqualTo("fees");
              assertThat(m.toAvro().getRule()).isEqualTo("bank-fee-value-date:fees");
              assertThat(m.members())
                  .extracting(r -> r.recordId())
                  .containsExactly("P-EUR", "L-EUR");
            });
    assertThat(d.openPayouts()).containsExactly(jpy);
    // JPY within its 100 tolerance does match.
    assertThat(
            CashLeftoverRule.decide(
                    List.of(jpy),
                    List.of(lineIn("JPY", ABN, "L-JPY2", 99_900, "2025-09-26", "FX CREDIT")),
                    terms)
                .matches())
        .hasSize(1);
  }

  @Test
  void a_rule_whose_fee_map_lacks_the_currency_does_not_apply_and_the_fallback_holds() {
    CashRuleSet set =
        new CashRuleSet(List.of(rule("eur-only", 1, CashRule.ANY, Map.of("EUR", 500L))));
    CashTerms terms = new CashTerms(set, PayoutCalendars.defaults(), 50);
    Payout usd = payoutIn("USD", "P-USD", 100_000, "2025-09-25T10:00:00Z");

    CashTerms.Pair pair = terms.of(usd, lineIn("USD", ABN, "L", 99_950, "2025-09-26", "X"));

    assertThat(pair.ruleName()).isNull();
    assertThat(pair.maxBankFeeMinor()).isEqualTo(50);
  }

  @Test
  void a_reference_pattern_per_bank_finds_the_batch_id_where_containment_does_not() {
    CashTerms terms =
        terms(
            rule("abn", 1, ABN, Map.of(), "PO-0*(\\d+)"),
            rule("ing", 1, "NL69 INGB 0123 4567 89", Map.of(), "BATCHNR\\s*(\\d+)"));
    Payout p = payout("1128:EUR", "1128", 100_000, null, "2025-09-25T10:00:00Z");
    StatementLine abnLine = lineIn("EUR", ABN, "L-ABN", 100_000, "2025-10-20", "ADYEN PO-0001128");
    StatementLine ingLine = lineIn("EUR", ING, "L-ING", 100_000, "2025-10-20", "ADYEN BATCHNR1128");

    // Without rules neither line carries batch 1128 as a word of its own.
    assertThat(CashTerms.DEFAULT.of(p, abnLine).referenceShows()).isFalse();
    assertThat(CashTerms.DEFAULT.of(p, ingLine).referenceShows()).isFalse();
    assertThat(terms.of(p, abnLine)).isEqualTo(new CashTerms.Pair("abn", 0, false, true));
    assertThat(terms.of(p, ingLine)).isEqualTo(new CashTerms.Pair("ing", 0, false, true));
    // Each bank's pattern only applies to its own account.
    StatementLine abnWritesLikeIng =
        lineIn("EUR", ABN, "L-X", 100_000, "2025-10-20", "ADYEN BATCHNR1128");
    assertThat(terms.of(p, abnWritesLikeIng).referenceShows()).isFalse();
    // Another batch's id does not match.
    assertThat(
            terms
                .of(p, lineIn("EUR", ABN, "L-Y", 100_000, "2025-10-20", "PO-0001129"))
                .referenceShows())
        .isFalse();

    CashDecision d =
        CashMatchRule.onExpiry(
            List.of(p),
            List.of(abnLine),
            SampleRecords.at("2025-09-25T10:00:00Z"),
            Duration.ofDays(30),
            terms);
    assertThat(d.matches())
        .extracting(MatchedSet::rule, MatchedSet::ruleLabel)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                MatchRule.AMOUNT_REFERENCE, "amount-reference:abn"));
  }

  @Test
  void the_first_applicable_rule_by_priority_decides() {
    CashRule wide = rule("wide", 50, CashRule.ANY, Map.of("*", 1_000L));
    CashRule abn = rule("abn", 10, ABN, Map.of("EUR", 200L));
    CashRule later = rule("later", 90, ABN, Map.of("EUR", 5_000L));
    CashTerms terms = terms(later, wide, abn);
    Payout p = payout("1128:EUR", "1128", 100_000, null, "2025-09-25T10:00:00Z");

    assertThat(terms.of(p, lineIn("EUR", ABN, "L1", 99_500, "2025-09-26", "X")).ruleName())
        .isEqualTo("abn");
    assertThat(terms.of(p, lineIn("EUR", ING, "L2", 99_500, "2025-09-26", "X")).ruleName())
        .isEqualTo("wide");
    // abn's 2.00 is the tolerance on its account, though "wide" and "later" allow more.
    assertThat(
            CashLeftoverRule.decide(
                    List.of(p), List.of(lineIn("EUR", ABN, "L3", 99_500, "2025-09-26", "X")), terms)
                .matches())
        .isEmpty();
  }

  @Test
  void a_business_day_rule_matches_by_value_date_across_easter_where_calendar_days_do_not() {
    CashRule easter =
        new CashRule(
            "eur-t2",
            1,
            SampleRecords.TENANT,
            "ADYEN",
            CashRule.ANY,
            Map.of(),
            ValueDateWindow.businessDays(0, 2, "EUR"),
            List.of());
    Payout p = payout("1200:EUR", "1200", 50_000, null, "2026-04-02T09:00:00Z");
    StatementLine wednesday = line("L1", 50_000, "2026-04-08", "SEPA CREDIT");

    assertThat(CashMatchRule.evidence(p, wednesday)).isEmpty();
    assertThat(CashMatchRule.evidence(p, wednesday, terms(easter)))
        .get()
        .extracting(CashCandidate::rule, CashCandidate::cashRule)
        .containsExactly(MatchRule.AMOUNT_VALUE_DATE, "eur-t2");
    assertThat(CashMatchRule.evidence(p, line("L2", 50_000, "2026-04-09", "X"), terms(easter)))
        .isEmpty();
  }

  @Test
  void rules_refuse_bad_values_and_rule_sets_duplicate_names() {
    assertThatThrownBy(() -> rule("x", 1, CashRule.ANY, Map.of("eur", 5L)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rule("x", 1, CashRule.ANY, Map.of("EUR", -5L)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rule("bad name", 1, CashRule.ANY, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    CashRule a = rule("a", 1, CashRule.ANY, Map.of());
    assertThatThrownBy(() -> new CashRuleSet(List.of(a, a)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReferencePattern.of("(a)(b)"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void an_aggregated_line_is_matched_by_the_banks_pattern_within_the_rules_fee() {
    CashTerms terms = terms(rule("abn", 1, ABN, Map.of("EUR", 500L), "PO-0*(\\d+)"));
    Payout first = payout("1128:EUR", "1128", 60_000, null, "2025-09-25T10:00:00Z");
    Payout second = payout("1129:EUR", "1129", 40_000, null, "2025-09-25T11:00:00Z");
    StatementLine both =
        lineIn("EUR", ABN, "L-SUM", 99_500, "2025-09-26", "ADYEN PO-0001128 PO-0001129");

    CashDecision d = CashLeftoverRule.decide(List.of(first, second), List.of(both), terms);

    assertThat(d.matches())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.ruleLabel()).isEqualTo("aggregated-payouts:abn");
              assertThat(m.members())
                  .extracting(r -> r.recordId())
                  .containsExactly("1128:EUR", "1129:EUR", "L-SUM");
            });
    // 6.00 short is beyond the rule's 5.00.
    StatementLine tooShort =
        lineIn("EUR", ABN, "L-SHORT", 99_400, "2025-09-26", "ADYEN PO-0001128 PO-0001129");
    assertThat(CashLeftoverRule.decide(List.of(first, second), List.of(tooShort), terms).matches())
        .isEmpty();
  }
}
