package dev.recon.app.platform;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where {@code recon run} publishes the metrics its CloudWatch alarms read ({@code
 * infra/terraform/modules/alarms}): a namespace, the value of the {@code Environment} dimension,
 * the AWS region and, for tests against a stand-in only, an endpoint to use instead of the
 * region's. Credentials are not configured here: the AWS SDK's default chain finds them.
 */
public record CloudWatchTarget(
    String namespace, String environment, String region, URI endpointOverride) {

  /** CloudWatch's own limit on a namespace, and the limit recon puts on a dimension value. */
  public static final int MAX_NAME_LENGTH = 255;

  /** What CloudWatch accepts in a namespace. */
  static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9.\\-_/#: ]+");

  /** Namespaces starting with this are AWS's own and refuse PutMetricData. */
  static final String RESERVED_NAMESPACE_PREFIX = "AWS/";

  /** e.g. eu-west-1, us-gov-west-1, cn-north-1, eusc-de-east-1. */
  static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-\\d{1,2}");

  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

  public CloudWatchTarget {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(region, "region");
    namespaceProblem(namespace).ifPresent(p -> fail("namespace " + p));
    environmentProblem(environment).ifPresent(p -> fail("environment " + p));
    regionProblem(region).ifPresent(p -> fail("region " + p));
    if (endpointOverride != null) {
      endpointProblem(endpointOverride).ifPresent(p -> fail("endpoint " + p));
    }
  }

  private static void fail(String problem) {
    throw new IllegalArgumentException("Invalid CloudWatch target: " + problem);
  }

  static Optional<String> namespaceProblem(String namespace) {
    if (namespace.length() > MAX_NAME_LENGTH) {
      return Optional.of("is longer than " + MAX_NAME_LENGTH + " characters");
    }
    if (!NAMESPACE.matcher(namespace).matches()) {
      return Optional.of(
          "may hold only letters, digits, spaces and . - _ / # : (CloudWatch's rule)");
    }
    if (namespace.startsWith(RESERVED_NAMESPACE_PREFIX)) {
      return Optional.of(
          "starts with " + RESERVED_NAMESPACE_PREFIX + ", which CloudWatch reserves for AWS");
    }
    return Optional.empty();
  }

  static Optional<String> environmentProblem(String environment) {
    if (environment.isBlank() || environment.length() > MAX_NAME_LENGTH) {
      return Optional.of("must be 1 to " + MAX_NAME_LENGTH + " characters");
    }
    if (!environment.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return Optional.of("may hold only printable ASCII characters");
    }
    return Optional.empty();
  }

  static Optional<String> regionProblem(String region) {
    return REGION.matcher(region).matches()
        ? Optional.empty()
        : Optional.of("is not an AWS region name such as eu-west-1");
  }

  /**
   * https anywhere, or plain http to this machine only (a test's stand-in): the requests carry
   * signed credentials.
   */
  static Optional<String> endpointProblem(URI endpoint) {
    String scheme =
        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (endpoint.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      return Optional.of("is not an http(s) URL with a host");
    }
    if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(endpoint.getHost())) {
      return Optional.of(
          "uses plain http to another machine; use https (plain http only to 127.0.0.1)");
    }
    if (endpoint.getUserInfo() != null || endpoint.getQuery() != null) {
      return Optional.of("must not carry a login or a query");
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "CloudWatch{namespace="
        + namespace
        + ", Environment="
        + environment
        + ", region="
        + region
        + (endpointOverride == null ? "" : ", endpoint=" + endpointOverride)
        + "}";
  }
}
