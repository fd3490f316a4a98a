package dev.recon.app.connectors;

import dev.recon.ingestion.api.http.ProviderSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * The optional {@code http} block of an API connector; every key left out keeps the production
 * default of {@link ProviderSettings#defaults}.
 */
record HttpSection(
    String baseUrl,
    Integer connectTimeoutSeconds,
    Integer readTimeoutSeconds,
    Integer retryMaxAttempts,
    Integer requestsPerSecond,
    Long maxResponseBytes,
    Boolean allowPlainHttpOnLoopback) {

  static ProviderSettings toSettings(HttpSection http, String defaultBaseUrl) {
    ProviderSettings d =
        ProviderSettings.defaults(
            http == null || http.baseUrl() == null ? defaultBaseUrl : http.baseUrl());
    if (http == null) {
      return d;
    }
    return new ProviderSettings(
        d.baseUrl(),
        seconds(http.connectTimeoutSeconds(), d.connectTimeout()),
        seconds(http.readTimeoutSeconds(), d.readTimeout()),
        Objects.requireNonNullElse(http.retryMaxAttempts(), d.retryMaxAttempts()),
        d.retryInitialBackoff(),
        d.retryMaxBackoff(),
        d.circuitWindowCalls(),
        d.circuitFailureRatePercent(),
        d.circuitOpenFor(),
        Objects.requireNonNullElse(http.requestsPerSecond(), d.requestsPerSecond()),
        Objects.requireNonNullElse(http.maxResponseBytes(), d.maxResponseBytes()),
        Boolean.TRUE.equals(http.allowPlainHttpOnLoopback()));
  }

  private static Duration seconds(Integer value, Duration otherwise) {
    return value == null ? otherwise : Duration.ofSeconds(value);
  }
}
