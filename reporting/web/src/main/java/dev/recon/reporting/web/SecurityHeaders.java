package dev.recon.reporting.web;

import io.javalin.http.Context;
import java.util.Map;

/**
 * Headers on every response. The pages have no inline script or style, so the content security
 * policy can allow only this origin's own files.
 */
public final class SecurityHeaders {

  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** One year, the usual preload minimum; browsers ignore it on plain HTTP. */
  public static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

  public static final Map<String, String> ALL =
      Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "Strict-Transport-Security", STRICT_TRANSPORT_SECURITY,
          "X-Frame-Options", "DENY",
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer",
          "Cross-Origin-Opener-Policy", "same-origin",
          "Permissions-Policy", "camera=(), microphone=(), geolocation=()");

  private SecurityHeaders() {}

  static void apply(Context ctx) {
    ALL.forEach(ctx::header);
    if (!ctx.path().startsWith("/webjars/") && !ctx.path().startsWith("/assets/")) {
      // pages and API answers carry tenant data: never cached by shared or browser caches
      ctx.header("Cache-Control", "no-store");
    }
  }
}
