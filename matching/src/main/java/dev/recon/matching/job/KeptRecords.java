package dev.recon.matching.job;

import dev.recon.matching.model.BreakResolution;
import dev.recon.matching.model.ReconRecord;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.Match;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
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

  /**
   * For every member of {@code match} that is a kept record whose break is still open: emits the
   * resolution of that break and stops keeping it (removes it from {@code stillBroken}): its late
   * counterpart has come.
   *
   * @param sources the kept form of each decided record, by identity
   * @param exceptionId the break a kept record raised, or null if it never broke
   * @param brokeAt when it broke, epoch milliseconds
   */
  static <L> void resolveKept(
      List<ReconRecord> members,
      Match match,
      IdentityHashMap<ReconRecord, L> sources,
      List<L> stillBroken,
      Function<L, String> exceptionId,
      ToLongFunction<L> brokeAt,
      Consumer<ExceptionResolution> resolutions) {
    for (ReconRecord member : members) {
      L kept = sources.get(member);
      if (kept != null && exceptionId.apply(kept) != null && stillBroken.remove(kept)) {
        resolutions.accept(
            BreakResolution.lateMatch(
                    match,
                    exceptionId.apply(kept),
                    member.recordKind(),
                    member.recordId(),
                    Instant.ofEpochMilli(brokeAt.applyAsLong(kept)))
                .toAvro());
      }
    }
  }
}
