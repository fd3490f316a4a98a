package dev.recon.ledger.chart;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The accounts the platform books into. An account code is a base name, optionally qualified by one
 * segment after a colon ({@code psp_receivable:adyen}, {@code bank:NL91ABNA0417164300}); the base
 * name decides the account's type. Accounts are created per tenant on first use.
 */
public final class ChartOfAccounts {

  /** What each PSP owes the tenant; qualified by the PSP. Nets to zero once a cycle reconciles. */
  public static final String PSP_RECEIVABLE = "psp_receivable";

  /** Counterpart of confirmed captures and refunds, to be cleared against the tenant's sales. */
  public static final String PAYMENTS_CLEARING = "payments_clearing";

  public static final String PSP_FEES = "psp_fees";
  public static final String PSP_ADJUSTMENTS = "psp_adjustments";
  public static final String CHARGEBACK_LOSSES = "chargeback_losses";

  /** Money the PSP reported as paid out that the bank has not yet shown. */
  public static final String BANK_IN_TRANSIT = "bank_in_transit";

  /** A bank account; qualified by the tenant's bank account identifier. */
  public static final String BANK = "bank";

  /**
   * Currency position of conversions done by a PSP: per currency it holds what was handed over in
   * one currency and received in another. Its valued sum across currencies is the FX result.
   */
  public static final String FX_CONVERSION = "fx_conversion";

  /** Amounts the rules cannot classify; finance clears them by hand. */
  public static final String SUSPENSE = "suspense";

  public static final String WRITE_OFFS = "write_offs";

  /** Longest qualifier (PSP name, bank account id); mirrors the database's account code check. */
  public static final int MAX_QUALIFIER_LENGTH = 64;

  /** Longest account code; mirrors {@code ledger.accounts.account varchar(200)}. */
  public static final int MAX_ACCOUNT_LENGTH = 200;

  private static final Pattern QUALIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final Map<String, AccountType> TYPES =
      Map.ofEntries(
          Map.entry(PSP_RECEIVABLE, AccountType.ASSET),
          Map.entry(BANK_IN_TRANSIT, AccountType.ASSET),
          Map.entry(BANK, AccountType.ASSET),
          Map.entry(FX_CONVERSION, AccountType.ASSET),
          Map.entry(PAYMENTS_CLEARING, AccountType.LIABILITY),
          Map.entry(SUSPENSE, AccountType.LIABILITY),
          Map.entry(PSP_ADJUSTMENTS, AccountType.INCOME),
          Map.entry(PSP_FEES, AccountType.EXPENSE),
          Map.entry(CHARGEBACK_LOSSES, AccountType.EXPENSE),
          Map.entry(WRITE_OFFS, AccountType.EXPENSE));

  /** Base names that must carry a qualifier; all others must not. */
  private static final Set<String> QUALIFIED = Set.of(PSP_RECEIVABLE, BANK);

  private ChartOfAccounts() {}

  /** {@code psp_receivable:<psp>}. */
  public static String pspReceivable(String psp) {
    return qualified(PSP_RECEIVABLE, psp);
  }

  /** {@code bank:<bankAccount>}. */
  public static String bank(String bankAccount) {
    return qualified(BANK, bankAccount);
  }

  /**
   * The type of an account code of this chart.
   *
   * @throws IllegalArgumentException if the code is not an account of this chart
   */
  public static AccountType typeOf(String account) {
    Objects.requireNonNull(account, "account");
    if (account.length() > MAX_ACCOUNT_LENGTH) {
      throw new IllegalArgumentException("account code longer than " + MAX_ACCOUNT_LENGTH);
    }
    int colon = account.indexOf(':');
    String base = colon < 0 ? account : account.substring(0, colon);
    AccountType type = TYPES.get(base);
    if (type == null) {
      throw new IllegalArgumentException("not an account of the chart: " + account);
    }
    boolean mustQualify = QUALIFIED.contains(base);
    if (mustQualify != (colon >= 0)) {
      throw new IllegalArgumentException(
          mustQualify
              ? "account " + base + " needs a qualifier: " + account
              : "account " + base + " takes no qualifier: " + account);
    }
    if (colon >= 0) {
      requireQualifier(account.substring(colon + 1));
    }
    return type;
  }

  /** Whether the code is an account of this chart. */
  public static boolean isAccount(String account) {
    if (account == null) {
      return false;
    }
    try {
      typeOf(account);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String qualified(String base, String qualifier) {
    return base + ":" + requireQualifier(qualifier);
  }

  private static String requireQualifier(String qualifier) {
    if (qualifier == null || !QUALIFIER.matcher(qualifier).matches()) {
      throw new IllegalArgumentException(
          "account qualifier must be 1-"
              + MAX_QUALIFIER_LENGTH
              + " characters of [A-Za-z0-9._-], starting with a letter or digit: "
              + qualifier);
    }
    return qualifier;
  }
}
