package dev.recon.normalization;

import dev.recon.normalization.adyen.AdyenNotificationParser;
import dev.recon.normalization.adyen.AdyenPaymentsAccountingParser;
import dev.recon.normalization.adyen.AdyenSettlementDetailParser;
import dev.recon.normalization.bai2.Bai2Parser;
import dev.recon.normalization.camt053.Camt053Parser;
import dev.recon.normalization.expected.ExpectedPaymentsCsvParser;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.normalization.format.RecordParser;
import dev.recon.normalization.mobilemoney.MobileMoneyStatusParser;
import dev.recon.normalization.mt940.Mt940Parser;
import dev.recon.normalization.paypal.PaypalSettlementReportParser;
import dev.recon.normalization.paypal.PaypalTransactionDetailParser;
import dev.recon.normalization.stripe.StripeBalanceHistoryParser;
import dev.recon.normalization.stripe.StripeItemizedReportParser;
import dev.recon.normalization.stripe.StripeWebhookEventParser;

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
      case PAYPAL_TRR -> new PaypalTransactionDetailParser(limits);
      case STRIPE_WEBHOOK -> new StripeWebhookEventParser(limits);
      case STRIPE_BALANCE_HISTORY -> new StripeBalanceHistoryParser(limits);
      case ADYEN_WEBHOOK -> new AdyenNotificationParser(limits);
      case ADYEN_PAYMENTS_ACCOUNTING -> new AdyenPaymentsAccountingParser(limits);
      case MTN_MOMO -> MobileMoneyStatusParser.mtnMomo(limits);
      case AIRTEL_MONEY -> MobileMoneyStatusParser.airtelMoney(limits);
      case ZAMTEL_KWACHA -> MobileMoneyStatusParser.zamtelKwacha(limits);
    };
  }
}
