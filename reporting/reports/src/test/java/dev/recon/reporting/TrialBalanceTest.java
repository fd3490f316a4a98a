package dev.recon.reporting;

import static dev.recon.reporting.Fixtures.AS_OF;
import static dev.recon.reporting.Fixtures.credit;
import static dev.recon.reporting.Fixtures.debit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ledger.db.JournalLine;
import dev.recon.reporting.TrialBalance.AccountBalance;
import dev.recon.reporting.TrialBalance.CurrencyTotal;
import dev.recon.reporting.TrialBalance.UnbalancedEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialBalanceTest {

  @Test
  void sumsDebitsAndCreditsPerAccountAndCurrency() {
    TrialBalance balance =
        TrialBalance.of(
            List.of(
                debit("je-1", AS_OF, "psp_receivable:adyen", 10_000, "EUR"),
                credit("je-1", AS_OF, "payments_clearing", 10_000, "EUR"),
                debit("je-2", AS_OF, "psp_fees", 120, "EUR"),
                credit("je-2", AS_OF, "psp_receivable:adyen", 120, "EUR"),
                debit("je-3", AS_OF, "psp_receivable:adyen", 5_000, "JPY"),
                credit("je-3", AS_OF, "payments_clearing", 5_000, "JPY")));

    assertThat(balance.entryCount()).isEqualTo(3);
    assertThat(balance.accounts())
        .containsExactly(
            new AccountBalance("payments_clearing", "EUR", 0, 10_000),
            new AccountBalance("payments_clearing", "JPY", 0, 5_000),
            new AccountBalance("psp_fees", "EUR", 120, 0),
            new AccountBalance("psp_receivable:adyen", "EUR", 10_000, 120),
            new AccountBalance("psp_receivable:adyen", "JPY", 5_000, 0));
    assertThat(balance.accounts().get(3).balanceMinor()).isEqualTo(9_880);
    assertThat(balance.accounts().get(0).balanceMinor()).isEqualTo(-10_000);
    assertThat(balance.totals())
        .containsExactly(
            new CurrencyTotal("EUR", 10_120, 10_120), new CurrencyTotal("JPY", 5_000, 5_000));
    assertThat(balance.balanced()).isTrue();
    assertThat(balance.unbalancedEntries()).isEmpty();
  }

  @Test
  void findsEntriesThatDoNotBalancePerCurrency() {
    TrialBalance balance =
        TrialBalance.of(
            List.of(
                debit("je-ok", AS_OF, "a", 100, "EUR"),
                credit("je-ok", AS_OF, "b", 100, "EUR"),
                // same total, different currencies: still unbalanced in each
                debit("je-fx", AS_OF, "a", 100, "EUR"),
                credit("je-fx", AS_OF, "b", 100, "USD"),
                debit("je-short", AS_OF, "a", 100, "EUR"),
                credit("je-short", AS_OF, "b", 99, "EUR")));

    assertThat(balance.balanced()).isFalse();
    assertThat(balance.unbalancedEntries())
        .containsExactly(
            new UnbalancedEntry("je-fx", "EUR", 100, 0),
            new UnbalancedEntry("je-fx", "USD", 0, 100),
            new UnbalancedEntry("je-short", "EUR", 100, 99));
  }

  @Test
  void isEmptyAndBalancedWithoutLines() {
    TrialBalance balance = TrialBalance.of(List.of());

    assertThat(balance.entryCount()).isZero();
    assertThat(balance.accounts()).isEmpty();
    assertThat(balance.balanced()).isTrue();
  }

  @Test
  void refusesPostingsThatAreNotOneSidedAndNonNegative() {
    assertThatThrownBy(() -> new JournalLine("e", AS_OF, "a", -1, 0, "EUR", "k", "s"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JournalLine("e", AS_OF, "a", 1, 1, "EUR", "k", "s"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failsLoudlyRatherThanOverflow() {
    List<JournalLine> lines =
        List.of(
            debit("je-1", AS_OF, "a", Long.MAX_VALUE, "EUR"), debit("je-2", AS_OF, "a", 1, "EUR"));

    assertThatThrownBy(() -> TrialBalance.of(lines)).isInstanceOf(ArithmeticException.class);
  }
}
