package dev.recon.normalization.format;

import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.RecordKind;
import org.apache.avro.specific.SpecificRecord;

/**
 * The identity and amount of any canonical record, with the ids and signs of the {@code recon
 * inspect} contract: PSP_TXN gross as it changes what the PSP owes, PAYOUT as sent to the bank,
 * BANK_LINE credit positive, EXPECTED as expected.
 */
public record CanonicalSummary(
    RecordKind recordKind, String recordId, String currency, long amountMinor, int line) {

  public static CanonicalSummary of(SpecificRecord record) {
    if (record instanceof PaymentEvent e) {
      return new CanonicalSummary(
          e.getRecordKind(),
          e.getEventId(),
          e.getGrossCurrency(),
          e.getGrossMinor(),
          e.getProvenance().getLine());
    }
    if (record instanceof ExpectedPayment x) {
      return new CanonicalSummary(
          RecordKind.EXPECTED,
          x.getExpectedId(),
          x.getCurrency(),
          x.getAmountMinor(),
          x.getProvenance().getLine());
    }
    if (record instanceof BankLine b) {
      return new CanonicalSummary(
          RecordKind.BANK_LINE,
          b.getLineId(),
          b.getCurrency(),
          b.getAmountMinor(),
          b.getProvenance().getLine());
    }
    throw new IllegalArgumentException(
        "not a canonical record: " + (record == null ? "null" : record.getClass().getName()));
  }
}
