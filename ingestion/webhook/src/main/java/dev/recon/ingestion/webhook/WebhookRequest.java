package dev.recon.ingestion.webhook;

import java.io.InputStream;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One HTTP delivery as the receiver sees it, independent of the server library. The body is a
 * stream so that the receiver decides how much of it to read.
 *
 * @param contentLength the declared length, or -1 when none was declared (chunked)
 */
public record WebhookRequest(
    String method,
    String tenant,
    String psp,
    String contentType,
    long contentLength,
    Map<String, String> headers,
    InputStream body) {

  public WebhookRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(psp, "psp");
    Objects.requireNonNull(body, "body");
    TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseInsensitive.putAll(Objects.requireNonNull(headers, "headers"));
    headers = Collections.unmodifiableMap(caseInsensitive);
  }

  /** A header's value (names compared case-insensitively), or null. */
  public String header(String name) {
    return headers.get(name);
  }
}
