package dev.recon.matching.job;

import dev.recon.matching.cash.CashKey;
import dev.recon.matching.exact.ExactMatchKey;
import dev.recon.matching.exact.ExactMatchRule;
import dev.recon.matching.link.LinkKey;
import dev.recon.matching.link.OriginalLinkRule;
import dev.recon.matching.model.MatchKey;
import dev.recon.matching.model.PspTransaction;
import dev.recon.matching.model.StatementLine;
import dev.recon.matching.settlement.SettlementKey;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.ManualDecision;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.RecordKind;

/** Keys of the Avro inputs at each level, and which inputs take part in which level. */
final class InputKeys {

  private static final char KEY_SEPARATOR = '\u001f';

  private InputKeys() {}

  static String expectedByReference(ExpectedPayment e) {
    return ExactMatchKey.of(
        e.getProvenance().getTenantId(),
        e.getMerchantReference(),
        RecordKind.EXPECTED,
        e.getExpectedId());
  }

  static String captureByReference(PaymentEvent capture) {
    return ExactMatchKey.of(
        capture.getProvenance().getTenantId(),
        capture.getMerchantReference(),
        RecordKind.PSP_TXN,
        capture.getEventId());
  }

  static String batchMember(PaymentEvent e) {
    return SettlementKey.of(
        e.getProvenance().getTenantId(), e.getPsp(), e.getBatchId(), e.getNetCurrency());
  }

  static String payoutByAmount(PaymentEvent payout) {
    return CashKey.of(
        payout.getProvenance().getTenantId(), payout.getNetCurrency(), payout.getNetMinor());
  }

  static String bankLineByAmount(BankLine line) {
    return CashKey.of(
        line.getProvenance().getTenantId(), line.getCurrency(), line.getAmountMinor());
  }

  static String linkByOriginal(PaymentEvent e) {
    return LinkKey.of(PspTransaction.from(e));
  }

  static boolean takesPartInLink(PaymentEvent e) {
    return e.getRecordKind() == RecordKind.PSP_TXN && OriginalLinkRule.takesPart(e.getType());
  }

  /** L4 leftovers meet per tenant and currency: a fee or an aggregation changes the amount. */
  static String cashLeftover(L4Leftover l) {
    return MatchKey.of(l.tenantId(), l.currency());
  }

  static boolean isCapture(PaymentEvent e) {
    return e.getRecordKind() == RecordKind.PSP_TXN && ExactMatchRule.takesPart(e.getType());
  }

  static boolean inSettlementBatch(PaymentEvent e) {
    return (e.getRecordKind() == RecordKind.PSP_TXN || e.getRecordKind() == RecordKind.PAYOUT)
        && SettlementKey.hasBatch(e.getBatchId());
  }

  static boolean isPayout(PaymentEvent e) {
    return e.getRecordKind() == RecordKind.PAYOUT;
  }

  /** Tenant + decision id: every step of one decision meets its proposal. */
  static String decision(ManualDecision d) {
    return d.getTenantId() + KEY_SEPARATOR + d.getDecisionId();
  }

  static long decidedAt(ManualDecision d, long previousTimestamp) {
    return d.getDecidedAt().toEpochMilli();
  }

  static long eventTime(ExpectedPayment e, long previousTimestamp) {
    return e.getExpectedAt().toEpochMilli();
  }

  static long eventTime(PaymentEvent e, long previousTimestamp) {
    return e.getEventTime().toEpochMilli();
  }

  static long eventTime(BankLine line, long previousTimestamp) {
    return StatementLine.eventTimeOf(line.getBookingDate()).toEpochMilli();
  }
}
