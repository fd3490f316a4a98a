package dev.recon.reporting.casework;

import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One row of {@code casework.canonical_records}: the fields of recon inspect's view (amount in its
 * sign convention, fee, event date) plus where the record came from.
 *
 * @param recordType CAPTURE, REFUND, ... for PSP rows and payouts, CREDIT/DEBIT for bank lines
 * @param reference what a user searches for: PSP reference, merchant reference or bank reference
 */
record CanonicalRow(
    RecordKind kind,
    String recordId,
    String recordType,
    String psp,
    String bankAccount,
    String reference,
    long amountMinor,
    String currency,
    long feeMinor,
    String feeCurrency,
    LocalDate eventDate,
    Provenance provenance,
    String canonicalJson) {

  static CanonicalRow of(ExpectedPayment p) {
    return new CanonicalRow(
        RecordKind.EXPECTED,
        p.getExpectedId(),
        null,
        p.getPsp(),
        null,
        p.getMerchantReference(),
        p.getAmountMinor(),
        p.getCurrency(),
        0,
        null,
        utcDate(p.getExpectedAt()),
        p.getProvenance(),
        CanonicalJson.of(p));
  }

  /** A PSP row carries its gross; a payout the amount sent to the bank (its net). */
  static CanonicalRow of(PaymentEvent e) {
    boolean payout = e.getRecordKind() == RecordKind.PAYOUT;
    String reference = e.getPspReference() != null ? e.getPspReference() : e.getMerchantReference();
    if (payout && e.getBankReference() != null) {
      reference = e.getBankReference();
    }
    if (e.getRecordKind() != RecordKind.PSP_TXN && !payout) {
      throw new IllegalArgumentException(
          "payment event " + e.getEventId() + " has record kind " + e.getRecordKind());
    }
    return new CanonicalRow(
        e.getRecordKind(),
        e.getEventId(),
        e.getType().name(),
        e.getPsp(),
        null,
        reference,
        payout ? e.getNetMinor() : e.getGrossMinor(),
        payout ? e.getNetCurrency() : e.getGrossCurrency(),
        payout ? 0 : e.getFeeMinor(),
        payout ? null : e.getNetCurrency(),
        utcDate(e.getEventTime()),
        e.getProvenance(),
        CanonicalJson.of(e));
  }

  static CanonicalRow of(BankLine line) {
    String reference =
        !line.getReferences().isEmpty() ? line.getReferences().get(0) : line.getRemittanceInfo();
    return new CanonicalRow(
        RecordKind.BANK_LINE,
        line.getLineId(),
        line.getAmountMinor() < 0 ? "DEBIT" : "CREDIT",
        null,
        line.getBankAccount(),
        reference,
        line.getAmountMinor(),
        line.getCurrency(),
        0,
        null,
        line.getBookingDate(),
        line.getProvenance(),
        CanonicalJson.of(line));
  }

  private static LocalDate utcDate(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
