package dev.recon.ledger.posting;

import dev.recon.schemas.Posting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the legs of one journal entry, merged per (side, account, currency), and hands them out
 * as postings in a deterministic order: debits first, then by account, then by currency.
 */
final class EntryLegs {

  private record Key(boolean debit, String account, String currency) {}

  private static final Comparator<Key> ORDER =
      Comparator.comparing((Key k) -> !k.debit())
          .thenComparing(Key::account)
          .thenComparing(Key::currency);

  private final Map<Key, Long> amounts = new TreeMap<>(ORDER);

  /**
   * Debits {@code debitAccount} and credits {@code creditAccount} with a positive amount; a
   * negative amount swaps the sides, zero books nothing.
   */
  void book(String debitAccount, String creditAccount, String currency, long signedAmount) {
    if (signedAmount == 0) {
      return;
    }
    if (signedAmount > 0) {
      add(true, debitAccount, currency, signedAmount);
      add(false, creditAccount, currency, signedAmount);
    } else {
      long amount = Math.negateExact(signedAmount);
      add(true, creditAccount, currency, amount);
      add(false, debitAccount, currency, amount);
    }
  }

  boolean isEmpty() {
    return amounts.isEmpty();
  }

  List<Posting> postings() {
    List<Posting> postings = new ArrayList<>(amounts.size());
    amounts.forEach(
        (key, amount) ->
            postings.add(
                Posting.newBuilder()
                    .setAccount(key.account())
                    .setDebitMinor(key.debit() ? amount : 0)
                    .setCreditMinor(key.debit() ? 0 : amount)
                    .setCurrency(key.currency())
                    .build()));
    return postings;
  }

  private void add(boolean debit, String account, String currency, long amount) {
    amounts.merge(new Key(debit, account, currency), amount, Math::addExact);
  }
}
