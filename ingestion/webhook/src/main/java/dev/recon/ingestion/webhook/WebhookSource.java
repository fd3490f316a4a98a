package dev.recon.ingestion.webhook;

import dev.recon.ingestion.webhook.config.PspWebhook;

/**
 * The provenance source of a webhook's raw record: {@code webhook:<psp>}, or {@code
 * webhook:<psp>:unconfirmed} for callbacks whose scheme is not confirmed on receipt (MTN MoMo,
 * Airtel). Downstream, a record from an unconfirmed source must not count until a status poll of
 * the provider confirms the payment it reports.
 */
public final class WebhookSource {

  public static final String PREFIX = "webhook:";
  public static final String UNCONFIRMED_SUFFIX = ":unconfirmed";

  private WebhookSource() {}

  public static String of(PspWebhook psp) {
    String source = PREFIX + psp.psp();
    return psp.scheme().confirmedOnReceipt() ? source : source + UNCONFIRMED_SUFFIX;
  }

  public static boolean isUnconfirmed(String source) {
    return source != null && source.startsWith(PREFIX) && source.endsWith(UNCONFIRMED_SUFFIX);
  }
}
