package dev.recon.ingestion.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

  @Test
  void productionDefaultsAreValid() {
    assertThat(ProviderSettings.defaults("https://api.stripe.com").problems("stripe.http"))
        .isEmpty();
  }

  @Test
  void everyProblemIsListedAtOnceEachNamingItsField() {
    ProviderSettings bad =
        new ProviderSettings(
            "ftp://x",
            Duration.ZERO,
            Duration.ofHours(1),
            0,
            Duration.ofMinutes(10),
            null,
            0,
            101,
            Duration.ZERO,
            0,
            ProviderSettings.MAX_RESPONSE_BYTES_CEILING + 1,
            false);

    assertThat(bad.problems("p"))
        .containsExactlyInAnyOrder(
            "p.base_url: must be https",
            "p.connect_timeout: must be PT0.05S to PT5M",
            "p.read_timeout: must be PT0.05S to PT5M",
            "p.retry_max_attempts: must be 1-10",
            "p.retry_initial_backoff: must be PT0.001S to PT5M",
            "p.retry_max_backoff: must be PT0.001S to PT5M",
            "p.circuit_window_calls: must be 1-1000",
            "p.circuit_failure_rate_percent: must be 1-100",
            "p.circuit_open_for: must be PT0.01S to PT1H",
            "p.requests_per_second: must be 1-1000",
            "p.max_response_bytes: must be 1-" + ProviderSettings.MAX_RESPONSE_BYTES_CEILING);
  }

  @Test
  void theResponseLimitCannotExceedWhatOneRawRecordCarries() {
    ProviderSettings atCeiling = withBody(ProviderSettings.MAX_RESPONSE_BYTES_CEILING);
    ProviderSettings over = withBody(ProviderSettings.MAX_RESPONSE_BYTES_CEILING + 1);

    assertThat(ProviderSettings.MAX_RESPONSE_BYTES_CEILING).isEqualTo(8L * 1024 * 1024);
    assertThat(atCeiling.problems("p")).isEmpty();
    assertThat(over.problems("p")).singleElement().asString().startsWith("p.max_response_bytes");
  }

  @Test
  void plainHttpOnlyWithTheDevelopmentFlagAndOnlyOnLoopback() {
    assertThat(url("http://127.0.0.1:8080", false).problems("p"))
        .containsExactly("p.base_url: must be https (plain http only in development, on loopback)");
    assertThat(url("http://127.0.0.1:8080", true).problems("p")).isEmpty();
    assertThat(url("http://localhost:8080", true).problems("p")).isEmpty();
    assertThat(url("http://[::1]:8080", true).problems("p")).isEmpty();
    assertThat(url("http://api.stripe.com", true).problems("p"))
        .containsExactly("p.base_url: plain http is allowed only for a loopback host");
    assertThat(url("http://10.0.0.1", true).problems("p")).hasSize(1);
  }

  @Test
  void aBaseUrlCarriesNoCredentialsQueryOrFragment() {
    assertThat(url("https://user:pw@api.stripe.com", false).problems("p"))
        .containsExactly("p.base_url: must not carry credentials (use secret references)");
    assertThat(url("https://api.stripe.com/?a=1", false).problems("p"))
        .containsExactly("p.base_url: must not have a query or fragment");
    assertThat(url("not a url", false).problems("p")).hasSize(1);
    assertThat(url("/relative", false).problems("p")).hasSize(1);
    assertThat(
            url("https://" + "a".repeat(ProviderSettings.MAX_BASE_URL_CHARS), false).problems("p"))
        .hasSize(1);
  }

  @Test
  void theBackoffCannotStartAboveItsCeiling() {
    ProviderSettings d = ProviderSettings.defaults("https://x.example");
    ProviderSettings inverted =
        new ProviderSettings(
            d.baseUrl(),
            d.connectTimeout(),
            d.readTimeout(),
            d.retryMaxAttempts(),
            Duration.ofSeconds(10),
            Duration.ofSeconds(1),
            d.circuitWindowCalls(),
            d.circuitFailureRatePercent(),
            d.circuitOpenFor(),
            d.requestsPerSecond(),
            d.maxResponseBytes(),
            false);

    assertThat(inverted.problems("p"))
        .containsExactly("p.retry_initial_backoff: must not exceed retry_max_backoff");
  }

  @Test
  void theBaseUriLosesATrailingSlash() {
    assertThat(url("https://ca-live.adyen.com/reports/download/MerchantAccount/", false).baseUri())
        .hasToString("https://ca-live.adyen.com/reports/download/MerchantAccount");
  }

  private static ProviderSettings url(String url, boolean dev) {
    ProviderSettings d = ProviderSettings.defaults(url);
    return new ProviderSettings(
        url,
        d.connectTimeout(),
        d.readTimeout(),
        d.retryMaxAttempts(),
        d.retryInitialBackoff(),
        d.retryMaxBackoff(),
        d.circuitWindowCalls(),
        d.circuitFailureRatePercent(),
        d.circuitOpenFor(),
        d.requestsPerSecond(),
        d.maxResponseBytes(),
        dev);
  }

  private static ProviderSettings withBody(long max) {
    ProviderSettings d = ProviderSettings.defaults("https://x.example");
    return new ProviderSettings(
        d.baseUrl(),
        d.connectTimeout(),
        d.readTimeout(),
        d.retryMaxAttempts(),
        d.retryInitialBackoff(),
        d.retryMaxBackoff(),
        d.circuitWindowCalls(),
        d.circuitFailureRatePercent(),
        d.circuitOpenFor(),
        d.requestsPerSecond(),
        max,
        false);
  }
}
