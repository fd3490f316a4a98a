package dev.recon.ingestion.api.http;

/**
 * How one request to a provider ended, after retries: expected outcomes are values here, so a
 * failing provider ends a poll with a summary instead of an exception.
 */
public sealed interface ApiResponse {

  /** A 2xx response, complete and within the size limit. */
  record Ok(int status, ResponseBody body) implements ApiResponse {}

  /** 404: for a report that does not exist yet, or an unknown payment reference. */
  record NotFound() implements ApiResponse {}

  /** Any other 3xx/4xx: the request itself is wrong (credentials, permissions); not retried. */
  record Refused(int status) implements ApiResponse {}

  /** 5xx, 429, timeouts or I/O errors that lasted through every retry. */
  record Unavailable(String reason) implements ApiResponse {}

  /** The circuit breaker is open: the provider failed repeatedly and is not called for a while. */
  record CircuitOpen(String provider) implements ApiResponse {}

  /** The body was bigger than the limit; reading stopped there and nothing was kept. */
  record OverLimit(long limitBytes) implements ApiResponse {}

  /** One line for summaries and audit entries; never contains the body. */
  default String describe() {
    if (this instanceof Ok ok) {
      return "HTTP " + ok.status();
    } else if (this instanceof NotFound) {
      return "HTTP 404";
    } else if (this instanceof Refused r) {
      return "refused with HTTP " + r.status() + " (not retried)";
    } else if (this instanceof Unavailable u) {
      return "unavailable: " + u.reason();
    } else if (this instanceof CircuitOpen c) {
      return "circuit breaker of " + c.provider() + " is open: not called";
    } else if (this instanceof OverLimit o) {
      return "response body over the limit of " + o.limitBytes() + " bytes: refused";
    }
    throw new IllegalStateException("unknown response kind " + this);
  }
}
