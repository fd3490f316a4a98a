package dev.recon.ledger.chart;

/** The five classes of a chart of accounts, each with its normal balance. */
public enum AccountType {
  ASSET(NormalBalance.DEBIT),
  LIABILITY(NormalBalance.CREDIT),
  INCOME(NormalBalance.CREDIT),
  EXPENSE(NormalBalance.DEBIT),
  EQUITY(NormalBalance.CREDIT);

  private final NormalBalance normalBalance;

  AccountType(NormalBalance normalBalance) {
    this.normalBalance = normalBalance;
  }

  public NormalBalance normalBalance() {
    return normalBalance;
  }
}
