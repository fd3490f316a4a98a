package dev.recon.app.connectors;

import dev.recon.ingestion.webhook.config.PspWebhook;
import dev.recon.ingestion.webhook.config.SignatureScheme;
import dev.recon.ingestion.webhook.config.TenantWebhooks;
import dev.recon.ingestion.webhook.config.WebhookSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code connectors.webhooks} in the config file:
 *
 * <pre>
 * webhooks:
 *   host: 0.0.0.0
 *   port: 8081
 *   tenants:
 *     - tenant: acme
 *       requestsPerSecond: 50          # optional
 *       maxBodyBytes: 1048576          # optional
 *       psps:
 *         - {psp: stripe, scheme: stripe, secrets: ["env:ACME_STRIPE_WHSEC"]}
 *         - {psp: adyen, scheme: adyen, secrets: ["aws-sm:prod/acme#adyen_hmac"]}
 *         - {psp: mtn-momo, scheme: mtn_momo}
 * </pre>
 */
record WebhooksSection(String host, Integer port, List<Tenant> tenants) {

  static final String DEFAULT_HOST = "127.0.0.1";
  static final int DEFAULT_PORT = 8081;

  record Tenant(String tenant, Integer requestsPerSecond, Integer maxBodyBytes, List<Psp> psps) {}

  record Psp(String psp, String scheme, List<String> secrets, Boolean requireTimestamp) {}

  /**
   * The settings, or null with every problem (prefixed by {@code file}) added to {@code errors}.
   */
  WebhookSettings toSettings(String file, List<String> errors) {
    String where = file + ": connectors.webhooks";
    List<TenantWebhooks> converted = new ArrayList<>();
    int before = errors.size();
    for (Tenant t : Objects.requireNonNullElse(tenants, List.<Tenant>of())) {
      if (t.tenant() == null) {
        errors.add(where + ".tenants: an entry has no tenant");
        continue;
      }
      List<PspWebhook> psps = new ArrayList<>();
      for (Psp p : Objects.requireNonNullElse(t.psps(), List.<Psp>of())) {
        if (p.psp() == null) {
          errors.add(where + ".tenants[" + t.tenant() + "].psps: an entry has no psp");
          continue;
        }
        SignatureScheme scheme;
        try {
          scheme = SignatureScheme.valueOf(String.valueOf(p.scheme()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          errors.add(
              where
                  + ".tenants["
                  + t.tenant()
                  + "].psps["
                  + p.psp()
                  + "].scheme: '"
                  + p.scheme()
                  + "' is not one of "
                  + List.of(SignatureScheme.values()));
          continue;
        }
        psps.add(
            new PspWebhook(
                p.psp(),
                scheme,
                Objects.requireNonNullElse(p.secrets(), List.of()),
                Boolean.TRUE.equals(p.requireTimestamp())));
      }
      converted.add(
          new TenantWebhooks(
              t.tenant(),
              psps,
              Objects.requireNonNullElse(
                  t.requestsPerSecond(), TenantWebhooks.DEFAULT_REQUESTS_PER_SECOND),
              Objects.requireNonNullElse(t.maxBodyBytes(), TenantWebhooks.DEFAULT_MAX_BODY_BYTES)));
    }
    WebhookSettings settings =
        new WebhookSettings(
            Objects.requireNonNullElse(host, DEFAULT_HOST),
            Objects.requireNonNullElse(port, DEFAULT_PORT),
            converted);
    settings.problems().forEach(p -> errors.add(file + ": connectors." + p));
    return errors.size() == before ? settings : null;
  }
}
