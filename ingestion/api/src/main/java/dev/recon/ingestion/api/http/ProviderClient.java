package dev.recon.ingestion.api.http;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way the API pollers call a provider: JDK HTTP client, a client-side rate limit, a circuit
 * breaker, retries with exponential backoff and jitter (honouring {@code Retry-After} on 429), and
 * a size limit on every body. Retry, circuit breaker and rate limiter publish their metrics to the
 * registry passed in, under the name {@code <provider>/<tenant>}.
 *
 * <p>Only 5xx and I/O failures (timeouts included) count against the circuit; a 4xx says the
 * request is wrong, not that the provider is down, and is neither retried nor counted.
 */
public final class ProviderClient {

  /** Each retry waits this many times longer than the one before (before jitter). */
  public static final double BACKOFF_MULTIPLIER = 2.0;

  /**
   * Each wait is drawn from ±50 % around the exponential value, so clients do not retry in step.
   */
  public static final double JITTER_FACTOR = 0.5;

  /** Longest wait for a permit of the client-side rate limiter before the request is given up. */
  public static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(30);

  /** Trial calls let through when an open circuit turns half-open. */
  static final int HALF_OPEN_TRIAL_CALLS = 1;

  private final String name;
  private final ProviderSettings settings;
  private final Clock clock;
  private final HttpClient http;
  private final Retry retry;
  private final CircuitBreaker breaker;
  private final RateLimiter limiter;
  private final MeterRegistry meters;
  private final IntervalFunction backoff;

  /**
   * @param provider short provider name for metrics and logs ({@code stripe}, {@code adyen}, ...)
   * @param settings validated settings (see {@link ProviderSettings#problems})
   */
  public ProviderClient(
      String provider,
      String tenantId,
      ProviderSettings settings,
      MeterRegistry meters,
      Clock clock) {
    this.name = provider + "/" + tenantId;
    this.settings = Objects.requireNonNull(settings, "settings");
    this.meters = Objects.requireNonNull(meters, "meters");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (!settings.problems("http").isEmpty()) {
      throw new IllegalArgumentException("invalid settings: " + settings.problems("http"));
    }
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            // A redirect could carry credentials to another host or downgrade to http.
            .followRedirects(HttpClient.Redirect.NEVER);
    if ("http".equalsIgnoreCase(settings.baseUri().getScheme())) {
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    this.http = builder.build();
    this.backoff =
        IntervalFunction.ofExponentialRandomBackoff(
            settings.retryInitialBackoff(),
            BACKOFF_MULTIPLIER,
            JITTER_FACTOR,
            settings.retryMaxBackoff());

    RetryConfig retryConfig =
        RetryConfig.<Exchange>custom()
            .maxAttempts(settings.retryMaxAttempts())
            .retryOnResult(Exchange::isRetryable)
            .retryExceptions(IOException.class)
            .intervalBiFunction(
                (attempt, outcome) ->
                    outcome.isRight() ? waitBefore(attempt, outcome.get()) : backoff.apply(attempt))
            .failAfterMaxAttempts(false)
            .build();
    CircuitBreakerConfig breakerConfig =
        CircuitBreakerConfig.custom()
            .slidingWindow(
                settings.circuitWindowCalls(),
                settings.circuitWindowCalls(),
                CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .failureRateThreshold(settings.circuitFailureRatePercent())
            .waitDurationInOpenState(settings.circuitOpenFor())
            .permittedNumberOfCallsInHalfOpenState(HALF_OPEN_TRIAL_CALLS)
            .recordExceptions(IOException.class)
            .recordResult(r -> r instanceof Exchange e && e.isServerError())
            .build();
    RateLimiterConfig limiterConfig =
        RateLimiterConfig.custom()
            .limitForPeriod(settings.requestsPerSecond())
            .limitRefreshPeriod(Duration.ofSeconds(1))
            .timeoutDuration(MAX_RATE_LIMIT_WAIT)
            .build();

    RetryRegistry retries = RetryRegistry.of(retryConfig);
    CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(breakerConfig);
    RateLimiterRegistry limiters = RateLimiterRegistry.of(limiterConfig);
    this.retry = retries.retry(name);
    this.breaker = breakers.circuitBreaker(name);
    this.limiter = limiters.rateLimiter(name);
    TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiters).bindTo(meters);
  }

  /** The name under which this client's metrics are tagged. */
  public String name() {
    return name;
  }

  public CircuitBreaker.State circuitState() {
    return breaker.getState();
  }

  /** An absolute URI for a path (starting with {@code /}, query included) under the base URL. */
  public URI uri(String pathAndQuery) {
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /");
    }
    return URI.create(settings.baseUri() + pathAndQuery);
  }

