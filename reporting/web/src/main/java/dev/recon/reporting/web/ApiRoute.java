package dev.recon.reporting.web;

import dev.recon.reporting.access.Permission;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * One route of the JSON API: what the OpenAPI description says about it is declared next to where
 * it is registered, so the two cannot drift apart.
 */
record ApiRoute(
    HandlerType method,
    String path,
    Permission permission,
    String summary,
    List<String> queryParameters,
    List<String> formParameters,
    ApiHandler handler) {

  /** Answers with a value that is written as JSON. */
  @FunctionalInterface
  interface ApiHandler {
    Object handle(io.javalin.http.Context ctx, dev.recon.reporting.access.ApiPrincipal principal)
        throws Exception;
  }
}
