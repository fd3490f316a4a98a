package dev.recon.reporting;

import dev.recon.ledger.db.JournalLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Debits, credits and balance per account and currency from the run's journal lines, and the
 * double-entry check that every entry balances per currency.
 *
 * @param entryCount distinct journal entries
 * @param accounts one row per account and currency, by account then currency
 * @param totals one row per currency over all accounts
 * @param unbalancedEntries entries whose debits differ from their credits in some currency
 */
public record TrialBalance(
    long entryCount,
    List<AccountBalance> accounts,
    List<CurrencyTotal> totals,
    List<UnbalancedEntry> unbalancedEntries) {

  public TrialBalance {
    accounts = List.copyOf(accounts);
    totals = List.copyOf(totals);
    unbalancedEntries = List.copyOf(unbalancedEntries);
  }

  /** True when every entry balances per currency. */
  public boolean balanced() {
    return unbalancedEntries.isEmpty();
  }

  /** balance = debits - credits: positive for a debit balance (e.g. money owed by the PSP). */
  public record AccountBalance(String account, String currency, long debitMinor, long creditMinor) {
    public long balanceMinor() {
      return Math.subtractExact(debitMinor, creditMinor);
    }
  }

  public record CurrencyTotal(String currency, long debitMinor, long creditMinor) {
    public long balanceMinor() {
      return Math.subtractExact(debitMinor, creditMinor);
    }
  }

  public record UnbalancedEntry(
      String entryId, String currency, long debitMinor, long creditMinor) {}

  public static TrialBalance of(List<JournalLine> lines) {
    Map<Key, DebitCredit> byAccount = new TreeMap<>();
    Map<String, DebitCredit> byCurrency = new TreeMap<>();
    Map<Key, DebitCredit> byEntry = new TreeMap<>();
    Set<String> entries = new HashSet<>();
    for (JournalLine line : lines) {
      entries.add(line.entryId());
      byAccount
          .computeIfAbsent(new Key(line.account(), line.currency()), k -> new DebitCredit())
          .add(line);
      byCurrency.computeIfAbsent(line.currency(), k -> new DebitCredit()).add(line);
      byEntry
          .computeIfAbsent(new Key(line.entryId(), line.currency()), k -> new DebitCredit())
          .add(line);
    }
    List<AccountBalance> accounts = new ArrayList<>();
    byAccount.forEach(
        (k, v) -> accounts.add(new AccountBalance(k.name(), k.currency(), v.debit, v.credit)));
    List<CurrencyTotal> totals = new ArrayList<>();
    byCurrency.forEach((k, v) -> totals.add(new CurrencyTotal(k, v.debit, v.credit)));
    List<UnbalancedEntry> unbalanced = new ArrayList<>();
    byEntry.forEach(
        (k, v) -> {
          if (v.debit != v.credit) {
            unbalanced.add(new UnbalancedEntry(k.name(), k.currency(), v.debit, v.credit));
          }
        });
    return new TrialBalance(entries.size(), accounts, totals, unbalanced);
  }

  /** An account or entry id with a currency, ordered by name then currency. */
  private record Key(String name, String currency) implements Comparable<Key> {
    private static final Comparator<Key> ORDER =
        Comparator.comparing(Key::name).thenComparing(Key::currency);

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  private static final class DebitCredit {
    private long debit;
    private long credit;

    void add(JournalLine line) {
      debit = Math.addExact(debit, line.debitMinor());
      credit = Math.addExact(credit, line.creditMinor());
    }
  }
}
