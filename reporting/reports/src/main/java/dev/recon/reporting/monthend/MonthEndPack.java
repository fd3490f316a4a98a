package dev.recon.reporting.monthend;

import dev.recon.ledger.db.TrialBalanceLine;
import dev.recon.reporting.AgeingBucket;
import dev.recon.reporting.ExceptionRow;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a finance team closes a month with, for one tenant: the trial balance at month end, the
 * exceptions still open then (aged), the write-offs booked in the month and the PSP fees of the
 * month, each with totals per currency. Months are UTC months, as the ledger partitions and its
 * daily balances are.
 *
 * @param trialBalance per account and currency, cumulative up to the end of the month
 * @param openItems by currency, largest amount at risk first
 * @param openItemsTruncated true when the source held more open items than {@link #MAX_ROWS}
 * @param writeOffs by booking time
 * @param writeOffsTruncated true when the month held more write-offs than {@link #MAX_ROWS}
 * @param fees by PSP then currency
 */
public record MonthEndPack(
    String tenant,
    YearMonth month,
    List<TrialBalanceLine> trialBalance,
    List<AgedOpenItem> openItems,
    boolean openItemsTruncated,
    List<WriteOff> writeOffs,
    boolean writeOffsTruncated,
    List<FeeTotal> fees) {

  /** Most open items and most write-offs in one pack; beyond, the pack says it is cut. */
  public static final int MAX_ROWS = 100_000;

  public MonthEndPack {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(month, "month");
    trialBalance = List.copyOf(trialBalance);
    openItems = List.copyOf(openItems);
    writeOffs = List.copyOf(writeOffs);
    fees = List.copyOf(fees);
  }

  /** An open item with its age at month end. */
  public record AgedOpenItem(OpenItem item, long ageDays, AgeingBucket band) {}

  /** Debits and credits of one currency over all accounts; balanced books show balance 0. */
  public record TrialBalanceTotal(String currency, long debitMinor, long creditMinor) {
    public long balanceMinor() {
      return Math.subtractExact(debitMinor, creditMinor);
    }
  }

  /** A count and a sum of amounts in one currency. */
  public record CurrencyTotal(String currency, long count, long amountMinor) {}

  /** Open items of one currency in one age band; at risk is the sum of absolute amounts. */
  public record AgeingTotal(String currency, AgeingBucket band, long count, long atRiskMinor) {}

  /** The first instant of the month, UTC. */
  public static Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** The first instant after the month, UTC: month end, where balances and ages are taken. */
  public static Instant end(YearMonth month) {
    return start(month.plusMonths(1));
  }

  /**
   * The pack from its inputs, purely: open items are aged at month end (items opened after it are
   * left out) and every list is put in the order a reviewer reads it.
   */
  public static MonthEndPack of(
      String tenant,
      YearMonth month,
      List<TrialBalanceLine> trialBalance,
      List<OpenItem> openAtEnd,
      boolean openItemsTruncated,
      List<WriteOff> writeOffs,
      boolean writeOffsTruncated,
      List<FeeTotal> fees) {
    Instant start = start(month);
    Instant end = end(month);
    List<AgedOpenItem> aged =
        openAtEnd.stream()
            .filter(item -> item.openedAt().isBefore(end))
            .map(
                item -> {
                  long age = ExceptionRow.ageDays(item.openedAt(), end);
                  return new AgedOpenItem(item, age, AgeingBucket.of(age));
                })
            .sorted(
                Comparator.<AgedOpenItem, String>comparing(a -> a.item().currency())
                    .thenComparing(
                        Comparator.<AgedOpenItem>comparingLong(a -> a.item().amountAtRiskMinor())
                            .reversed())
                    .thenComparing(a -> a.item().exceptionId()))
            .toList();
    for (WriteOff w : writeOffs) {
      if (w.bookedAt().isBefore(start) || !w.bookedAt().isBefore(end)) {
        throw new IllegalArgumentException(
            "write-off " + w.entryId() + " was booked outside " + month + ": " + w.bookedAt());
      }
    }
    return new MonthEndPack(
        tenant,
        month,
        trialBalance.stream()
            .sorted(
                Comparator.comparing(TrialBalanceLine::account)
                    .thenComparing(TrialBalanceLine::currency))
            .toList(),
        aged,
        openItemsTruncated,
        writeOffs.stream()
            .sorted(Comparator.comparing(WriteOff::bookedAt).thenComparing(WriteOff::entryId))
            .toList(),
        writeOffsTruncated,
        fees.stream()
            .sorted(Comparator.comparing(FeeTotal::psp).thenComparing(FeeTotal::currency))
            .toList());
  }

  public List<TrialBalanceTotal> trialBalanceTotals() {
    Map<String, long[]> sums = new TreeMap<>();
    for (TrialBalanceLine line : trialBalance) {
      long[] s = sums.computeIfAbsent(line.currency(), c -> new long[2]);
      s[0] = Math.addExact(s[0], line.debitMinor());
      s[1] = Math.addExact(s[1], line.creditMinor());
    }
    List<TrialBalanceTotal> totals = new ArrayList<>();
    sums.forEach((c, s) -> totals.add(new TrialBalanceTotal(c, s[0], s[1])));
    return totals;
  }

  /** True when debits equal credits in every currency. */
  public boolean balanced() {
    return trialBalanceTotals().stream().allMatch(t -> t.balanceMinor() == 0);
  }

  /** Open items per currency: count and amount at risk. */
  public List<CurrencyTotal> openItemTotals() {
    return totals(
        openItems.stream()
            .map(a -> new CurrencyTotal(a.item().currency(), 1, a.item().amountAtRiskMinor()))
            .toList());
  }

  /** Open items per currency and age band, every band of a currency present. */
  public List<AgeingTotal> openItemAgeing() {
    Map<String, long[]> sums = new TreeMap<>();
    int bands = AgeingBucket.values().length;
    for (AgedOpenItem a : openItems) {
      long[] s = sums.computeIfAbsent(a.item().currency(), c -> new long[2 * bands]);
      s[a.band().ordinal()]++;
      s[bands + a.band().ordinal()] =
          Math.addExact(s[bands + a.band().ordinal()], a.item().amountAtRiskMinor());
    }
    List<AgeingTotal> totals = new ArrayList<>();
    sums.forEach(
        (c, s) -> {
          for (AgeingBucket band : AgeingBucket.values()) {
            totals.add(new AgeingTotal(c, band, s[band.ordinal()], s[bands + band.ordinal()]));
          }
        });
    return totals;
  }

  /** Write-offs per currency: count and net amount (debit +). */
  public List<CurrencyTotal> writeOffTotals() {
    return totals(
        writeOffs.stream().map(w -> new CurrencyTotal(w.currency(), 1, w.amountMinor())).toList());
  }

  /** Fees per currency over all PSPs: postings and net fees. */
  public List<CurrencyTotal> feeTotals() {
    return totals(
        fees.stream()
            .map(f -> new CurrencyTotal(f.currency(), f.postings(), f.netMinor()))
            .toList());
  }

  private static List<CurrencyTotal> totals(List<CurrencyTotal> parts) {
    Map<String, long[]> sums = new TreeMap<>();
    for (CurrencyTotal p : parts) {
      long[] s = sums.computeIfAbsent(p.currency(), c -> new long[2]);
      s[0] = Math.addExact(s[0], p.count());
      s[1] = Math.addExact(s[1], p.amountMinor());
    }
    List<CurrencyTotal> totals = new ArrayList<>();
    sums.forEach((c, s) -> totals.add(new CurrencyTotal(c, s[0], s[1])));
    return totals;
  }
}
