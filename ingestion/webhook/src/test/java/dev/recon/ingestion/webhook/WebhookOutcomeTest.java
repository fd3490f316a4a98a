package dev.recon.ingestion.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ingestion.store.AuditOutcome;
import dev.recon.ingestion.webhook.config.PspWebhook;
import dev.recon.ingestion.webhook.config.SignatureScheme;
import dev.recon.ingestion.webhook.signature.SignatureVerdict;
import dev.recon.ingestion.webhook.signature.SignatureVerdict.Kind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WebhookOutcomeTest {

  @Test
  void onlyAcceptedAndDuplicateAreAcknowledged() {
    assertThat(Arrays.stream(WebhookOutcome.values()).filter(WebhookOutcome::acknowledged))
        .containsExactlyInAnyOrder(WebhookOutcome.ACCEPTED, WebhookOutcome.DUPLICATE);
  }

  @Test
  void statusesAreThoseThePspsExpect() {
    assertThat(WebhookOutcome.SIGNATURE_INVALID.status()).isEqualTo(401);
    assertThat(WebhookOutcome.TIMESTAMP_STALE.status()).isEqualTo(401);
    assertThat(WebhookOutcome.SIGNATURE_MISSING.status()).isEqualTo(401);
    assertThat(WebhookOutcome.UNKNOWN_TENANT.status()).isEqualTo(404);
    assertThat(WebhookOutcome.UNKNOWN_PSP.status()).isEqualTo(404);
    assertThat(WebhookOutcome.METHOD_NOT_ALLOWED.status()).isEqualTo(405);
    assertThat(WebhookOutcome.BODY_TOO_LARGE.status()).isEqualTo(413);
    assertThat(WebhookOutcome.UNSUPPORTED_MEDIA_TYPE.status()).isEqualTo(415);
    assertThat(WebhookOutcome.RATE_LIMITED.status()).isEqualTo(429);
    assertThat(WebhookOutcome.PUBLISH_FAILED.status()).isEqualTo(503);
    assertThat(WebhookOutcome.SECRET_UNAVAILABLE.status()).isEqualTo(503);
    assertThat(WebhookOutcome.STORE_UNAVAILABLE.status()).isEqualTo(503);
  }

  @Test
  void refusalsAreAuditedAsRejectedAndInfrastructureAsFailed() {
    for (WebhookOutcome outcome : WebhookOutcome.values()) {
      if (outcome.status() >= 500) {
        assertThat(outcome.audit()).isEqualTo(AuditOutcome.FAILED);
      } else if (outcome.status() >= 400) {
        assertThat(outcome.audit()).isEqualTo(AuditOutcome.REJECTED);
      }
    }
  }

  @Test
  void theReplyNeverSaysWhichSignatureCheckFailed() {
    assertThat(WebhookOutcome.TIMESTAMP_STALE.publicReason())
        .isEqualTo(WebhookOutcome.SIGNATURE_INVALID.publicReason());
  }

  @Test
  void signatureVerdictsMapToOutcomes() {
    assertThat(DeliverySignatures.outcomeOf(SignatureVerdict.refused(Kind.MISSING, "x")))
        .isEqualTo(WebhookOutcome.SIGNATURE_MISSING);
    assertThat(DeliverySignatures.outcomeOf(SignatureVerdict.refused(Kind.MALFORMED, "x")))
        .isEqualTo(WebhookOutcome.SIGNATURE_INVALID);
    assertThat(DeliverySignatures.outcomeOf(SignatureVerdict.refused(Kind.MISMATCH, "x")))
        .isEqualTo(WebhookOutcome.SIGNATURE_INVALID);
    assertThat(DeliverySignatures.outcomeOf(SignatureVerdict.refused(Kind.STALE_TIMESTAMP, "x")))
        .isEqualTo(WebhookOutcome.TIMESTAMP_STALE);
  }

  @Test
  void onlyJsonIsAccepted() {
    assertThat(WebhookReceiver.isJson("application/json")).isTrue();
    assertThat(WebhookReceiver.isJson("Application/JSON; charset=utf-8")).isTrue();
    assertThat(WebhookReceiver.isJson("text/plain")).isFalse();
    assertThat(WebhookReceiver.isJson("application/jsonp")).isFalse();
    assertThat(WebhookReceiver.isJson(null)).isFalse();
  }

  @Test
  void urlPartsAreMaskedAndClippedForTheAudit() {
    assertThat(WebhookReceiver.masked("acme-1.x_y")).isEqualTo("acme-1.x_y");
    assertThat(WebhookReceiver.masked("a'; drop\n")).isEqualTo("a???drop?");
    assertThat(WebhookReceiver.masked("a".repeat(500)))
        .hasSize(WebhookReceiver.MAX_SUBJECT_PART_CHARS + 1)
        .endsWith("…");
  }

  @Test
  void mobileMoneyCallbacksArePublishedUnconfirmed() {
    assertThat(WebhookSource.of(PspWebhook.of("mtn-momo", SignatureScheme.MTN_MOMO)))
        .isEqualTo("webhook:mtn-momo:unconfirmed");
    assertThat(WebhookSource.of(PspWebhook.of("airtel", SignatureScheme.AIRTEL, "env:A")))
        .isEqualTo("webhook:airtel:unconfirmed");
    assertThat(WebhookSource.of(PspWebhook.of("stripe", SignatureScheme.STRIPE, "env:S")))
        .isEqualTo("webhook:stripe");
    assertThat(WebhookSource.isUnconfirmed("webhook:mtn-momo:unconfirmed")).isTrue();
    assertThat(WebhookSource.isUnconfirmed("webhook:stripe")).isFalse();
  }
}
