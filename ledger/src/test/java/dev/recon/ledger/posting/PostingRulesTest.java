package dev.recon.ledger.posting;

import static dev.recon.ledger.posting.Ledgers.lines;
import static dev.recon.ledger.posting.MatchFixtures.bankLine;
import static dev.recon.ledger.posting.MatchFixtures.expected;
import static dev.recon.ledger.posting.MatchFixtures.match;
import static dev.recon.ledger.posting.MatchFixtures.payout;
import static dev.recon.ledger.posting.MatchFixtures.pspFxTxn;
import static dev.recon.ledger.posting.MatchFixtures.pspTxn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PostingRulesTest {

  private static final String T = "acme";

  private static JournalEntry single(Match match) {
    List<JournalEntry> entries = PostingRules.entriesFor(match);
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  private static List<String> settle(MatchMember... members) {
    return lines(single(match(T, "L3:b", MatchLevel.L3, members)));
  }

  @Nested
  class CaptureConfirmed {

    @Test
    void l1BooksTheGrossAsReceivableFromThePsp() {
      JournalEntry e =
          single(
              match(
                  T,
                  "L1:c1",
                  MatchLevel.L1,
                  expected("o1", 10_000, "EUR"),
                  pspTxn("c1", "CAPTURE", 10_000, 250, "EUR", "adyen")));

      assertThat(lines(e))
          .containsExactly("Dr psp_receivable:adyen 10000 EUR", "Cr payments_clearing 10000 EUR");
      assertThat(e.getTenantId()).isEqualTo(T);
      assertThat(e.getSourceKind()).isEqualTo("MATCH_L1");
      assertThat(e.getSourceId()).isEqualTo("L1:c1");
      assertThat(e.getBookedAt()).isEqualTo(MatchFixtures.MATCHED_AT);
      assertThat(e.getEntryId()).isEqualTo(EntryIds.entryId(T, "MATCH_L1", "L1:c1"));
    }

    @Test
    void l2BooksLikeL1UnderItsOwnSourceKindAndMergesSplitCaptures() {
      JournalEntry e =
          single(
              match(
                  T,
                  "L2:o1",
                  MatchLevel.L2,
                  expected("o1", 10_000, "EUR"),
                  pspTxn("c1", "CAPTURE", 6_000, 0, "EUR", "adyen"),
                  pspTxn("c2", "CAPTURE", 4_000, 0, "EUR", "adyen")));

      assertThat(lines(e))
          .containsExactly("Dr psp_receivable:adyen 10000 EUR", "Cr payments_clearing 10000 EUR");
      assertThat(e.getSourceKind()).isEqualTo("MATCH_L2");
    }

    @Test
    void onlyCapturesAreBookedAtL1TheRestWaitsForTheSettlement() {
      assertThat(
              PostingRules.entriesFor(
                  match(
                      T,
                      "L1:r1",
                      MatchLevel.L1,
                      expected("o1", -500, "EUR"),
                      pspTxn("r1", "REFUND", -500, 0, "EUR", "adyen"))))
          .isEmpty();
    }

    @Test
    void zeroCaptureBooksNothing() {
      assertThat(
              PostingRules.entriesFor(
                  match(
                      T,
                      "L1:z",
                      MatchLevel.L1,
                      expected("o1", 0, "EUR"),
                      pspTxn("z", "CAPTURE", 0, 0, "EUR", "adyen"))))
          .isEmpty();
    }
  }

  @Nested
  class Settlement {

    @Test
    void captureBooksOnlyItsFeeAndThePayoutTheNet() {
      assertThat(
              settle(
                  pspTxn("c1", "CAPTURE", 10_000, 120, "USD", "adyen"),
                  payout("b", 9_880, "USD", "adyen")))
          .containsExactly(
              "Dr bank_in_transit 9880 USD",
              "Dr psp_fees 120 USD",
              // fee and net leave the receivable as one merged line
              "Cr psp_receivable:adyen 10000 USD");
    }

    @Test
    void refundedFeeSwapsSides() {
      assertThat(settle(pspTxn("r1", "REFUND", 0, -30, "USD", "adyen")))
          .containsExactly("Dr psp_receivable:adyen 30 USD", "Cr psp_fees 30 USD");
    }

    @Test
    void refundMovesTheGrossBackToClearing() {
      assertThat(settle(pspTxn("r1", "REFUND", -2_000, 0, "USD", "adyen")))
          .containsExactly("Dr payments_clearing 2000 USD", "Cr psp_receivable:adyen 2000 USD");
    }

    @Test
    void chargebackIsALossAndItsFeeAFee() {
      assertThat(settle(pspTxn("cb", "CHARGEBACK", -3_000, 1_500, "USD", "adyen")))
          .containsExactly(
              "Dr chargeback_losses 3000 USD",
              "Dr psp_fees 1500 USD",
              "Cr psp_receivable:adyen 4500 USD");
    }

    @Test
    void chargebackReversalGivesTheLossBack() {
      assertThat(settle(pspTxn("cbr", "CHARGEBACK_REVERSAL", 3_000, 0, "USD", "adyen")))
          .containsExactly("Dr psp_receivable:adyen 3000 USD", "Cr chargeback_losses 3000 USD");
    }

    @Test
    void feeRowsAreFees() {
      assertThat(
              settle(
                  pspTxn("misc", "FEE", -500, 0, "USD", "adyen"),
                  pspTxn("inv", "FEE", -1_200, 0, "USD", "adyen")))
          .containsExactly("Dr psp_fees 1700 USD", "Cr psp_receivable:adyen 1700 USD");
    }

    @Test
    void adjustmentsSwapSidesWithTheirSign() {
      assertThat(settle(pspTxn("a1", "ADJUSTMENT", 700, 0, "USD", "adyen")))
          .containsExactly("Dr psp_receivable:adyen 700 USD", "Cr psp_adjustments 700 USD");
      assertThat(settle(pspTxn("a2", "ADJUSTMENT", -700, 0, "USD", "adyen")))
          .containsExactly("Dr psp_adjustments 700 USD", "Cr psp_receivable:adyen 700 USD");
    }

    @Test
    void unknownRowTypesGoToSuspenseNotSilentlyAway() {
      assertThat(settle(pspTxn("x1", "SOMETHING_NEW", 400, 0, "USD", "adyen")))
          .containsExactly("Dr psp_receivable:adyen 400 USD", "Cr suspense 400 USD");
      assertThat(settle(pspTxn("x2", null, -400, 0, "USD", "adyen")))
          .containsExactly("Dr suspense 400 USD", "Cr psp_receivable:adyen 400 USD");
    }

    @Test
    void convertedCaptureGoesThroughFxConversionInBothCurrencies() {
      assertThat(settle(pspFxTxn("c3", "CAPTURE", 150_000, "JPY", 300, 99_700, "USD", "adyen")))
          .containsExactly(
              "Dr fx_conversion 150000 JPY",
              "Dr psp_fees 300 USD",
              "Dr psp_receivable:adyen 100000 USD",
              "Cr fx_conversion 100000 USD",
              "Cr psp_receivable:adyen 150000 JPY",
              "Cr psp_receivable:adyen 300 USD");
    }

    @Test
    void convertedRefundSwapsTheConversionSides() {
      assertThat(settle(pspFxTxn("r3", "REFUND", -5_000, "JPY", 0, -45, "USD", "adyen")))
          .containsExactly(
              "Dr fx_conversion 45 USD",
              "Dr payments_clearing 5000 JPY",
              "Dr psp_receivable:adyen 5000 JPY",
              "Cr fx_conversion 5000 JPY",
              "Cr psp_receivable:adyen 5000 JPY",
              "Cr psp_receivable:adyen 45 USD");
    }

    @Test
    void negativePayoutSwapsSides() {
      assertThat(
              settle(
                  pspTxn("r1", "REFUND", -900, 0, "USD", "adyen"),
                  payout("b", -900, "USD", "adyen")))
          .containsExactly(
              "Dr payments_clearing 900 USD",
              "Dr psp_receivable:adyen 900 USD",
              "Cr bank_in_transit 900 USD",
              "Cr psp_receivable:adyen 900 USD");
    }

    @Test
    void payoutWithoutPspTakesTheBatchPsp() {
      MatchMember anonymous = payout("b", 9_880, "USD", null);
      assertThat(settle(pspTxn("c1", "CAPTURE", 10_000, 120, "USD", "adyen"), anonymous))
          .contains("Dr bank_in_transit 9880 USD", "Cr psp_receivable:adyen 10000 USD");
      assertThatThrownBy(
              () ->
                  settle(
                      pspTxn("c1", "CAPTURE", 10_000, 120, "USD", "adyen"),
                      pspTxn("c2", "CAPTURE", 10_000, 120, "USD", "stripe"),
                      anonymous))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("payout without psp");
    }

    @Test
    void capturesWithoutFeesAndNoPayoutBookNothing() {
      assertThat(
              PostingRules.entriesFor(
                  match(
                      T,
                      "L3:b",
                      MatchLevel.L3,
                      pspTxn("c1", "CAPTURE", 10_000, 0, "USD", "adyen"))))
          .isEmpty();
    }
  }

  @Nested
  class Cash {

    @Test
    void bankLineLeavesTransitForTheBankAccount() {
      JournalEntry e =
          single(
              match(
                  T,
                  "L4:b",
                  MatchLevel.L4,
                  payout("b", 9_880, "USD", "adyen"),
                  bankLine("s1", 9_870, "USD", "NL91ABNA0417164300")));

      // The bank line's amount, not the payout's: a bank fee stays visible in transit.
      assertThat(lines(e))
          .containsExactly("Dr bank:NL91ABNA0417164300 9870 USD", "Cr bank_in_transit 9870 USD");
      assertThat(e.getSourceKind()).isEqualTo("MATCH_L4");
    }

    @Test
    void debitLineSwapsSides() {
      assertThat(
              lines(
                  single(
                      match(
                          T,
                          "L4:b",
                          MatchLevel.L4,
                          payout("b", -900, "USD", "adyen"),
                          bankLine("s1", -900, "USD", "DE89370400440532013000")))))
          .containsExactly("Dr bank_in_transit 900 USD", "Cr bank:DE89370400440532013000 900 USD");
    }

    @Test
    void bankLineWithoutAccountIsMalformed() {
      assertThatThrownBy(
              () ->
                  PostingRules.entriesFor(
                      match(
                          T,
                          "L4:b",
                          MatchLevel.L4,
                          payout("b", 900, "USD", "adyen"),
                          bankLine("s1", 900, "USD", null))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("bank_account");
    }
  }

  @Nested
  class Manual {

    @Test
    void manualMatchBooksByTheShapeOfItsMembers() {
      JournalEntry capture =
          single(
              match(
                  T,
                  "M:1",
                  MatchLevel.MANUAL,
                  expected("o1", 100, "EUR"),
                  pspTxn("c1", "CAPTURE", 100, 0, "EUR", "adyen")));
      assertThat(lines(capture))
          .containsExactly("Dr psp_receivable:adyen 100 EUR", "Cr payments_clearing 100 EUR");
      assertThat(capture.getSourceKind()).isEqualTo("MATCH_MANUAL");

      JournalEntry cash =
          single(
              match(
                  T,
                  "M:2",
                  MatchLevel.MANUAL,
                  payout("b", 100, "EUR", "adyen"),
                  bankLine("s1", 100, "EUR", "acct-1")));
      assertThat(lines(cash))
          .containsExactly("Dr bank:acct-1 100 EUR", "Cr bank_in_transit 100 EUR");
    }

    @Test
    void manualMatchOfNoKnownShapeBooksNothing() {
      assertThat(
              PostingRules.entriesFor(
                  match(
                      T,
                      "M:3",
                      MatchLevel.MANUAL,
                      expected("o1", 100, "EUR"),
                      bankLine("s1", 100, "EUR", "acct-1"))))
          .isEmpty();
    }
  }

  @Nested
  class Determinism {

    @Test
    void sameMatchSameEntryAndMemberOrderDoesNotMatter() {
      MatchMember a = pspTxn("c1", "CAPTURE", 10_000, 120, "USD", "adyen");
      MatchMember b = pspTxn("r1", "REFUND", -2_000, 10, "USD", "adyen");
      MatchMember p = payout("b", 7_870, "USD", "adyen");
      JournalEntry first = single(match(T, "L3:b", MatchLevel.L3, a, b, p));
      JournalEntry again = single(match(T, "L3:b", MatchLevel.L3, p, b, a));
      assertThat(again).isEqualTo(first);
    }

    @Test
    void bookedAtIsTruncatedToMillisecondsAsAvroStoresIt() {
      Instant nanos = Instant.parse("2024-03-15T10:30:00.123456789Z");
      JournalEntry e =
          single(
              match(
                  T, "L1:c1", MatchLevel.L1, nanos, pspTxn("c1", "CAPTURE", 1, 0, "EUR", "adyen")));
      assertThat(e.getBookedAt()).isEqualTo(Instant.parse("2024-03-15T10:30:00.123Z"));
    }

    @Test
    void debitsComeFirstThenAccountThenCurrency() {
      List<String> lines =
          settle(
              pspTxn("c1", "CAPTURE", 10_000, 120, "USD", "stripe"),
              pspTxn("c2", "CAPTURE", 10_000, 90, "EUR", "adyen"));
      assertThat(lines)
          .containsExactly(
              "Dr psp_fees 90 EUR",
              "Dr psp_fees 120 USD",
              "Cr psp_receivable:adyen 90 EUR",
              "Cr psp_receivable:stripe 120 USD");
    }
  }

  @Nested
  class Malformed {

    @Test
    void pspTransactionWithoutPsp() {
      assertThatThrownBy(() -> settle(pspTxn("c1", "CAPTURE", 1, 1, "USD", null)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("without psp");
    }

    @Test
    void pspNameThatCannotBeAnAccountQualifier() {
      assertThatThrownBy(() -> settle(pspTxn("c1", "CAPTURE", 1, 1, "USD", "ad yen")))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badCurrencies() {
      assertThatThrownBy(() -> settle(pspTxn("c1", "CAPTURE", 1, 1, "usd", "adyen")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("currency");
      assertThatThrownBy(() -> settle(pspFxTxn("c1", "CAPTURE", 1, "JPY", 1, 1, "US", "adyen")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("net_currency");
    }

    @Test
    void amountsBeyondTheLimit() {
      long tooLarge = PostingRules.MAX_ABS_AMOUNT_MINOR + 1;
      assertThatThrownBy(() -> settle(pspTxn("f", "FEE", -tooLarge, 0, "USD", "adyen")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("amount_minor");
      assertThatThrownBy(() -> settle(pspTxn("f", "FEE", 0, Long.MIN_VALUE, "USD", "adyen")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("fee_minor");
      // At the limit it still books.
      assertThat(settle(pspTxn("f", "FEE", -PostingRules.MAX_ABS_AMOUNT_MINOR, 0, "USD", "adyen")))
          .hasSize(2);
    }

    @Test
    void matchIdTenantAndTime() {
      MatchMember c = pspTxn("c1", "CAPTURE", 1, 0, "USD", "adyen");
      String longId = "m".repeat(JournalEntryInvariants.MAX_SOURCE_ID_LENGTH + 1);
      assertThatThrownBy(() -> PostingRules.entriesFor(match(T, longId, MatchLevel.L1, c)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("match_id");
      String maxId = "m".repeat(JournalEntryInvariants.MAX_SOURCE_ID_LENGTH);
      assertThat(PostingRules.entriesFor(match(T, maxId, MatchLevel.L1, c))).hasSize(1);
      assertThatThrownBy(() -> PostingRules.entriesFor(match("ac me", "m", MatchLevel.L1, c)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tenant");
      assertThatThrownBy(
              () ->
                  PostingRules.entriesFor(
                      match(T, "m", MatchLevel.L1, Instant.parse("1999-12-31T23:59:59Z"), c)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("matched_at");
    }

    @Test
    void tooManyMembers() {
      List<MatchMember> members = new ArrayList<>();
      MatchMember c = pspTxn("c1", "CAPTURE", 1, 0, "USD", "adyen");
      for (int i = 0; i <= PostingRules.MAX_MEMBERS; i++) {
        members.add(c);
      }
      Match big = match(T, "m", MatchLevel.L1, c);
      big.setMembers(members);
      assertThatThrownBy(() -> PostingRules.entriesFor(big))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("members");
    }
  }

  @Nested
  class WriteOff {

    private final Instant approved = Instant.parse("2024-04-02T09:15:00Z");

    private JournalEntry writeOff(
        RecordKind kind, long amount, String currency, String psp, String bankAccount) {
      return single(
          MatchFixtures.writeOff(
              T, "m-wo", approved, kind, "rec-1", amount, currency, psp, bankAccount));
    }

    private List<JournalEntry> writeOffEntries(RecordKind kind, long amount) {
      return PostingRules.entriesFor(
          MatchFixtures.writeOff(T, "m-wo", approved, kind, "rec-1", amount, "EUR", "adyen", "a1"));
    }

    @Test
    void pspTransactionLeavesTheReceivableForWriteOffs() {
      JournalEntry e = writeOff(RecordKind.PSP_TXN, 150, "EUR", "adyen", null);
      assertThat(lines(e))
          .containsExactly("Dr write_offs 150 EUR", "Cr psp_receivable:adyen 150 EUR");
      assertThat(e.getSourceKind()).isEqualTo("WRITE_OFF");
      assertThat(e.getSourceId()).isEqualTo("m-wo");
      assertThat(e.getEntryId()).isEqualTo(EntryIds.entryId(T, "WRITE_OFF", "m-wo"));
      assertThat(e.getBookedAt()).isEqualTo(approved);
      assertThat(e.getReversesSourceId()).isNull();
      assertThat(e.getDescription()).contains("PSP_TXN rec-1").contains("150 EUR");
    }

    @Test
    void negativePspTransactionSwapsSides() {
      assertThat(lines(writeOff(RecordKind.PSP_TXN, -150, "EUR", "adyen", null)))
          .containsExactly("Dr psp_receivable:adyen 150 EUR", "Cr write_offs 150 EUR");
    }

    @Test
    void pspTransactionWithoutPspParksTheCounterSideInSuspenseAndSaysWhy() {
      JournalEntry e = writeOff(RecordKind.PSP_TXN, 150, "EUR", null, null);
      assertThat(lines(e)).containsExactly("Dr write_offs 150 EUR", "Cr suspense 150 EUR");
      assertThat(e.getDescription()).contains("no psp").contains("suspense");
      assertThat(lines(writeOff(RecordKind.PSP_TXN, -150, "EUR", null, null)))
          .containsExactly("Dr suspense 150 EUR", "Cr write_offs 150 EUR");
    }

    @Test
    void payoutLeavesTransitAndANegativeOneSwapsSides() {
      assertThat(lines(writeOff(RecordKind.PAYOUT, 900, "USD", "adyen", null)))
          .containsExactly("Dr write_offs 900 USD", "Cr bank_in_transit 900 USD");
      assertThat(lines(writeOff(RecordKind.PAYOUT, -900, "USD", null, null)))
          .containsExactly("Dr bank_in_transit 900 USD", "Cr write_offs 900 USD");
    }

    @Test
    void creditBankLineDebitsTheBankAndADebitLineCreditsIt() {
      assertThat(lines(writeOff(RecordKind.BANK_LINE, 420, "GBP", null, "acct-1")))
          .containsExactly("Dr bank:acct-1 420 GBP", "Cr write_offs 420 GBP");
      assertThat(lines(writeOff(RecordKind.BANK_LINE, -420, "GBP", null, "acct-1")))
          .containsExactly("Dr write_offs 420 GBP", "Cr bank:acct-1 420 GBP");
    }

    @Test
    void bankLineWithoutAccountParksTheBankSideInSuspense() {
      JournalEntry e = writeOff(RecordKind.BANK_LINE, 420, "GBP", null, null);
      assertThat(lines(e)).containsExactly("Dr suspense 420 GBP", "Cr write_offs 420 GBP");
      assertThat(e.getDescription()).contains("no bank_account");
      assertThat(lines(writeOff(RecordKind.BANK_LINE, -420, "GBP", null, null)))
          .containsExactly("Dr write_offs 420 GBP", "Cr suspense 420 GBP");
    }

    @Test
    void anExpectationIsNeverOnTheLedger() {
      assertThat(writeOffEntries(RecordKind.EXPECTED, 500)).isEmpty();
      assertThat(writeOffEntries(RecordKind.EXPECTED, -500)).isEmpty();
    }

    @Test
    void zeroBooksNothingWhateverTheKind() {
      for (RecordKind kind :
          List.of(
              RecordKind.PSP_TXN, RecordKind.PAYOUT, RecordKind.BANK_LINE, RecordKind.EXPECTED)) {
        assertThat(writeOffEntries(kind, 0)).as(kind.name()).isEmpty();
      }
    }

    @Test
    void sameDecisionSameEntry() {
      assertThat(writeOff(RecordKind.PAYOUT, 900, "USD", "adyen", null))
          .isEqualTo(writeOff(RecordKind.PAYOUT, 900, "USD", "adyen", null));
    }

    @Test
    void malformedWriteOffs() {
      assertThatThrownBy(() -> writeOffEntries(RecordKind.UNKNOWN, 5))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown kind");
      assertThatThrownBy(() -> writeOff(RecordKind.PSP_TXN, 5, "eur", "adyen", null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("currency");
      assertThatThrownBy(() -> writeOff(RecordKind.PSP_TXN, 5, "EUR", "ad yen", null))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () -> writeOffEntries(RecordKind.PAYOUT, PostingRules.MAX_ABS_AMOUNT_MINOR + 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("amount_minor");
      Match two =
          MatchFixtures.writeOff(T, "m-wo", approved, RecordKind.PAYOUT, "p", 1, "EUR", null, null);
      two.setMembers(List.of(two.getMembers().get(0), two.getMembers().get(0)));
      assertThatThrownBy(() -> PostingRules.entriesFor(two))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("exactly 1 member");
    }

    @Test
    void aManualMatchWithAnotherRuleStillBooksByItsShape() {
      Match notAWriteOff =
          match(
              T,
              "M:wo",
              MatchLevel.MANUAL,
              expected("o1", 100, "EUR"),
              pspTxn("c1", "CAPTURE", 100, 0, "EUR", "adyen"));
      assertThat(single(notAWriteOff).getSourceKind()).isEqualTo("MATCH_MANUAL");
    }
  }

  @Nested
  class Unmatch {

    private final Instant approved = Instant.parse("2024-04-03T11:00:00Z");

    @Test
    void becomesAReversalMarkerWithoutPostings() {
      JournalEntry e = single(MatchFixtures.unmatch(T, "m-un", approved, "L1:c1"));
      assertThat(e.getSourceKind()).isEqualTo("REVERSAL");
      assertThat(e.getSourceId()).isEqualTo("m-un");
      assertThat(e.getReversesSourceId()).isEqualTo("L1:c1");
      assertThat(e.getEntryId()).isEqualTo(EntryIds.entryId(T, "REVERSAL", "m-un"));
      assertThat(e.getBookedAt()).isEqualTo(approved);
      assertThat(e.getPostings()).isEmpty();
      assertThat(JournalEntryInvariants.isReversal(e)).isTrue();
      assertThat(single(MatchFixtures.unmatch(T, "m-un", approved, "L1:c1"))).isEqualTo(e);
    }

    @Test
    void twoUnmatchesOfOneMatchAreTwoMarkersTheLedgerTellsApart() {
      JournalEntry first = single(MatchFixtures.unmatch(T, "m-un-1", approved, "L1:c1"));
      JournalEntry second = single(MatchFixtures.unmatch(T, "m-un-2", approved, "L1:c1"));
      assertThat(second.getEntryId()).isNotEqualTo(first.getEntryId());
      assertThat(second.getReversesSourceId()).isEqualTo(first.getReversesSourceId());
    }

    @Test
    void malformedUnmatches() {
      Match self = MatchFixtures.unmatch(T, "m-un", approved, "m-un");
      assertThatThrownBy(() -> PostingRules.entriesFor(self))
          .isInstanceOf(IllegalArgumentException.class);
      String tooLong = "m".repeat(JournalEntryInvariants.MAX_SOURCE_ID_LENGTH + 1);
      assertThatThrownBy(
              () -> PostingRules.entriesFor(MatchFixtures.unmatch(T, "m-un", approved, tooLong)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () -> PostingRules.entriesFor(MatchFixtures.unmatch(T, "m-un", approved, "")))
          .isInstanceOf(IllegalArgumentException.class);
      Match notUnknown = MatchFixtures.unmatch(T, "m-un", approved, "L1:c1");
      notUnknown.getMembers().get(0).setRecordKind(RecordKind.PSP_TXN);
      assertThatThrownBy(() -> PostingRules.entriesFor(notUnknown))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("UNKNOWN");
      Match two = MatchFixtures.unmatch(T, "m-un", approved, "L1:c1");
      two.setMembers(List.of(two.getMembers().get(0), two.getMembers().get(0)));
      assertThatThrownBy(() -> PostingRules.entriesFor(two))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
