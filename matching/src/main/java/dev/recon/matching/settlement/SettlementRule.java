package dev.recon.matching.settlement;

import dev.recon.matching.model.Break;
import dev.recon.matching.model.BreakReason;
import dev.recon.matching.model.MatchRule;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.PspTransaction;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.model.Resolution;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * L3: the transactions, fees, refunds, chargebacks and adjustments of one settlement batch against
 * the payout the PSP reports for it. The batch matches when the sum of its rows' nets equals the
 * payout; otherwise, when the window expires, the difference and the rows that make up the sum are
 * named.
 */
public final class SettlementRule {

  /**
   * Rows held for one batch and currency before it is decided early: a batch match carries every
   * row as a member, and a batch beyond this is more likely a missing or reused batch id.
   */
  public static final int MAX_ROWS_PER_BATCH = 100_000;

  /** Payouts held for one batch and currency; more than a handful is a feed fault. */
  public static final int MAX_PAYOUTS_PER_BATCH = 100;

  private SettlementRule() {}

  public static boolean overflows(BatchTotals totals, int payoutCount) {
    return totals.rowCount() > MAX_ROWS_PER_BATCH || payoutCount > MAX_PAYOUTS_PER_BATCH;
  }

  /** Whether the batch already holds its limit of rows (or of payouts, for a payout). */
  public static boolean isFull(BatchTotals totals, int payoutCount, boolean payout) {
    return payout ? payoutCount >= MAX_PAYOUTS_PER_BATCH : totals.rowCount() >= MAX_ROWS_PER_BATCH;
  }

  /**
   * The payout the batch balances against, if it is unambiguous now: exactly one payout, at least
   * one row, and the nets sum to it.
   */
  public static Optional<Payout> balancingPayout(BatchTotals totals, List<Payout> payouts) {
    if (payouts.size() != 1 || totals.rowCount() == 0) {
      return Optional.empty();
    }
    Payout payout = payouts.get(0);
    return payout.amountMinor() == totals.netSumMinor() ? Optional.of(payout) : Optional.empty();
  }

  /** The batch match: every row (event-time, then id, order) and then the payout. */
  public static MatchedSet match(List<PspTransaction> rows, Payout payout) {
    List<ReconRecord> members = new ArrayList<>(ReconRecord.chronological(rows));
    members.add(payout);
    return new MatchedSet(payout.tenantId(), MatchRule.BATCH_NET_SUM, members);
  }

  /**
   * Whether a batch's match resolves a break raised earlier on the batch: a break on one of its
   * members, or its missing payout. (A duplicate payout is no member and stays open.)
   */
  public static boolean resolves(
      MatchedSet batchMatch, RecordKind kind, String recordId, String reason) {
    if (BreakReason.MISSING_PAYOUT.name().equals(reason)) {
      return true;
    }
    return batchMatch.members().stream()
        .anyMatch(m -> m.recordKind() == kind && m.recordId().equals(recordId));
  }

  public static Resolution onExpiry(
      List<PspTransaction> rows, List<Payout> payouts, Instant detectedAt) {
    List<PspTransaction> sortedRows = ReconRecord.chronological(rows);
    List<Payout> sortedPayouts = ReconRecord.chronological(payouts);
    List<MatchedSet> matches = new ArrayList<>();
    List<Break> breaks = new ArrayList<>();
    long netSum = 0;
    for (PspTransaction row : sortedRows) {
      netSum = Math.addExact(netSum, row.netMinor());
    }

    if (sortedPayouts.isEmpty()) {
      if (!sortedRows.isEmpty()) {
        breaks.add(missingPayout(sortedRows, netSum, detectedAt));
      }
      return new Resolution(matches, breaks);
    }
    Payout payout = sortedPayouts.get(0);
    if (sortedRows.isEmpty()) {
      breaks.add(unexplained(payout, detectedAt));
    } else if (payout.amountMinor() == netSum) {
      matches.add(match(sortedRows, payout));
    } else {
      breaks.add(difference(payout, sortedRows, netSum, detectedAt));
    }
    for (Payout extra : sortedPayouts.subList(1, sortedPayouts.size())) {
      breaks.add(duplicatePayout(extra, payout, detectedAt));
    }
    return new Resolution(matches, breaks);
  }

  /** record_kind PAYOUT, record id = the batch id: the record that is missing is the payout. */
  private static Break missingPayout(List<PspTransaction> rows, long netSum, Instant detectedAt) {
    PspTransaction latest = rows.get(rows.size() - 1);
    return new Break(
        latest.tenantId(),
        MatchLevel.L3,
        BreakReason.MISSING_PAYOUT,
        RecordKind.PAYOUT,
        latest.batchId().strip(),
        Math.absExact(netSum),
        latest.netCurrency(),
        latest.eventTime(),
        detectedAt,
        "no payout from "
            + latest.psp()
            + " for batch "
            + latest.batchId().strip()
            + ": net sum "
            + netSum
            + " "
            + latest.netCurrency()
            + " of "
            + rows.size()
            + " rows: "
            + Break.nameIds(rows));
  }

  private static Break unexplained(Payout payout, Instant detectedAt) {
    return new Break(
        payout.tenantId(),
        MatchLevel.L3,
        BreakReason.PAYOUT_UNEXPLAINED,
        RecordKind.PAYOUT,
        payout.eventId(),
        Math.absExact(payout.amountMinor()),
        payout.currency(),
        payout.eventTime(),
        detectedAt,
        "no batch rows for payout of batch " + payout.batchId());
  }

  private static Break difference(
      Payout payout, List<PspTransaction> rows, long netSum, Instant detectedAt) {
    long difference = Math.subtractExact(payout.amountMinor(), netSum);
    BreakReason reason = difference < 0 ? BreakReason.PAYOUT_SHORT : BreakReason.PAYOUT_EXCESS;
    return new Break(
        payout.tenantId(),
        MatchLevel.L3,
        reason,
        RecordKind.PAYOUT,
        payout.eventId(),
        Math.absExact(difference),
        payout.currency(),
        payout.eventTime(),
        detectedAt,
        "payout "
            + payout.amountMinor()
            + " "
            + payout.currency()
            + " vs net sum "
            + netSum
            + " of "
            + rows.size()
            + " rows: "
            + Break.nameIds(rows));
  }

  private static Break duplicatePayout(Payout extra, Payout first, Instant detectedAt) {
    return new Break(
        extra.tenantId(),
        MatchLevel.L3,
        BreakReason.DUPLICATE,
        RecordKind.PAYOUT,
        extra.eventId(),
        Math.absExact(extra.amountMinor()),
        extra.currency(),
        extra.eventTime(),
        detectedAt,
        "batch " + extra.batchId() + " already has payout " + first.eventId());
  }
}
