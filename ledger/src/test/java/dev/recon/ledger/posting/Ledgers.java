package dev.recon.ledger.posting;

import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Posting;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Readable views of journal entries for assertions. */
public final class Ledgers {

  private Ledgers() {}

  /** "Dr account amount CUR" / "Cr account amount CUR", in posting order. */
  public static List<String> lines(JournalEntry entry) {
    return entry.getPostings().stream().map(Ledgers::line).toList();
  }

  public static String line(Posting p) {
    return p.getDebitMinor() > 0
        ? "Dr " + p.getAccount() + " " + p.getDebitMinor() + " " + p.getCurrency()
        : "Cr " + p.getAccount() + " " + p.getCreditMinor() + " " + p.getCurrency();
  }

  /** Debit-minus-credit balance per "account CUR" over the entries, zero balances included. */
  public static Map<String, Long> balances(Collection<JournalEntry> entries) {
    Map<String, Long> balances = new TreeMap<>();
    for (JournalEntry e : entries) {
      for (Posting p : e.getPostings()) {
        balances.merge(
            p.getAccount() + " " + p.getCurrency(),
            p.getDebitMinor() - p.getCreditMinor(),
            Long::sum);
      }
    }
    return balances;
  }
}
