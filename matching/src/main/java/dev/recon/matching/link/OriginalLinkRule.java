package dev.recon.matching.link;

import dev.recon.matching.model.Break;
import dev.recon.matching.model.BreakReason;
import dev.recon.matching.model.MatchRule;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.PspTransaction;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.model.Resolution;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.PaymentEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Links refunds, chargebacks and chargeback reversals to the capture they follow. All records of
 * one original reference are decided together when its window ends, in event-time order, so the
 * outcome does not depend on arrival order:
 *
 * <ul>
 *   <li>refunds and chargebacks consume what remains of the capture (captured minus refunded and
 *       charged back before them); one beyond that breaks as {@link BreakReason#EXCEEDS_ORIGINAL};
 *   <li>a reversal gives back up to what was charged back, and needs a chargeback before it;
 *   <li>without a capture every follower breaks as {@link BreakReason#MISSING_ORIGINAL};
 *   <li>followers in another currency than the capture break as {@link
 *       BreakReason#CURRENCY_MISMATCH}.
 * </ul>
 *
 * The linked followers and their capture form one {@link MatchRule#ORIGINAL_CAPTURE} match.
 */
public final class OriginalLinkRule {

  private OriginalLinkRule() {}

  public static boolean takesPart(PaymentEventType type) {
    return isCapture(type) || isFollower(type);
  }

  public static boolean isCapture(PaymentEventType type) {
    return type == PaymentEventType.CAPTURE;
  }

  public static boolean isFollower(PaymentEventType type) {
    return type == PaymentEventType.REFUND
        || type == PaymentEventType.CHARGEBACK
        || type == PaymentEventType.CHARGEBACK_REVERSAL;
  }

  /** Decides every record held under one original reference. */
  public static Resolution onExpiry(List<PspTransaction> held, Instant detectedAt) {
    return onExpiry(held, false, detectedAt);
  }

  /**
   * As {@link #onExpiry(List, Instant)}; with {@code reportUnsettled}, a capture that no delivery
   * shows in a settlement batch also breaks, as {@link BreakReason#MISSING_PAYOUT} at L3 on the
   * capture (the payout calendar then tells whether it is due yet).
   */
  public static Resolution onExpiry(
      List<PspTransaction> held, boolean reportUnsettled, Instant detectedAt) {
    List<PspTransaction> captures = new ArrayList<>();
    List<PspTransaction> followers = new ArrayList<>();
    Set<String> seenCaptureIds = new HashSet<>();
    boolean settled = false;
    for (PspTransaction t : ReconRecord.chronological(held)) {
      if (isFollower(t.type())) {
        followers.add(t);
      } else if (isCapture(t.type())) {
        // A capture reported before and after settlement: any delivery in a batch settles it.
        settled |= inBatch(t);
        if (seenCaptureIds.add(t.eventId())) {
          captures.add(t);
        }
      }
    }
    List<Break> breaks = new ArrayList<>();
    if (captures.isEmpty()) {
      for (PspTransaction f : followers) {
        breaks.add(
            broken(
                f,
                BreakReason.MISSING_ORIGINAL,
                Math.absExact(f.grossMinor()),
                detectedAt,
                "no capture " + f.originalReference() + " seen for this " + describe(f)));
      }
      return new Resolution(List.of(), breaks);
    }
    // Two captures under one PSP reference are the same payment reported twice (e.g. before and
    // after settlement): the earliest is the original.
    PspTransaction capture = captures.get(0);
    if (reportUnsettled && !settled) {
      breaks.add(unsettled(capture, detectedAt));
    }
    long remaining = capture.grossMinor();
    long chargedBack = 0;
    List<ReconRecord> linked = new ArrayList<>();
    linked.add(capture);
    for (PspTransaction f : followers) {
      long amount = Math.absExact(f.grossMinor());
      if (!f.grossCurrency().equals(capture.grossCurrency())) {
        breaks.add(
            broken(
                f,
                BreakReason.CURRENCY_MISMATCH,
                amount,
                detectedAt,
                describe(f)
                    + " in "
                    + f.grossCurrency()
                    + ", capture "
                    + capture.eventId()
                    + " in "
                    + capture.grossCurrency()));
        continue;
      }
      if (f.type() == PaymentEventType.CHARGEBACK_REVERSAL) {
        if (chargedBack == 0) {
          breaks.add(
              broken(
                  f,
                  BreakReason.MISSING_ORIGINAL,
                  amount,
                  detectedAt,
                  "no chargeback on capture " + capture.eventId() + " before this reversal"));
        } else if (amount > chargedBack) {
          breaks.add(
              broken(
                  f,
                  BreakReason.EXCEEDS_ORIGINAL,
                  Math.subtractExact(amount, chargedBack),
                  detectedAt,
                  "reversal of "
                      + amount
                      + " "
                      + f.grossCurrency()
                      + " exceeds the "
                      + chargedBack
                      + " charged back on capture "
                      + capture.eventId()));
        } else {
          chargedBack -= amount;
          remaining = Math.addExact(remaining, amount);
          linked.add(f);
        }
        continue;
      }
      if (amount > remaining) {
        breaks.add(
            broken(
                f,
                BreakReason.EXCEEDS_ORIGINAL,
                Math.subtractExact(amount, Math.max(remaining, 0)),
                detectedAt,
                describe(f)
                    + " of "
                    + amount
                    + " "
                    + f.grossCurrency()
                    + " exceeds the "
                    + Math.max(remaining, 0)
                    + " remaining of capture "
                    + capture.eventId()
                    + " ("
                    + capture.grossMinor()
                    + " captured)"));
        continue;
      }
      remaining -= amount;
      if (f.type() == PaymentEventType.CHARGEBACK) {
        chargedBack = Math.addExact(chargedBack, amount);
      }
      linked.add(f);
    }
    List<MatchedSet> matches =
        linked.size() > 1
            ? List.of(new MatchedSet(capture.tenantId(), MatchRule.ORIGINAL_CAPTURE, linked))
            : List.of();
    return new Resolution(matches, breaks);
  }

  private static boolean inBatch(PspTransaction t) {
    return t.batchId() != null && !t.batchId().isBlank();
  }

  private static Break unsettled(PspTransaction capture, Instant detectedAt) {
    return new Break(
        capture.tenantId(),
        MatchLevel.L3,
        BreakReason.MISSING_PAYOUT,
        capture.recordKind(),
        capture.eventId(),
        Math.absExact(capture.grossMinor()),
        capture.grossCurrency(),
        capture.eventTime(),
        detectedAt,
        "capture " + capture.eventId() + " is in no settlement batch of " + capture.psp());
  }

  private static String describe(PspTransaction f) {
    return switch (f.type()) {
      case REFUND -> "refund";
      case CHARGEBACK -> "chargeback";
      case CHARGEBACK_REVERSAL -> "chargeback reversal";
      default -> f.type().name().toLowerCase(Locale.ROOT);
    };
  }

  private static Break broken(
      PspTransaction f, BreakReason reason, long amount, Instant detectedAt, String detail) {
    return new Break(
        f.tenantId(),
        MatchLevel.L1,
        reason,
        f.recordKind(),
        f.eventId(),
        amount,
        f.grossCurrency(),
        f.eventTime(),
        detectedAt,
        detail);
  }
}
