package dev.recon.ledger.posting;

import dev.recon.ledger.chart.ChartOfAccounts;
import java.io.Serializable;
import java.util.Objects;

/**
 * One side of a posting leg: a fixed account of the chart ({@code payments_clearing}, or even a
 * qualified one such as {@code bank:NL91ABNA0417164300}), or a base account qualified by a member
 * field ({@code psp_receivable:{psp}}).
 *
 * @param account the fixed account, or the base account a qualifier completes
 * @param qualifier the member field completing the account, or null for a fixed account
 */
public record AccountTemplate(String account, AccountQualifier qualifier) implements Serializable {

  private static final long serialVersionUID = 1L;

  public AccountTemplate {
    Objects.requireNonNull(account, "account");
    if (qualifier == null) {
      ChartOfAccounts.typeOf(account);
    } else if (!qualifier.base().equals(account)) {
      throw new IllegalArgumentException(qualifier.field() + " qualifies " + qualifier.base());
    }
  }

  /** A fixed account of the chart. */
  public static AccountTemplate fixed(String account) {
    return new AccountTemplate(account, null);
  }

  /** The base account the qualifier belongs to, completed by it. */
  public static AccountTemplate qualified(AccountQualifier qualifier) {
    return new AccountTemplate(qualifier.base(), qualifier);
  }

  /** The account for the qualifier's value; the value must be a valid account qualifier. */
  String resolve(String qualifierValue) {
    if (qualifier == null) {
      return account;
    }
    return switch (qualifier) {
      case PSP -> ChartOfAccounts.pspReceivable(qualifierValue);
      case BANK_ACCOUNT -> ChartOfAccounts.bank(qualifierValue);
    };
  }

  @Override
  public String toString() {
    return qualifier == null ? account : qualifier.template();
  }
}
