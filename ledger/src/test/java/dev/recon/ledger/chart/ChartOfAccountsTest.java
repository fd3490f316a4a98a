package dev.recon.ledger.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChartOfAccountsTest {

  @Test
  void typesAndNormalBalances() {
    assertThat(ChartOfAccounts.typeOf("psp_receivable:adyen")).isEqualTo(AccountType.ASSET);
    assertThat(ChartOfAccounts.typeOf("bank:NL91ABNA0417164300")).isEqualTo(AccountType.ASSET);
    assertThat(ChartOfAccounts.typeOf("payments_clearing")).isEqualTo(AccountType.LIABILITY);
    assertThat(ChartOfAccounts.typeOf("psp_fees")).isEqualTo(AccountType.EXPENSE);
    assertThat(ChartOfAccounts.typeOf("psp_adjustments")).isEqualTo(AccountType.INCOME);
    assertThat(AccountType.ASSET.normalBalance()).isEqualTo(NormalBalance.DEBIT);
    assertThat(AccountType.INCOME.normalBalance()).isEqualTo(NormalBalance.CREDIT);
  }

  @Test
  void qualifiersAreRequiredWhereTheyBelongAndValidated() {
    assertThat(ChartOfAccounts.pspReceivable("adyen")).isEqualTo("psp_receivable:adyen");
    assertThat(ChartOfAccounts.bank("acct-1.eur")).isEqualTo("bank:acct-1.eur");
    assertThat(ChartOfAccounts.isAccount("psp_receivable")).isFalse();
    assertThat(ChartOfAccounts.isAccount("psp_fees:adyen")).isFalse();
    assertThat(ChartOfAccounts.isAccount("cash")).isFalse();
    assertThat(ChartOfAccounts.isAccount(null)).isFalse();
    assertThatThrownBy(() -> ChartOfAccounts.pspReceivable("ad yen"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChartOfAccounts.pspReceivable("-adyen"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ChartOfAccounts.bank("x".repeat(ChartOfAccounts.MAX_QUALIFIER_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ChartOfAccounts.bank("x".repeat(ChartOfAccounts.MAX_QUALIFIER_LENGTH)))
        .hasSize(5 + ChartOfAccounts.MAX_QUALIFIER_LENGTH);
  }
}
