package dev.recon.app.observability;

import java.util.List;

/**
 * One tenant's open breaks as read: whole reasons only, each with all its currencies.
 *
 * @param figures per reason and currency
 * @param truncated the read hit its row limit, so the reasons after the last one kept are missing:
 *     the figures are a lower bound of the tenant's open breaks
 */
public record OpenBreakRead(List<OpenBreakFigure> figures, boolean truncated) {

  public OpenBreakRead {
    figures = List.copyOf(figures);
  }

  /** Every open break of the tenant. */
  public static OpenBreakRead complete(List<OpenBreakFigure> figures) {
    return new OpenBreakRead(figures, false);
  }
}
