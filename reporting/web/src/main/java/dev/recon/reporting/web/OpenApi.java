package dev.recon.reporting.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OpenAPI 3 description of the JSON API, built from the routes themselves. */
final class OpenApi {

  private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-zA-Z]+)}");

  private OpenApi() {}

  static Map<String, Object> describe(List<ApiRoute> routes) {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (ApiRoute route : routes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item =
          (Map<String, Object>) paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<>());
      List<Object> parameters = new ArrayList<>();
      Matcher m = PATH_PARAM.matcher(route.path());
      while (m.find()) {
        parameters.add(parameter(m.group(1), "path", true));
      }
      for (String q : route.queryParameters()) {
        parameters.add(parameter(q, "query", false));
      }
      Map<String, Object> operation = new LinkedHashMap<>();
      operation.put("summary", route.summary());
      operation.put(
          "operationId",
          route.method().name().toLowerCase(Locale.ROOT)
              + route.path().replaceAll("[^A-Za-z]+", "_"));
      operation.put("parameters", parameters);
      if (!route.formParameters().isEmpty()) {
        Map<String, Object> props = new LinkedHashMap<>();
        route.formParameters().forEach(f -> props.put(f, Map.of("type", "string")));
        operation.put(
            "requestBody",
            Map.of(
                "required",
                true,
                "content",
                Map.of(
                    "application/x-www-form-urlencoded",
                    Map.of("schema", Map.of("type", "object", "properties", props)))));
      }
      operation.put("x-required-permission", route.permission().name());
      operation.put(
          "responses",
          Map.of(
              "200",
                  Map.of(
                      "description",
                      "OK, JSON",
                      "content",
                      Map.of("application/json", Map.of("schema", Map.of("type", "object")))),
              "400", Map.of("description", "bad request"),
              "401", Map.of("description", "no valid API key"),
              "403", Map.of("description", "key or role does not allow this, or another tenant")));
      item.put(route.method().name().toLowerCase(Locale.ROOT), operation);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put(
        "info",
        Map.of(
            "title", "recon API",
            "version", "1",
            "description",
                "Reconciliation and ledger API. Authenticate with an API key: Authorization: Bearer"
                    + " rk_<id>_<secret>. A key acts for its user in its tenant, within its scopes"
                    + " and the user's role."));
    doc.put(
        "components",
        Map.of(
            "securitySchemes",
            Map.of(
                "apiKey",
                Map.of("type", "http", "scheme", "bearer", "bearerFormat", "rk_<id>_<secret>"))));
    doc.put("security", List.of(Map.of("apiKey", List.of())));
    doc.put("paths", paths);
    return doc;
  }

  private static Map<String, Object> parameter(String name, String in, boolean required) {
    return Map.of("name", name, "in", in, "required", required, "schema", Map.of("type", "string"));
  }
}
