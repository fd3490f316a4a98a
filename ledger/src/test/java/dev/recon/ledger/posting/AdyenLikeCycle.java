package dev.recon.ledger.posting;

import static dev.recon.ledger.posting.MatchFixtures.bankLine;
import static dev.recon.ledger.posting.MatchFixtures.expected;
import static dev.recon.ledger.posting.MatchFixtures.match;
import static dev.recon.ledger.posting.MatchFixtures.payout;
import static dev.recon.ledger.posting.MatchFixtures.pspFxTxn;
import static dev.recon.ledger.posting.MatchFixtures.pspTxn;

import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One settlement cycle of an Adyen-like PSP in USD, fully matched: three captures (one of them in
 * JPY, converted by the PSP), a refund, a chargeback with its fee, two cost rows (MiscCosts,
 * InvoiceDeduction), the payout of the batch, and the bank line that received it.
 *
 * <pre>
 *   row            gross        fee    net (USD)
 *   capture c1     10000 USD    120     9880
 *   capture c2      5000 USD     80     4920
 *   capture c3    150000 JPY    300    99700   (converted)
 *   refund r1      -2000 USD     10    -2010
 *   chargeback cb1 -3000 USD   1500    -4500
 *   MiscCosts       -500 USD      0     -500
 *   InvoiceDeduct. -1200 USD      0    -1200
 *   payout                            106290
 * </pre>
 */
public final class AdyenLikeCycle {

  public static final String PSP = "adyen";
  public static final String BANK_ACCOUNT = "NL91ABNA0417164300";
  public static final long PAYOUT_USD = 106_290;

  private AdyenLikeCycle() {}

  /** The L1, L3 and L4 matches of the cycle, booked at {@code capturedAt} and later. */
  public static List<Match> matches(String tenant, String batch, Instant capturedAt) {
    Instant settledAt = capturedAt.plus(2, ChronoUnit.DAYS);
    Instant paidAt = capturedAt.plus(3, ChronoUnit.DAYS);
    String c1 = batch + "-c1";
    String c2 = batch + "-c2";
    String c3 = batch + "-c3";
    List<Match> matches = new ArrayList<>();
    matches.add(
        match(
            tenant,
            "L1:" + c1,
            MatchLevel.L1,
            capturedAt,
            expected("ord-" + c1, 10_000, "USD"),
            pspTxn(c1, "CAPTURE", 10_000, 120, "USD", PSP)));
    matches.add(
        match(
            tenant,
            "L1:" + c2,
            MatchLevel.L1,
            capturedAt,
            expected("ord-" + c2, 5_000, "USD"),
            pspTxn(c2, "CAPTURE", 5_000, 80, "USD", PSP)));
    matches.add(
        match(
            tenant,
            "L1:" + c3,
            MatchLevel.L1,
            capturedAt,
            expected("ord-" + c3, 150_000, "JPY"),
            pspFxTxn(c3, "CAPTURE", 150_000, "JPY", 300, 99_700, "USD", PSP)));
    matches.add(
        match(
            tenant,
            "L3:" + batch,
            MatchLevel.L3,
            settledAt,
            pspTxn(c1, "CAPTURE", 10_000, 120, "USD", PSP),
            pspTxn(c2, "CAPTURE", 5_000, 80, "USD", PSP),
            pspFxTxn(c3, "CAPTURE", 150_000, "JPY", 300, 99_700, "USD", PSP),
            pspTxn(batch + "-r1", "REFUND", -2_000, 10, "USD", PSP),
            pspTxn(batch + "-cb1", "CHARGEBACK", -3_000, 1_500, "USD", PSP),
            pspTxn(batch + "-misc", "FEE", -500, 0, "USD", PSP),
            pspTxn(batch + "-invoice", "FEE", -1_200, 0, "USD", PSP),
            payout(batch, PAYOUT_USD, "USD", PSP)));
    matches.add(
        match(
            tenant,
            "L4:" + batch,
            MatchLevel.L4,
            paidAt,
            payout(batch, PAYOUT_USD, "USD", PSP),
            bankLine("stmt-" + batch, PAYOUT_USD, "USD", BANK_ACCOUNT)));
    return matches;
  }

  /** The journal entries of the cycle, one per match. */
  public static List<JournalEntry> entries(String tenant, String batch, Instant capturedAt) {
    List<JournalEntry> entries = new ArrayList<>();
    for (Match m : matches(tenant, batch, capturedAt)) {
      entries.addAll(PostingRules.entriesFor(m));
    }
    return entries;
  }
}
