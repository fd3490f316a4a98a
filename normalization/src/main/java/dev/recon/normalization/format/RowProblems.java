package dev.recon.normalization.format;

import dev.recon.normalization.money.AmountParse;
import dev.recon.normalization.money.MinorUnits;
import java.util.ArrayList;
import java.util.List;

/**
 * Every problem found in one row, so a user sees them all at once; the row becomes a record only
 * when there are none.
 */
public final class RowProblems {
  private final int line;
  private final List<Problem> problems = new ArrayList<>();

  private record Problem(String field, String reason, String excerpt) {}

  public RowProblems(int line) {
    this.line = line;
  }

  public void add(String field, String reason, String excerpt) {
    problems.add(new Problem(field, reason, excerpt));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** The amount in minor units of {@code currency}, or null after recording why it is not one. */
  public Long amount(String field, String text, String currency) {
    AmountParse parsed = MinorUnits.parse(text, currency);
    if (parsed instanceof AmountParse.Invalid invalid) {
      add(field, invalid.reason(), text);
      return null;
    }
    return ((AmountParse.Parsed) parsed).minor();
  }

  /** Like {@link #amount}, with an empty value meaning zero (split debit/credit columns). */
  public long amountOrZero(String field, String text, String currency) {
    if (text.isEmpty()) {
      return 0L;
    }
    Long minor = amount(field, text, currency);
    return minor == null ? 0L : minor;
  }

  /** Reports the problems; true when there were any and the row must not become a record. */
  public boolean reportTo(ParseResult.Builder out) {
    for (Problem p : problems) {
      out.error(line, p.field(), p.reason(), p.excerpt());
    }
    return !problems.isEmpty();
  }
}
