package dev.recon.matching.exact;

import dev.recon.matching.model.Break;
import dev.recon.matching.model.BreakReason;
import dev.recon.matching.model.Expectation;
import dev.recon.matching.model.MatchRule;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.PspTransaction;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.model.Resolution;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.PaymentEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * L1: an expected payment and a PSP capture on the same merchant reference, same currency and
 * amount. Everything that is not an unambiguous exact pair waits for the reference's window to
 * expire and is decided then, over all records at once, so the outcome does not depend on the order
 * in which they arrived.
 *
 * <p>In the job, L2 (tolerant matching) takes the leftovers ({@link #expire}) before they become
 * breaks; {@link #onExpiry} is the decision without L2.
 */
public final class ExactMatchRule {

  private ExactMatchRule() {}

  /** Only captures confirm an expected payment; refunds, fees and the like skip L1. */
  public static boolean takesPart(PaymentEventType type) {
    return type == PaymentEventType.CAPTURE;
  }

  /**
   * Decided on arrival only when the key holds exactly one expected payment and one capture that
   * agree: the same pair the expiry decision would make from these records.
   */
  public static Optional<MatchedSet> onArrival(
      List<Expectation> expected, List<PspTransaction> captures) {
    List<PspTransaction> distinct = distinctCaptures(captures);
    if (expected.size() != 1 || distinct.size() != 1) {
      return Optional.empty();
    }
    Expectation e = expected.get(0);
    PspTransaction c = distinct.get(0);
    return agree(e, c) ? Optional.of(match(e, c)) : Optional.empty();
  }

  /**
   * Exact pairs first (expected payments and captures each in event-time, then id, order); the
   * remaining expected payments are compared with the remaining captures in the same order
   * (currency, then amount mismatch); what is left over is missing on one side, or a duplicate
   * capture when the reference was expected.
   */
  public static Resolution onExpiry(
      List<Expectation> expected, List<PspTransaction> captures, Instant detectedAt) {
    List<Expectation> openExpected = ReconRecord.chronological(expected);
    List<PspTransaction> openCaptures = distinctCaptures(captures);
    List<MatchedSet> matches = pairExactly(openExpected, openCaptures);
    return new Resolution(
        matches,
        breaksFor(
            openExpected,
            openCaptures,
            !expected.isEmpty(),
            pairedCaptureIds(matches),
            detectedAt));
  }

  /**
   * Expiry when L2 follows: the exact pairs are matched, an expected payment and a capture in
   * different currencies break here (L2 compares within one currency), and everything else is left
   * for L2, which breaks what it cannot place with {@link #breaksFor}.
   */
  public static Expiry expire(
      List<Expectation> expected, List<PspTransaction> captures, Instant detectedAt) {
    List<Expectation> openExpected = ReconRecord.chronological(expected);
    List<PspTransaction> openCaptures = distinctCaptures(captures);
    List<MatchedSet> matches = pairExactly(openExpected, openCaptures);
    List<Break> breaks = new ArrayList<>();
    List<Expectation> leftExpected = new ArrayList<>();
    List<PspTransaction> leftCaptures = new ArrayList<>();
    for (Expectation e : openExpected) {
      if (openCaptures.isEmpty()) {
        leftExpected.add(e);
        continue;
      }
      PspTransaction c = openCaptures.remove(0);
      if (e.currency().equals(c.grossCurrency())) {
        leftExpected.add(e);
        leftCaptures.add(c);
      } else {
        breaks.add(mismatch(e, c, detectedAt));
      }
    }
    leftCaptures.addAll(openCaptures);
    return new Expiry(
        matches,
        breaks,
        ReconRecord.chronological(leftExpected),
        ReconRecord.chronological(leftCaptures),
        !expected.isEmpty(),
        pairedCaptureIds(matches));
  }

  /**
   * The breaks for records of one reference that found no match: expected payments and captures
   * paired in chronological order (currency, then amount mismatch), the rest missing on one side,
   * or a duplicate capture when the reference was expected.
   */
  public static List<Break> breaksFor(
      List<Expectation> unmatchedExpected,
      List<PspTransaction> unmatchedCaptures,
      boolean referenceExpected,
      Instant detectedAt) {
    return breaksFor(
        unmatchedExpected, unmatchedCaptures, referenceExpected, List.of(), detectedAt);
  }

  /**
   * As {@link #breaksFor(List, List, boolean, Instant)}; a DUPLICATE capture's detail names the
   * captures that were paired with the reference's expected payments ({@code pairedCaptureIds}) and
   * the other unmatched captures, so both charges of a payment charged twice are named.
   */
  public static List<Break> breaksFor(
      List<Expectation> unmatchedExpected,
      List<PspTransaction> unmatchedCaptures,
      boolean referenceExpected,
      List<String> pairedCaptureIds,
      Instant detectedAt) {
    List<PspTransaction> openCaptures = ReconRecord.chronological(unmatchedCaptures);
    List<Break> breaks = new ArrayList<>();
    for (Expectation e : ReconRecord.chronological(unmatchedExpected)) {
      if (openCaptures.isEmpty()) {
        breaks.add(missingInPsp(e, detectedAt));
      } else {
        breaks.add(mismatch(e, openCaptures.remove(0), detectedAt));
      }
    }
    BreakReason extraCapture =
        referenceExpected ? BreakReason.DUPLICATE : BreakReason.MISSING_EXPECTED;
    for (PspTransaction c : openCaptures) {
      breaks.add(unexpected(c, extraCapture, pairedCaptureIds, detectedAt));
    }
    return breaks;
  }

  /**
   * The exact pairs among records of one reference, made as {@link #onExpiry} makes them: used when
   * a record arrives after its reference's counterpart broke and was kept for it.
   */
  public static List<MatchedSet> exactPairs(
      List<Expectation> expected, List<PspTransaction> captures) {
    return pairExactly(
        new ArrayList<>(ReconRecord.chronological(expected)), distinctCaptures(captures));
  }

  /** Takes the exact pairs out of the open lists (both in chronological order). */
  private static List<MatchedSet> pairExactly(
      List<Expectation> openExpected, List<PspTransaction> openCaptures) {
    List<MatchedSet> matches = new ArrayList<>();
    for (Iterator<Expectation> it = openExpected.iterator(); it.hasNext(); ) {
      Expectation e = it.next();
      Optional<PspTransaction> exact = openCaptures.stream().filter(c -> agree(e, c)).findFirst();
      if (exact.isPresent()) {
        matches.add(match(e, exact.get()));
        openCaptures.remove(exact.get());
        it.remove();
      }
    }
    return matches;
  }

  /**
   * What L1 decided at expiry when L2 follows.
   *
   * @param referenceExpected whether any expected payment was on the reference: an extra capture is
   *     then a DUPLICATE rather than MISSING_EXPECTED
   * @param pairedCaptureIds the captures paired exactly here, which a DUPLICATE names
   */
  public record Expiry(
      List<MatchedSet> matches,
      List<Break> breaks,
      List<Expectation> leftExpected,
      List<PspTransaction> leftCaptures,
      boolean referenceExpected,
      List<String> pairedCaptureIds) {

    public Expiry {
      matches = List.copyOf(matches);
      breaks = List.copyOf(breaks);
      leftExpected = List.copyOf(leftExpected);
      leftCaptures = List.copyOf(leftCaptures);
      pairedCaptureIds = List.copyOf(pairedCaptureIds);
    }
  }

  /**
   * One capture per PSP id, chronological: the same capture reported twice with different content
   * (first by webhook without its settlement batch, then in the settlement file with it) is one
   * payment, not two. The delivery with a batch is kept, else the earliest.
   */
  public static List<PspTransaction> distinctCaptures(List<PspTransaction> captures) {
    Map<String, PspTransaction> byId = new LinkedHashMap<>();
    for (PspTransaction c : ReconRecord.chronological(captures)) {
      PspTransaction kept = byId.get(c.eventId());
      if (kept == null || (!hasBatch(kept) && hasBatch(c))) {
        byId.put(c.eventId(), c);
      }
    }
    return ReconRecord.chronological(byId.values());
  }

  private static boolean hasBatch(PspTransaction c) {
    return c.batchId() != null && !c.batchId().isBlank();
  }

  /** The ids of the captures in these matches. */
  public static List<String> pairedCaptureIds(List<MatchedSet> matches) {
    List<String> ids = new ArrayList<>();
    for (MatchedSet match : matches) {
      for (ReconRecord member : match.members()) {
        if (member instanceof PspTransaction capture) {
          ids.add(capture.eventId());
        }
      }
    }
    return ids;
  }

  private static boolean agree(Expectation e, PspTransaction c) {
    return e.currency().equals(c.grossCurrency()) && e.amountMinor() == c.grossMinor();
  }

  private static MatchedSet match(Expectation e, PspTransaction c) {
    return new MatchedSet(e.tenantId(), MatchRule.EXACT_REFERENCE, List.of(e, c));
  }

  private static Break missingInPsp(Expectation e, Instant detectedAt) {
    return new Break(
        e.tenantId(),
        MatchLevel.L1,
        BreakReason.MISSING_IN_PSP,
        e.recordKind(),
        e.expectedId(),
        Math.absExact(e.amountMinor()),
        e.currency(),
        e.expectedAt(),
        detectedAt,
        "no PSP capture on reference " + e.merchantReference());
  }

  /** The break is raised on the expected payment: it is what the tenant is waiting for. */
  private static Break mismatch(Expectation e, PspTransaction c, Instant detectedAt) {
    String detail =
        "expected "
            + e.amountMinor()
            + " "
            + e.currency()
            + ", PSP capture "
            + c.eventId()
            + " "
            + c.grossMinor()
            + " "
            + c.grossCurrency();
    if (!e.currency().equals(c.grossCurrency())) {
      return new Break(
          e.tenantId(),
          MatchLevel.L1,
          BreakReason.CURRENCY_MISMATCH,
          e.recordKind(),
          e.expectedId(),
          Math.absExact(e.amountMinor()),
          e.currency(),
          e.expectedAt(),
          detectedAt,
          detail);
    }
    return new Break(
        e.tenantId(),
        MatchLevel.L1,
        BreakReason.AMOUNT_MISMATCH,
        e.recordKind(),
        e.expectedId(),
        Math.absExact(Math.subtractExact(e.amountMinor(), c.grossMinor())),
        e.currency(),
        e.expectedAt(),
        detectedAt,
        detail);
  }

  private static Break unexpected(
      PspTransaction c, BreakReason reason, List<String> pairedCaptureIds, Instant detectedAt) {
    String detail;
    if (reason != BreakReason.DUPLICATE) {
      detail = "no expected payment on reference " + c.merchantReference();
    } else if (pairedCaptureIds.isEmpty()) {
      detail = "another capture on reference " + c.merchantReference() + " was paired first";
    } else {
      detail =
          "the same payment charged again: capture "
              + c.eventId()
              + " ("
              + c.grossMinor()
              + " "
              + c.grossCurrency()
              + ") on reference "
              + c.merchantReference()
              + " duplicates capture "
              + String.join(
                  ", ",
                  pairedCaptureIds.subList(
                      0, Math.min(pairedCaptureIds.size(), Break.MAX_IDS_IN_DETAIL)))
              + ", paired with the expected payment";
    }
    return new Break(
        c.tenantId(),
        MatchLevel.L1,
        reason,
        c.recordKind(),
        c.eventId(),
        Math.absExact(c.grossMinor()),
        c.grossCurrency(),
        c.eventTime(),
        detectedAt,
        detail);
  }
}
