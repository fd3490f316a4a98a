package dev.recon.ingestion.api.mobilemoney;

import dev.recon.ingestion.api.SecretReferences;
import dev.recon.ingestion.api.http.ProviderSettings;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.store.TenantTransactions;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One tenant's MTN MoMo Collection API: token from {@code POST /collection/token/} (basic auth of
 * the API user and key), status from {@code GET /collection/v1_0/requesttopay/{referenceId}}.
 *
 * @param targetEnvironment {@code sandbox} or the market's environment (e.g. {@code mtnuganda})
 * @param subscriptionKeyRef the Collection product's primary key ({@code
 *     Ocp-Apim-Subscription-Key})
 * @param apiUserRef the API user (a UUID) as a secret reference
 * @param apiKeyRef the API key as a secret reference
 */
public record MtnMomoConfig(
    String tenantId,
    ProviderSettings http,
    String targetEnvironment,
    String subscriptionKeyRef,
    String apiUserRef,
    String apiKeyRef)
    implements MobileMoneyProvider {

  public static final String DEFAULT_BASE_URL = "https://proxy.momoapi.mtn.com";
  public static final String PSP = "mtn-momo";

  /** MTN request-to-pay references are UUIDs chosen by the payee. */
  public static final Pattern REFERENCE =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9]{1,32}");

  @Override
  public String psp() {
    return PSP;
  }

  @Override
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (!TenantTransactions.isTenantId(tenantId)) {
      p.add("mtn_momo.tenant_id: must match " + TenantTransactions.TENANT_ID.pattern());
    }
    if (http == null) {
      p.add("mtn_momo.http: is required");
    } else {
      p.addAll(http.problems("mtn_momo.http"));
    }
    if (targetEnvironment == null || !ENVIRONMENT.matcher(targetEnvironment).matches()) {
      p.add("mtn_momo.target_environment: must match " + ENVIRONMENT.pattern());
    }
    SecretReferences.problem(subscriptionKeyRef)
        .ifPresent(m -> p.add("mtn_momo.subscription_key_ref: " + m));
    SecretReferences.problem(apiUserRef).ifPresent(m -> p.add("mtn_momo.api_user_ref: " + m));
    SecretReferences.problem(apiKeyRef).ifPresent(m -> p.add("mtn_momo.api_key_ref: " + m));
    return p;
  }

  @Override
  public Pattern referencePattern() {
    return REFERENCE;
  }

  @Override
  public String tokenPath() {
    return "/collection/token/";
  }

  @Override
  public HttpRequest tokenRequest(HttpRequest.Builder builder, SecretResolver secrets) {
    String pair = secrets.resolve(apiUserRef).reveal() + ":" + secrets.resolve(apiKeyRef).reveal();
    return builder
        .header(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))
        .header("Ocp-Apim-Subscription-Key", secrets.resolve(subscriptionKeyRef).reveal())
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
  }

  @Override
  public String statusPath(String reference) {
    return "/collection/v1_0/requesttopay/" + reference;
  }

  @Override
  public HttpRequest statusRequest(
      HttpRequest.Builder builder, String accessToken, SecretResolver secrets) {
    return builder
        .header("Authorization", "Bearer " + accessToken)
        .header("X-Target-Environment", targetEnvironment)
        .header("Ocp-Apim-Subscription-Key", secrets.resolve(subscriptionKeyRef).reveal())
        .GET()
        .build();
  }

  @Override
  public Optional<String> readStatus(byte[] body) {
    return StatusFields.text(body, "/status");
  }
}
