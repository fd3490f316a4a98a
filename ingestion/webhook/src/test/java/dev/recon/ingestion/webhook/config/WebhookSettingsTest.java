package dev.recon.ingestion.webhook.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

  static WebhookSettings valid() {
    return new WebhookSettings(
        "127.0.0.1",
        0,
        List.of(
            TenantWebhooks.withDefaults(
                "acme",
                PspWebhook.of("stripe", SignatureScheme.STRIPE, "env:STRIPE_NEW", "env:STRIPE_OLD"),
                PspWebhook.of("adyen", SignatureScheme.ADYEN, "file:/run/secrets/adyen"),
                new PspWebhook(
                    "paypal", SignatureScheme.GENERIC_HMAC, List.of("aws-sm:hooks#pp"), true),
                PspWebhook.of("mtn-momo", SignatureScheme.MTN_MOMO))));
  }

  @Test
  void aValidConfigurationHasNoProblems() {
    assertThat(valid().problems()).isEmpty();
    assertThat(valid().requireValid()).isEqualTo(valid());
  }

  @Test
  void everyProblemIsListedAtOnce() {
    WebhookSettings settings =
        new WebhookSettings(
            " ",
            70_000,
            List.of(
                new TenantWebhooks(
                    "_bad tenant",
                    List.of(
                        PspWebhook.of("Stripe", SignatureScheme.STRIPE),
                        PspWebhook.of("adyen", SignatureScheme.ADYEN, "whsec_pasted_secret"),
                        PspWebhook.of("adyen", SignatureScheme.ADYEN, "env:A"),
                        PspWebhook.of("x", SignatureScheme.GENERIC_HMAC, "env:A", "env:B", "env:C"),
                        new PspWebhook("s2", SignatureScheme.STRIPE, List.of("env:S"), true)),
                    0,
                    TenantWebhooks.MAX_BODY_BYTES_CEILING + 1),
                TenantWebhooks.withDefaults("acme"),
                TenantWebhooks.withDefaults("acme")));
    List<String> problems = settings.problems();
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).contains("host"))
        .anySatisfy(p -> assertThat(p).contains("port"))
        .anySatisfy(p -> assertThat(p).contains("tenant id must match"))
        .anySatisfy(p -> assertThat(p).contains("psp name must match"))
        .anySatisfy(p -> assertThat(p).contains("STRIPE webhooks need a secret reference"))
        .anySatisfy(p -> assertThat(p).contains("secretReferences[0]"))
        .anySatisfy(p -> assertThat(p).contains("psp adyen configured twice"))
        .anySatisfy(p -> assertThat(p).contains("at most 2 secret references"))
        .anySatisfy(p -> assertThat(p).contains("requireTimestamp applies to GENERIC_HMAC only"))
        .anySatisfy(p -> assertThat(p).contains("requestsPerSecond"))
        .anySatisfy(p -> assertThat(p).contains("maxBodyBytes"))
        .anySatisfy(p -> assertThat(p).contains("acme]: no PSP enabled"))
        .anySatisfy(p -> assertThat(p).contains("tenant acme configured twice"));
    assertThat(String.join("\n", problems)).doesNotContain("whsec_pasted_secret");
    assertThatThrownBy(settings::requireValid)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host")
        .hasMessageContaining("tenant acme configured twice");
  }

  @Test
  void noTenantsIsAProblem() {
    assertThat(new WebhookSettings("127.0.0.1", 8080, List.of()).problems())
        .containsExactly("webhooks.tenants: no tenant configured");
  }

  @Test
  void mobileMoneyNeedsNoSecretButSignedSchemesDo() {
    assertThat(SignatureScheme.MTN_MOMO.secretRequired()).isFalse();
    assertThat(SignatureScheme.AIRTEL.secretRequired()).isFalse();
    assertThat(SignatureScheme.STRIPE.secretRequired()).isTrue();
    assertThat(SignatureScheme.ADYEN.secretRequired()).isTrue();
    assertThat(SignatureScheme.GENERIC_HMAC.secretRequired()).isTrue();
  }
}
