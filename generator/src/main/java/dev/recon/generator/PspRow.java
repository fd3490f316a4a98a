package dev.recon.generator;

import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of a PSP report: a capture, refund, chargeback, reversal or cost row (PSP_TXN), or a
 * payout (PAYOUT). {@code id} is the record id the parser derives from the row, which is what
 * matches.csv names.
 *
 * @param pspReference Adyen: the payment's PSP reference; Stripe: the charge id
 * @param ownReference Adyen: the modification reference; Stripe: the source id
 * @param balanceTransaction Stripe's balance transaction id (empty for Adyen)
 * @param paymentIntent Stripe's payment intent id (empty for Adyen)
 * @param grossMinor signed as it changes what the PSP owes the tenant; for a payout, the amount
 *     sent to the bank
 * @param batch Adyen batch number or Stripe payout id (empty until settled)
 * @param bankReference what the bank statement will show for a payout (Adyen; empty otherwise)
 */
public record PspRow(
    String psp,
    PaymentEventType type,
    String typeText,
    String id,
    String pspReference,
    String ownReference,
    String balanceTransaction,
    String paymentIntent,
    String merchantReference,
    long grossMinor,
    long feeMinor,
    String currency,
    Instant at,
    String batch,
    String bankReference) {

  public PspRow {
    Objects.requireNonNull(psp, "psp");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(at, "at");
  }

  public long netMinor() {
    return grossMinor - feeMinor;
  }

  public RecordKind kind() {
    return type == PaymentEventType.PAYOUT ? RecordKind.PAYOUT : RecordKind.PSP_TXN;
  }

  public RecordRef ref() {
    return new RecordRef(kind(), id);
  }

  PspRow inBatch(String batchId) {
    return new PspRow(
        psp,
        type,
        typeText,
        id,
        pspReference,
        ownReference,
        balanceTransaction,
        paymentIntent,
        merchantReference,
        grossMinor,
        feeMinor,
        currency,
        at,
        batchId,
        bankReference);
  }
}
