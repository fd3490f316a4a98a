package dev.recon.reporting.casework.dashboard;

import dev.recon.reporting.AgeingBucket;
import dev.recon.reporting.MatchRate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A tenant's dashboard: match rate per PSP and day, what is open and at risk (per currency, ageing
 * bucket, due status and reason), fees per PSP, and dead letters. Money is long minor units with
 * its currency; amounts at risk are absolute.
 */
public record DashboardFigures(
    String tenantId,
    Instant asOf,
    LocalDate from,
    LocalDate to,
    List<PspDayRate> matchRates,
    List<CurrencyAmount> openAtRisk,
    List<AgeingFigure> ageing,
    List<DueFigure> due,
    List<FeeFigure> fees,
    List<ReasonFigure> openByReason,
    long deadLetters) {

  public DashboardFigures {
    matchRates = List.copyOf(matchRates);
    openAtRisk = List.copyOf(openAtRisk);
    ageing = List.copyOf(ageing);
    due = List.copyOf(due);
    fees = List.copyOf(fees);
    openByReason = List.copyOf(openByReason);
  }

  /**
   * Records of a PSP dated on a day (expected payments, PSP rows, payouts) and how many matched.
   */
  public record PspDayRate(String psp, LocalDate day, MatchRate rate) {}

  /** Open breaks in a currency and the sum of their amounts at risk. */
  public record CurrencyAmount(String currency, long count, long amountAtRiskMinor) {}

  public record AgeingFigure(
      AgeingBucket bucket, String currency, long count, long amountAtRiskMinor) {}

  /**
   * @param dueStatus LATE, NOT_YET_DUE, or {@link Dashboard#DUE_UNKNOWN} when the break has none
   */
  public record DueFigure(String dueStatus, String currency, long count, long amountAtRiskMinor) {}

  /** Fees charged on a PSP's rows dated in the period, in the fee's currency. */
  public record FeeFigure(String psp, String currency, long feeMinor) {}

  public record ReasonFigure(String reason, String currency, long count, long amountAtRiskMinor) {}
}
