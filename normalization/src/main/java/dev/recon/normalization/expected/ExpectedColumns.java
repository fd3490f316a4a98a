package dev.recon.normalization.expected;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Column names of the expected-payments CSV contract (DESIGN.md, "Expected-payments CSV"). */
final class ExpectedColumns {
  static final String EXPECTED_ID = "expected_id";
  static final String MERCHANT_REFERENCE = "merchant_reference";
  static final String PSP = "psp";
  static final String AMOUNT = "amount";
  static final String CURRENCY = "currency";
  static final String EXPECTED_AT = "expected_at";
  static final String AMOUNT_MIN = "amount_min";
  static final String AMOUNT_MAX = "amount_max";
  static final String EXPECTED_FROM = "expected_from";
  static final String EXPECTED_TO = "expected_to";
  static final String PSP_REFERENCE = "psp_reference";
  static final String CUSTOMER_ID = "customer_id";
  static final String DESCRIPTION = "description";

  static final List<String> REQUIRED =
      List.of(EXPECTED_ID, MERCHANT_REFERENCE, PSP, AMOUNT, CURRENCY, EXPECTED_AT);

  private static final Set<String> KNOWN =
      Set.of(
          EXPECTED_ID,
          MERCHANT_REFERENCE,
          PSP,
          AMOUNT,
          CURRENCY,
          EXPECTED_AT,
          AMOUNT_MIN,
          AMOUNT_MAX,
          EXPECTED_FROM,
          EXPECTED_TO,
          PSP_REFERENCE,
          CUSTOMER_ID,
          DESCRIPTION);

  private ExpectedColumns() {}

  /** Columns outside the contract are the tenant's own and travel as metadata. */
  static boolean isKnown(String headerName) {
    return KNOWN.contains(headerName.strip().toLowerCase(Locale.ROOT));
  }
}
