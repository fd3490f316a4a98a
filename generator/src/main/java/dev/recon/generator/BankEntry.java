package dev.recon.generator;

import dev.recon.schemas.RecordKind;
import java.time.LocalDate;

/**
 * One bank statement entry; {@code lineId} is its AcctSvcrRef, which is the BANK_LINE record id.
 * Amount credit +, debit -.
 */
public record BankEntry(
    String lineId, String currency, long amountMinor, LocalDate valueDate, String remittance) {

  public RecordRef ref() {
    return new RecordRef(RecordKind.BANK_LINE, lineId);
  }
}
