package dev.recon.normalization.paypal;

import java.util.List;

/** Names in the CH column-header record of PayPal's Settlement report; body rows bind by them. */
final class PaypalColumns {
  static final String TRANSACTION_ID = "Transaction ID";
  static final String INVOICE_ID = "Invoice ID";
  static final String PAYPAL_REFERENCE_ID = "PayPal Reference ID";
  static final String PAYPAL_REFERENCE_ID_TYPE = "PayPal Reference ID Type";
  static final String EVENT_CODE = "Transaction Event Code";
  static final String INITIATION_DATE = "Transaction Initiation Date";
  static final String GROSS_DEBIT_OR_CREDIT = "Transaction Debit or Credit";
  static final String GROSS_AMOUNT = "Gross Transaction Amount";
  static final String GROSS_CURRENCY = "Gross Transaction Currency";
  static final String FEE_DEBIT_OR_CREDIT = "Fee Debit or Credit";
  static final String FEE_AMOUNT = "Fee Amount";
  static final String FEE_CURRENCY = "Fee Currency";
  static final String CUSTOM_FIELD = "Custom Field";
  static final String BANK_REFERENCE_ID = "Bank Reference ID";

  /** Transaction Detail report only: S completed, P pending, D denied, V reversed, F refunded. */
  static final String TRANSACTIONAL_STATUS = "Transactional Status";

  static final List<String> REQUIRED =
      List.of(
          TRANSACTION_ID,
          EVENT_CODE,
          INITIATION_DATE,
          GROSS_DEBIT_OR_CREDIT,
          GROSS_AMOUNT,
          GROSS_CURRENCY);

  /** The Transaction Detail report (TRR) adds the status of each transaction. */
  static final List<String> REQUIRED_TRR =
      List.of(
          TRANSACTION_ID,
          EVENT_CODE,
          INITIATION_DATE,
          GROSS_DEBIT_OR_CREDIT,
          GROSS_AMOUNT,
          GROSS_CURRENCY,
          TRANSACTIONAL_STATUS);

  private PaypalColumns() {}
}
