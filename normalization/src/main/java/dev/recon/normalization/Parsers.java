package dev.recon.normalization;

import dev.recon.normalization.adyen.AdyenSettlementDetailParser;
import dev.recon.normalization.bai2.Bai2Parser;
import dev.recon.normalization.camt053.Camt053Parser;
import dev.recon.normalization.expected.ExpectedPaymentsCsvParser;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.normalization.format.RecordParser;
import dev.recon.normalization.mt940.Mt940Parser;
import dev.recon.normalization.paypal.PaypalSettlementReportParser;
import dev.recon.normalization.stripe.StripeItemizedReportParser;

/** The registry of parsers: one per format. */
public final class Parsers {
  private Parsers() {}

  public static RecordParser forFormat(Format format) {
    return forFormat(format, ParserLimits.DEFAULT);
  }

  public static RecordParser forFormat(Format format, ParserLimits limits) {
    return switch (format) {
      case EXPECTED_PAYMENTS_CSV -> new ExpectedPaymentsCsvParser(limits);
      case ADYEN_SETTLEMENT_DETAIL -> new AdyenSettlementDetailParser(limits);
      case CAMT_053 -> new Camt053Parser(limits);
      case STRIPE_ITEMIZED -> new StripeItemizedReportParser(limits);
      case MT940 -> new Mt940Parser(limits);
      case BAI2 -> new Bai2Parser(limits);
      case PAYPAL_STL -> new PaypalSettlementReportParser(limits);
    };
  }
}