  /** A request builder for a path under the base URL, with the read timeout set. */
  public HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(settings.readTimeout());
  }

  /** Sends the request (retried, rate-limited, circuit-protected) and says how it ended. */
  public ApiResponse send(HttpRequest request) {
    AtomicInteger attempts = new AtomicInteger();
    CheckedSupplier<Exchange> attempt =
        RateLimiter.decorateCheckedSupplier(
            limiter,
            () -> {
              attempts.incrementAndGet();
              return exchange(request);
            });
    CheckedSupplier<Exchange> guarded = CircuitBreaker.decorateCheckedSupplier(breaker, attempt);
    CheckedSupplier<Exchange> retried = Retry.decorateCheckedSupplier(retry, guarded);
    ApiResponse response;
    try {
      response = classify(retried.get(), attempts.get());
    } catch (CallNotPermittedException e) {
      response = new ApiResponse.CircuitOpen(name);
    } catch (RequestNotPermitted e) {
      response = new ApiResponse.Unavailable("no rate-limit permit within " + MAX_RATE_LIMIT_WAIT);
    } catch (HttpTimeoutException e) {
      response =
          new ApiResponse.Unavailable(
              "timed out " + attempts.get() + " time(s): " + e.getMessage());
    } catch (IOException e) {
      response =
          new ApiResponse.Unavailable(
              "I/O error after " + attempts.get() + " attempt(s): " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      response = new ApiResponse.Unavailable("interrupted");
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("unexpected checked exception from " + name, e);
    }
    Counter.builder("recon.api.responses")
        .description("Requests to PSP APIs by how they ended, after retries")
        .tag("name", name)
        .tag("outcome", response.getClass().getSimpleName())
        .register(meters)
        .increment();
    return response;
  }

  private ApiResponse classify(Exchange e, int attempts) {
    if (e.body().isOverLimit()) {
      return new ApiResponse.OverLimit(settings.maxResponseBytes());
    }
    int status = e.status();
    if (status >= 200 && status < 300) {
      return new ApiResponse.Ok(status, new ResponseBody(e.body().bytes()));
    }
    if (status == 404) {
      return new ApiResponse.NotFound();
    }
    if (status == 429) {
      return new ApiResponse.Unavailable(
          "rate limited by the provider (HTTP 429) after " + attempts + " attempt(s)");
    }
    if (status >= 500) {
      return new ApiResponse.Unavailable("HTTP " + status + " after " + attempts + " attempt(s)");
    }
    return new ApiResponse.Refused(status);
  }

  private long waitBefore(int attempt, Exchange e) {
    if (e.status() == 429 && e.retryAfter() != null) {
      return e.retryAfter().toMillis();
    }
    return backoff.apply(attempt);
  }

  private Exchange exchange(HttpRequest request) throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<CappedBody.Result>> pending =
        http.sendAsync(request, CappedBody.handler(settings.maxResponseBytes()));
    Duration deadline = settings.attemptDeadline();
    try {
      HttpResponse<CappedBody.Result> r = pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      Duration retryAfter =
          RetryAfter.parse(r.headers().firstValue("retry-after").orElse(null), clock.instant())
              .orElse(null);
      return new Exchange(r.statusCode(), retryAfter, r.body());
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new HttpTimeoutException("no complete response within " + deadline);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException("request failed: " + cause.getClass().getSimpleName(), cause);
    }
  }

  /**
   * One attempt's raw outcome, before classification.
   *
   * @param retryAfter the wait a 429 asked for, or null
   */
  private record Exchange(int status, Duration retryAfter, CappedBody.Result body) {

    boolean isServerError() {
      return status >= 500;
    }

    boolean isRetryable() {
      if (body.isOverLimit()) {
        return false;
      }
      if (status == 429) {
        return retryAfter == null || RetryAfter.isWorthWaiting(retryAfter);
      }
      return isServerError();
    }
  }
}
