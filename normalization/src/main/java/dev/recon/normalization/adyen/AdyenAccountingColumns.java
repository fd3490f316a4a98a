package dev.recon.normalization.adyen;

import java.util.List;

/**
 * Column names of Adyen's "Payment accounting report": one row per status change of a payment, with
 * movements between registers (Received, Authorised, Captured in payment currency; Payable and
 * costs in settlement currency). Columns are selectable, so rows bind by name.
 */
final class AdyenAccountingColumns {
  static final String PSP_REFERENCE = "Psp Reference";
  static final String MERCHANT_REFERENCE = "Merchant Reference";
  static final String MERCHANT_ACCOUNT = "Merchant Account";
  static final String PAYMENT_METHOD = "Payment Method";
  static final String BOOKING_DATE = "Booking Date";
  static final String TIME_ZONE = "TimeZone";
  static final String RECORD_TYPE = "Record Type";
  static final String MAIN_CURRENCY = "Main Currency";
  static final String MAIN_AMOUNT = "Main Amount";
  static final String SETTLEMENT_CURRENCY = "Settlement Currency";
  static final String PAYABLE = "Payable (SC)";
  static final String COMMISSION = "Commission (SC)";
  static final String MARKUP = "Markup (SC)";
  static final String SCHEME_FEES = "Scheme Fees (SC)";
  static final String INTERCHANGE = "Interchange (SC)";
  static final String MODIFICATION_PSP_REFERENCE = "Modification Psp Reference";
  static final String MODIFICATION_REFERENCE = "Modification Reference";
  static final String MODIFICATION_MERCHANT_REFERENCE = "Modification Merchant Reference";
  static final String BATCH_NUMBER = "Batch Number";

  /** Costs in settlement currency; which are filled depends on the pricing model. */
  static final List<String> FEES = List.of(COMMISSION, MARKUP, SCHEME_FEES, INTERCHANGE);

  static final List<String> REQUIRED =
      List.of(PSP_REFERENCE, BOOKING_DATE, TIME_ZONE, RECORD_TYPE, SETTLEMENT_CURRENCY, PAYABLE);

  private AdyenAccountingColumns() {}
}
