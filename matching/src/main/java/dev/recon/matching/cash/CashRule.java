package dev.recon.matching.cash;

import dev.recon.matching.model.MatchKey;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.StatementLine;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One L4 rule, as data: which tenant, PSP and bank account it applies to ({@link #ANY} for all),
 * its priority (lower first), the bank fee it tolerates per currency, the value-date window, and
 * how the bank writes payout ids.
 *
 * @param maxBankFeeMinor largest fee per ISO 4217 currency, or under {@link #ANY} for every other
 *     currency; the keys also select the currencies the rule applies to (empty: all, with no fee)
 * @param referencePatterns empty: a payout's reference shows when {@link PayoutReference} finds it
 *     on the line; otherwise only when a pattern extracts the payout's batch id or bank reference
 */
public record CashRule(
    String name,
    int priority,
    String tenant,
    String psp,
    String bankAccount,
    Map<String, Long> maxBankFeeMinor,
    ValueDateWindow valueDate,
    List<ReferencePattern> referencePatterns)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String ANY = "*";
  public static final int MAX_NAME_CHARS = 64;
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_NAME_CHARS + "}");
  public static final int MAX_PRIORITY = 1_000_000;

  /** A bank fee beyond this (minor units) is no fee but a different amount. */
  public static final long MAX_FEE_MINOR = 1_000_000L;

  public static final int MAX_CURRENCIES = 200;
  public static final int MAX_PATTERNS = 10;

  public static final Comparator<CashRule> ORDER =
      Comparator.comparingInt(CashRule::priority).thenComparing(CashRule::name);

  public CashRule {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("rule name must match " + NAME + ": " + name);
    }
    if (priority < 0 || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException("priority outside 0.." + MAX_PRIORITY);
    }
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(psp, "psp");
    Objects.requireNonNull(bankAccount, "bankAccount");
    Objects.requireNonNull(valueDate, "valueDate");
    if (maxBankFeeMinor.size() > MAX_CURRENCIES) {
      throw new IllegalArgumentException("more than " + MAX_CURRENCIES + " currencies");
    }
    maxBankFeeMinor.forEach(
        (currency, fee) -> {
          if (!ANY.equals(currency) && !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("not an ISO 4217 code: " + currency);
          }
          if (fee == null || fee < 0 || fee > MAX_FEE_MINOR) {
            throw new IllegalArgumentException(
                "fee for " + currency + " outside 0.." + MAX_FEE_MINOR + ": " + fee);
          }
        });
    maxBankFeeMinor = new TreeMap<>(maxBankFeeMinor);
    referencePatterns = List.copyOf(referencePatterns);
    if (referencePatterns.size() > MAX_PATTERNS) {
      throw new IllegalArgumentException("more than " + MAX_PATTERNS + " reference patterns");
    }
  }

  public boolean appliesTo(String tenantId, String pspName, String account, String currency) {
    return (tenant.equals(ANY) || tenant.equals(tenantId))
        && (psp.equals(ANY) || psp.equalsIgnoreCase(pspName == null ? "" : pspName.strip()))
        && (bankAccount.equals(ANY) || accountKey(bankAccount).equals(accountKey(account)))
        && (maxBankFeeMinor.isEmpty()
            || maxBankFeeMinor.containsKey(currency)
            || maxBankFeeMinor.containsKey(ANY));
  }

  /** The largest fee the bank may take off a payout in {@code currency}. */
  public long maxFeeFor(String currency) {
    Long fee = maxBankFeeMinor.get(currency);
    if (fee == null) {
      fee = maxBankFeeMinor.get(ANY);
    }
    return fee == null ? 0 : fee;
  }

  /** Whether the line names the payout, by this rule's patterns or else by containment. */
  public boolean referenceShows(Payout payout, StatementLine line) {
    if (referencePatterns.isEmpty()) {
      return PayoutReference.appearsOn(payout, line);
    }
    List<String> wanted = new ArrayList<>();
    String batch = MatchKey.trimmed(payout.batchId());
    if (!batch.isEmpty()) {
      wanted.add(ReferencePattern.compact(batch));
    }
    if (payout.bankReference() != null && !payout.bankReference().isBlank()) {
      wanted.add(ReferencePattern.compact(payout.bankReference()));
      wanted.addAll(PayoutReference.tokens(payout.bankReference()));
    }
    if (wanted.isEmpty()) {
      return false;
    }
    List<String> texts = new ArrayList<>(line.references());
    if (line.remittanceInfo() != null) {
      texts.add(line.remittanceInfo());
    }
    for (String text : texts) {
      String cut =
          text.length() > PayoutReference.MAX_TEXT_CHARS
              ? text.substring(0, PayoutReference.MAX_TEXT_CHARS)
              : text;
      for (ReferencePattern pattern : referencePatterns) {
        for (String id : pattern.ids(cut)) {
          if (wanted.contains(id)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String accountKey(String account) {
    return account == null ? "" : account.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }
}
