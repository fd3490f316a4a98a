package dev.recon.app.observability;

import java.util.Objects;

/**
 * The open breaks of one tenant with one reason in one currency: how many, and the sum of their
 * amounts at risk in minor units of that currency.
 */
public record OpenBreakFigure(
    String tenant, String reason, String currency, long count, long amountAtRiskMinor) {

  public OpenBreakFigure {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(currency, "currency");
    if (count < 1 || amountAtRiskMinor < 0) {
      throw new IllegalArgumentException(
          "an open-break figure counts at least one break and a non-negative amount at risk");
    }
  }
}
