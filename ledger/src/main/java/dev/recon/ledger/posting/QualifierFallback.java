package dev.recon.ledger.posting;

import dev.recon.ledger.chart.ChartOfAccounts;
import java.io.Serializable;
import java.util.Objects;

/**
 * Where a leg books when the member lacks the field its template needs (a write-off decision that
 * names no PSP), and the note the entry's description then carries so finance moves it by hand.
 * Without a fallback such a member is malformed.
 *
 * @param account a fixed account of the chart
 * @param note why the account was used, appended to the entry's description
 */
public record QualifierFallback(String account, String note) implements Serializable {

  private static final long serialVersionUID = 1L;

  public QualifierFallback {
    ChartOfAccounts.typeOf(account);
    Objects.requireNonNull(note, "note");
  }
}
