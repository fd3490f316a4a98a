package dev.recon.ledger.posting;

import dev.recon.ledger.chart.ChartOfAccounts;
import dev.recon.schemas.RecordKind;

/**
 * A member field that qualifies an account of a posting table template, as in {@code
 * psp_receivable:{psp}}. Each qualifies the one base account of the chart it belongs to.
 */
public enum AccountQualifier {
  /** The member's PSP; a payout without one inherits the single PSP of its batch. */
  PSP,
  /** The tenant's bank account a bank line is on. */
  BANK_ACCOUNT;

  /** The placeholder as written in a template: {@code {psp}}, {@code {bank_account}}. */
  public String placeholder() {
    return switch (this) {
      case PSP -> "{psp}";
      case BANK_ACCOUNT -> "{bank_account}";
    };
  }

  /** The base account of the chart this qualifies. */
  public String base() {
    return switch (this) {
      case PSP -> ChartOfAccounts.PSP_RECEIVABLE;
      case BANK_ACCOUNT -> ChartOfAccounts.BANK;
    };
  }

  /** The template text: {@code psp_receivable:{psp}}, {@code bank:{bank_account}}. */
  public String template() {
    return base() + ":" + placeholder();
  }

  /** Whether members of this kind carry the field. */
  public boolean carriedBy(RecordKind kind) {
    return switch (this) {
      case PSP -> kind == RecordKind.PSP_TXN || kind == RecordKind.PAYOUT;
      case BANK_ACCOUNT -> kind == RecordKind.BANK_LINE;
    };
  }

  /** The member field, as named in the schema and in error messages. */
  public String field() {
    return switch (this) {
      case PSP -> "psp";
      case BANK_ACCOUNT -> "bank_account";
    };
  }
}
