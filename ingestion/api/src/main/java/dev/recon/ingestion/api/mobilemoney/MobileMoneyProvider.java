package dev.recon.ingestion.api.mobilemoney;

import dev.recon.ingestion.api.http.ProviderSettings;
import dev.recon.ingestion.secret.SecretResolver;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mobile-money provider whose payment status can be asked for by reference, behind an OAuth-style
 * access token: what the status checker needs to know of each. Implementations are configuration
 * records with pure request-building and field-reading functions.
 */
public sealed interface MobileMoneyProvider permits MtnMomoConfig, AirtelMoneyConfig {

  String tenantId();

  ProviderSettings http();

  /** Short provider name: the raw records' PSP, and the suffix of their source. */
  String psp();

  /** Connector id in offsets and audit, and the raw records' source. */
  default String source() {
    return "api:" + psp();
  }

  /** Every problem of the configuration, each naming its field. */
  List<String> problems();

  /** What a payment reference of this provider looks like; anything else is not sent. */
  Pattern referencePattern();

  /** The token request, on the builder for {@link #tokenPath}. */
  HttpRequest tokenRequest(HttpRequest.Builder builder, SecretResolver secrets);

  String tokenPath();

  /** The status request of a valid reference, on the builder for {@link #statusPath}. */
  HttpRequest statusRequest(
      HttpRequest.Builder builder, String accessToken, SecretResolver secrets);

  String statusPath(String reference);

  /** The payment's status as the provider names it (e.g. SUCCESSFUL, TS), if the body has one. */
  Optional<String> readStatus(byte[] body);
}
