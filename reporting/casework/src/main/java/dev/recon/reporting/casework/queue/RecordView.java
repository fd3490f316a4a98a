package dev.recon.reporting.casework.queue;

import dev.recon.schemas.RecordKind;
import java.time.LocalDate;

/**
 * A canonical record as stored, with its Avro JSON.
 *
 * @param recordType CAPTURE, REFUND, ... or CREDIT/DEBIT for bank lines; null for expectations
 */
public record RecordView(
    RecordKind recordKind,
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
    String canonicalJson) {

  public String recordRef() {
    return recordKind.name() + ":" + recordId;
  }
}
