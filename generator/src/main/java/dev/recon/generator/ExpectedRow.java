package dev.recon.generator;

import dev.recon.schemas.RecordKind;
import java.time.LocalDate;

/** One row of the tenant's expected-payments CSV: an order its shop system says will be paid. */
public record ExpectedRow(
    String expectedId,
    String merchantReference,
    String psp,
    long amountMinor,
    String currency,
    LocalDate expectedAt,
    String pspReference,
    String customerId) {

  public RecordRef ref() {
    return new RecordRef(RecordKind.EXPECTED, expectedId);
  }
}
