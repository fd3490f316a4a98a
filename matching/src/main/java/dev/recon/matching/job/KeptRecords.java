package dev.recon.matching.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The bound on records a key keeps after they broke: beyond the open-item limit the ones that broke
 * earliest are let go (their breaks simply stay open), so a key that keeps breaking costs no more
 * state than one that keeps matching.
 */
final class KeptRecords {

  private KeptRecords() {}

  /**
   * At most {@code limit} of {@code broken}, the latest to break (ties: the later in the list,
   * which is the later decision), in the order given.
   */
  static <T> List<T> capped(List<T> broken, int limit, ToLongFunction<T> brokeAt) {
    if (broken.size() <= limit) {
      return broken;
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < broken.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.<Integer>comparingLong(i -> brokeAt.applyAsLong(broken.get(i)))
            .thenComparingInt(i -> i));
    List<Integer> keep =
        order.subList(order.size() - limit, order.size()).stream().sorted().toList();
    List<T> capped = new ArrayList<>();
    for (int i : keep) {
      capped.add(broken.get(i));
    }
    return capped;
  }
}
