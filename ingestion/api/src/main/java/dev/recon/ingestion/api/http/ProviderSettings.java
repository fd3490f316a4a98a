package dev.recon.ingestion.api.http;

import dev.recon.schemas.kafka.Topics;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How to talk to one provider's API: where it is, how long to wait, how often to retry, when to
 * stop calling it (circuit breaker), how fast to call it, and how much of a response to accept.
 * {@link #problems} lists every problem at once.
 *
 * @param baseUrl https URL the request paths are appended to (no query, fragment or user info)
 * @param connectTimeout longest wait for a TCP/TLS connection
 * @param readTimeout longest wait for the complete response once the request is sent
 * @param retryMaxAttempts attempts per request, the first included (1 = no retry)
 * @param retryInitialBackoff wait before the first retry; doubled per retry, with jitter
 * @param retryMaxBackoff ceiling of the wait between retries
 * @param circuitWindowCalls how many recent calls the circuit breaker judges (and the minimum
 *     before it judges at all)
 * @param circuitFailureRatePercent failure rate over the window that opens the circuit
 * @param circuitOpenFor how long an open circuit refuses calls before letting a trial call through
 * @param requestsPerSecond client-side rate limit, below the provider's own
 * @param maxResponseBytes largest response body accepted; bigger ones are refused while streaming
 * @param allowPlainHttpOnLoopback development only: accept http:// for a base URL on the loopback
 *     interface (the tests' in-process servers); never for a remote host
 */
public record ProviderSettings(
    String baseUrl,
    Duration connectTimeout,
    Duration readTimeout,
    int retryMaxAttempts,
    Duration retryInitialBackoff,
    Duration retryMaxBackoff,
    int circuitWindowCalls,
    int circuitFailureRatePercent,
    Duration circuitOpenFor,
    int requestsPerSecond,
    long maxResponseBytes,
    boolean allowPlainHttpOnLoopback) {

  /** A whole response travels as one raw record, so no response may be bigger than one. */
  public static final long MAX_RESPONSE_BYTES_CEILING = Topics.MAX_RAW_RECORD_BYTES;

  public static final Duration MIN_TIMEOUT = Duration.ofMillis(50);
  public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
  public static final int MAX_RETRY_ATTEMPTS = 10;
  public static final Duration MIN_BACKOFF = Duration.ofMillis(1);
  public static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  public static final int MAX_CIRCUIT_WINDOW_CALLS = 1000;
  public static final Duration MIN_CIRCUIT_OPEN = Duration.ofMillis(10);
  public static final Duration MAX_CIRCUIT_OPEN = Duration.ofHours(1);
  public static final int MAX_REQUESTS_PER_SECOND = 1000;
  public static final int MAX_BASE_URL_CHARS = 2048;

  /** Production defaults for a provider at {@code baseUrl}. */
  public static ProviderSettings defaults(String baseUrl) {
    return new ProviderSettings(
        baseUrl,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        4,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        10,
        50,
        Duration.ofSeconds(60),
        20,
        MAX_RESPONSE_BYTES_CEILING,
        false);
  }

  /**
   * Every problem, each prefixed with {@code field} (e.g. {@code stripe.http}); empty when valid.
   */
  public List<String> problems(String field) {
    List<String> p = new ArrayList<>();
    baseUrlProblem().ifPresent(m -> p.add(field + ".base_url: " + m));
    timeout(p, field + ".connect_timeout", connectTimeout);
    timeout(p, field + ".read_timeout", readTimeout);
    if (retryMaxAttempts < 1 || retryMaxAttempts > MAX_RETRY_ATTEMPTS) {
      p.add(field + ".retry_max_attempts: must be 1-" + MAX_RETRY_ATTEMPTS);
    }
    boolean initialOk = backoff(p, field + ".retry_initial_backoff", retryInitialBackoff);
    boolean maxOk = backoff(p, field + ".retry_max_backoff", retryMaxBackoff);
    if (initialOk && maxOk && retryInitialBackoff.compareTo(retryMaxBackoff) > 0) {
      p.add(field + ".retry_initial_backoff: must not exceed retry_max_backoff");
    }
    if (circuitWindowCalls < 1 || circuitWindowCalls > MAX_CIRCUIT_WINDOW_CALLS) {
      p.add(field + ".circuit_window_calls: must be 1-" + MAX_CIRCUIT_WINDOW_CALLS);
    }
    if (circuitFailureRatePercent < 1 || circuitFailureRatePercent > 100) {
      p.add(field + ".circuit_failure_rate_percent: must be 1-100");
    }
    if (circuitOpenFor == null
        || circuitOpenFor.compareTo(MIN_CIRCUIT_OPEN) < 0
        || circuitOpenFor.compareTo(MAX_CIRCUIT_OPEN) > 0) {
      p.add(field + ".circuit_open_for: must be " + MIN_CIRCUIT_OPEN + " to " + MAX_CIRCUIT_OPEN);
    }
    if (requestsPerSecond < 1 || requestsPerSecond > MAX_REQUESTS_PER_SECOND) {
      p.add(field + ".requests_per_second: must be 1-" + MAX_REQUESTS_PER_SECOND);
    }
    if (maxResponseBytes < 1 || maxResponseBytes > MAX_RESPONSE_BYTES_CEILING) {
      p.add(field + ".max_response_bytes: must be 1-" + MAX_RESPONSE_BYTES_CEILING);
    }
    return p;
  }

  /** The base URL without a trailing slash; only valid settings have one. */
  public URI baseUri() {
    String text = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return URI.create(text);
  }

  /** The longest a single attempt may take, connection included. */
  public Duration attemptDeadline() {
    return connectTimeout.plus(readTimeout);
  }

  private Optional<String> baseUrlProblem() {
    if (baseUrl == null || baseUrl.isBlank()) {
      return Optional.of("is required");
    }
    if (baseUrl.length() > MAX_BASE_URL_CHARS) {
      return Optional.of("is longer than " + MAX_BASE_URL_CHARS + " characters");
    }
    URI uri;
    try {
      uri = new URI(baseUrl);
    } catch (URISyntaxException e) {
      return Optional.of("is not a URL");
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      return Optional.of("must be an absolute URL with a host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry credentials (use secret references)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return Optional.of("must not have a query or fragment");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return Optional.empty();
    }
    if (!scheme.equals("http")) {
      return Optional.of("must be https");
    }
    if (!allowPlainHttpOnLoopback) {
      return Optional.of("must be https (plain http only in development, on loopback)");
    }
    if (!isLoopback(uri.getHost())) {
      return Optional.of("plain http is allowed only for a loopback host");
    }
    return Optional.empty();
  }

  private static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses: no name lookup while validating configuration.
    if (!h.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static void timeout(List<String> p, String name, Duration d) {
    if (d == null || d.compareTo(MIN_TIMEOUT) < 0 || d.compareTo(MAX_TIMEOUT) > 0) {
      p.add(name + ": must be " + MIN_TIMEOUT + " to " + MAX_TIMEOUT);
    }
  }

  private static boolean backoff(List<String> p, String name, Duration d) {
    if (d == null || d.compareTo(MIN_BACKOFF) < 0 || d.compareTo(MAX_BACKOFF) > 0) {
      p.add(name + ": must be " + MIN_BACKOFF + " to " + MAX_BACKOFF);
      return false;
    }
    return true;
  }
}
