package dev.recon.ingestion.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recon.ingestion.secret.Secret;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.secret.SecretUnavailableException;
import dev.recon.ingestion.webhook.config.PspWebhook;
import dev.recon.ingestion.webhook.config.SignatureScheme;
import dev.recon.ingestion.webhook.signature.AdyenSignature;
import dev.recon.ingestion.webhook.signature.HeaderHmacSignature;
import dev.recon.ingestion.webhook.signature.SignatureVerdict;
import dev.recon.ingestion.webhook.signature.StripeSignature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the PSP's signature scheme for a delivery and the key material it verifies with. */
final class DeliverySignatures {
  private static final Logger LOG = LoggerFactory.getLogger(DeliverySignatures.class);

  private DeliverySignatures() {}

  /** Checks the delivery's signature the way its PSP's scheme prescribes. */
  static SignatureVerdict verify(
      WebhookRequest request,
      PspWebhook psp,
      byte[] body,
      Optional<JsonNode> json,
      List<byte[]> keys,
      Instant now) {
    return switch (psp.scheme()) {
      case STRIPE ->
          StripeSignature.verify(request.header(StripeSignature.HEADER), body, keys, now);
      case ADYEN ->
          json.map(n -> AdyenSignature.verify(n, keys))
              .orElse(
                  SignatureVerdict.refused(
                      SignatureVerdict.Kind.MALFORMED, "body is not a JSON object"));
      case GENERIC_HMAC -> headerHmac(request, body, keys, now, psp.requireTimestamp());
      // Unsigned unless the tenant configured a secret; the record is unconfirmed either way.
      case MTN_MOMO, AIRTEL ->
          keys.isEmpty() ? SignatureVerdict.VALID : headerHmac(request, body, keys, now, false);
    };
  }

  private static SignatureVerdict headerHmac(
      WebhookRequest request,
      byte[] body,
      List<byte[]> keys,
      Instant now,
      boolean requireTimestamp) {
    return HeaderHmacSignature.verify(
        request.header(HeaderHmacSignature.SIGNATURE_HEADER),
        request.header(HeaderHmacSignature.TIMESTAMP_HEADER),
        body,
        keys,
        now,
        requireTimestamp);
  }

  static WebhookOutcome outcomeOf(SignatureVerdict verdict) {
    return switch (verdict.kind()) {
      case VALID -> WebhookOutcome.ACCEPTED;
      case MISSING -> WebhookOutcome.SIGNATURE_MISSING;
      case MALFORMED, MISMATCH -> WebhookOutcome.SIGNATURE_INVALID;
      case STALE_TIMESTAMP -> WebhookOutcome.TIMESTAMP_STALE;
    };
  }

  /**
   * The key bytes of every resolvable secret reference (re-read once the resolver's cache expires,
   * which is how a rotation takes effect).
   *
   * @throws SecretUnavailableException when references are configured and none resolves
   * @throws IllegalArgumentException when an Adyen key is not hex
   */
  static List<byte[]> keys(PspWebhook psp, SecretResolver secrets) {
    List<byte[]> keys = new ArrayList<>();
    SecretUnavailableException unavailable = null;
    for (String reference : psp.secretReferences()) {
      try {
        Secret secret = secrets.resolve(reference);
        keys.add(
            psp.scheme() == SignatureScheme.ADYEN
                ? AdyenSignature.keyFromHex(secret.reveal())
                : secret.utf8());
      } catch (SecretUnavailableException e) {
        // One of two references may be gone after a rotation; the other still verifies.
        LOG.warn("webhook secret {} unavailable: {}", reference, e.getMessage());
        unavailable = e;
      }
    }
    if (keys.isEmpty() && unavailable != null) {
      throw unavailable;
    }
    return keys;
  }
}
