package dev.recon.app.observability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the open-break gauges show: a count per tenant and reason, an amount per tenant, reason and
 * currency, at most {@code maxSeries} amount series in all. A tenant and reason is shown whole or
 * not at all (all its currencies, and its count over all of them), so a count never silently covers
 * fewer breaks than it says; what does not fit is counted in {@link #droppedSeries}.
 */
public record OpenBreakSeries(
    List<TenantReasonCount> counts, List<OpenBreakFigure> amounts, int droppedSeries) {

  /** Open breaks of a tenant with a reason, over all currencies. */
  public record TenantReasonCount(String tenant, String reason, long count) {}

  private static final Comparator<OpenBreakFigure> ORDER =
      Comparator.comparing(OpenBreakFigure::tenant)
          .thenComparing(OpenBreakFigure::reason)
          .thenComparing(OpenBreakFigure::currency);

  public OpenBreakSeries {
    counts = List.copyOf(counts);
    amounts = List.copyOf(amounts);
  }

  /**
   * @param figures per tenant, reason and currency, each combination at most once
   * @param maxSeries the most amount series (tenant x reason x currency) to show
   */
  public static OpenBreakSeries of(List<OpenBreakFigure> figures, int maxSeries) {
    if (maxSeries < 1) {
      throw new IllegalArgumentException("maxSeries must be positive");
    }
    // grouped per tenant and reason, in a stable order so the same groups are kept every refresh
    Map<List<String>, List<OpenBreakFigure>> groups = new LinkedHashMap<>();
    figures.stream()
        .sorted(ORDER)
        .forEach(
            f ->
                groups
                    .computeIfAbsent(List.of(f.tenant(), f.reason()), k -> new ArrayList<>())
                    .add(f));
    List<TenantReasonCount> counts = new ArrayList<>();
    List<OpenBreakFigure> amounts = new ArrayList<>();
    int dropped = 0;
    for (List<OpenBreakFigure> group : groups.values()) {
      requireDistinctCurrencies(group);
      if (amounts.size() + group.size() > maxSeries) {
        dropped += group.size();
        continue;
      }
      long count = 0;
      for (OpenBreakFigure f : group) {
        count = Math.addExact(count, f.count());
      }
      OpenBreakFigure first = group.get(0);
      counts.add(new TenantReasonCount(first.tenant(), first.reason(), count));
      amounts.addAll(group);
    }
    return new OpenBreakSeries(counts, amounts, dropped);
  }

  private static void requireDistinctCurrencies(List<OpenBreakFigure> sortedGroup) {
    for (int i = 1; i < sortedGroup.size(); i++) {
      if (sortedGroup.get(i).currency().equals(sortedGroup.get(i - 1).currency())) {
        throw new IllegalArgumentException("figure listed twice: " + sortedGroup.get(i));
      }
    }
  }
}
