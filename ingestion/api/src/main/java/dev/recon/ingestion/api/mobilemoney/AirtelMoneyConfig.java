package dev.recon.ingestion.api.mobilemoney;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recon.ingestion.api.SecretReferences;
import dev.recon.ingestion.api.http.ProviderSettings;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.store.TenantTransactions;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One tenant's Airtel Money Open API: OAuth2 client-credentials token from {@code POST
 * /auth/oauth2/token}, status from {@code GET /standard/v1/payments/{id}} for one country and
 * currency.
 *
 * @param country ISO 3166 alpha-2 code of the market ({@code X-Country})
 * @param currency ISO 4217 code ({@code X-Currency})
 */
public record AirtelMoneyConfig(
    String tenantId,
    ProviderSettings http,
    String country,
    String currency,
    String clientIdRef,
    String clientSecretRef)
    implements MobileMoneyProvider {

  public static final String DEFAULT_BASE_URL = "https://openapi.airtel.africa";
  public static final String PSP = "airtel";

  /** Airtel transaction ids are the merchant's own references. */
  public static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  @Override
  public String psp() {
    return PSP;
  }

  @Override
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (!TenantTransactions.isTenantId(tenantId)) {
      p.add("airtel.tenant_id: must match " + TenantTransactions.TENANT_ID.pattern());
    }
    if (http == null) {
      p.add("airtel.http: is required");
    } else {
      p.addAll(http.problems("airtel.http"));
    }
    if (country == null || !country.matches("[A-Z]{2}")) {
      p.add("airtel.country: must be an ISO 3166 alpha-2 code such as UG");
    }
    if (currency == null || !currency.matches("[A-Z]{3}")) {
      p.add("airtel.currency: must be an ISO 4217 code such as UGX");
    }
    SecretReferences.problem(clientIdRef).ifPresent(m -> p.add("airtel.client_id_ref: " + m));
    SecretReferences.problem(clientSecretRef)
        .ifPresent(m -> p.add("airtel.client_secret_ref: " + m));
    return p;
  }

  @Override
  public Pattern referencePattern() {
    return REFERENCE;
  }

  @Override
  public String tokenPath() {
    return "/auth/oauth2/token";
  }

  @Override
  public HttpRequest tokenRequest(HttpRequest.Builder builder, SecretResolver secrets) {
    ObjectNode body = StatusFields.MAPPER.createObjectNode();
    body.put("client_id", secrets.resolve(clientIdRef).reveal());
    body.put("client_secret", secrets.resolve(clientSecretRef).reveal());
    body.put("grant_type", "client_credentials");
    String json;
    try {
      json = StatusFields.MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON object of strings always serialises", e);
    }
    return builder
        .header("Content-Type", "application/json")
        .header("Accept", "*/*")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  @Override
  public String statusPath(String reference) {
    return "/standard/v1/payments/" + reference;
  }

  @Override
  public HttpRequest statusRequest(
      HttpRequest.Builder builder, String accessToken, SecretResolver secrets) {
    return builder
        .header("Authorization", "Bearer " + accessToken)
        .header("X-Country", country)
        .header("X-Currency", currency)
        .header("Accept", "*/*")
        .GET()
        .build();
  }

  @Override
  public Optional<String> readStatus(byte[] body) {
    return StatusFields.text(body, "/data/transaction/status");
  }
}
