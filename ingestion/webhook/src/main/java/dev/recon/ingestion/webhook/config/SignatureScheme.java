package dev.recon.ingestion.webhook.config;

/**
 * How a PSP proves that a webhook came from it, and whether its word is final. Mobile-money
 * callbacks (MTN MoMo, Airtel) are unsigned or only optionally hashed, so what they say counts only
 * after a status poll of the provider's API confirms it.
 */
public enum SignatureScheme {
  /** {@code Stripe-Signature: t=..,v1=..}: HMAC-SHA256 hex over {@code t + "." + body}. */
  STRIPE(true, true, "stripe-webhook"),
  /** HMAC-SHA256 (hex key, base64 tag) inside each notification item. */
  ADYEN(true, true, null),
  /** {@code X-Signature: sha256=<hex>} over the body, optionally with a timestamp header. */
  GENERIC_HMAC(true, true, null),
  /** MTN MoMo callbacks: unsigned, or hashed like GENERIC_HMAC when a secret is configured. */
  MTN_MOMO(false, false, null),
  /** Airtel Money callbacks: unsigned, or hashed like GENERIC_HMAC when a secret is configured. */
  AIRTEL(false, false, null);

  private final boolean secretRequired;
  private final boolean confirmedOnReceipt;
  private final String formatHint;

  SignatureScheme(boolean secretRequired, boolean confirmedOnReceipt, String formatHint) {
    this.secretRequired = secretRequired;
    this.confirmedOnReceipt = confirmedOnReceipt;
    this.formatHint = formatHint;
  }

  /** Whether a configuration without a secret reference is an error. */
  public boolean secretRequired() {
    return secretRequired;
  }

  /**
   * False when the callback is only a hint: its records are published under an unconfirmed source
   * and count only once a status poll confirms them.
   */
  public boolean confirmedOnReceipt() {
    return confirmedOnReceipt;
  }

  /** The RawRecord format hint (a normalization format name), or null to let it detect. */
  public String formatHint() {
    return formatHint;
  }
}
