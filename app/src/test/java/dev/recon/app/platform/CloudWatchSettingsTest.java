package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cloudwatch.* settings: off unless a namespace is set, then complete or every problem listed. */
class CloudWatchSettingsTest {

  @TempDir Path dir;

  private static ConfigResolution resolve(Map<String, String> env) {
    return PlatformConfigResolver.resolve(PlatformSettings.none(), env, Optional.empty());
  }

  private static Map<String, String> publishing() {
    Map<String, String> env = new HashMap<>();
    env.put("RECON_CLOUDWATCH_NAMESPACE", "Recon");
    env.put("RECON_CLOUDWATCH_ENVIRONMENT", "staging");
    env.put("AWS_REGION", "eu-west-1");
    return env;
  }

  @Test
  void nothingIsPublishedUnlessANamespaceIsSet() {
    ConfigResolution r = resolve(Map.of("AWS_REGION", "eu-west-1"));

    assertThat(r.errors()).isEmpty();
    assertThat(r.cloudWatch()).isEmpty();
  }

  @Test
  void namespaceEnvironmentAndTheSdksRegionVariable() {
    ConfigResolution r = resolve(publishing());

    assertThat(r.errors()).isEmpty();
    assertThat(r.warnings()).noneMatch(w -> w.contains("CLOUDWATCH"));
    assertThat(r.cloudWatch())
        .contains(new CloudWatchTarget("Recon", "staging", "eu-west-1", null));
  }

  @Test
  void theConfigFileSectionAndItsOwnRegionWhichTheVariablesBeat() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("recon.yaml"),
            "cloudwatch:\n  namespace: Recon\n  environment: production\n  region: us-east-1\n");

    ConfigResolution fromFile =
        PlatformConfigResolver.resolve(
            PlatformSettings.none(), Map.of("AWS_REGION", "eu-west-1"), Optional.of(file));
    ConfigResolution overridden =
        PlatformConfigResolver.resolve(
            PlatformSettings.none(),
            Map.of("RECON_CLOUDWATCH_REGION", "eu-central-1", "AWS_REGION", "eu-west-1"),
            Optional.of(file));

    // AWS_REGION is only the last resort: the file's own cloudwatch.region wins over it
    assertThat(fromFile.cloudWatch().orElseThrow().region()).isEqualTo("us-east-1");
    assertThat(fromFile.cloudWatch().orElseThrow().environment()).isEqualTo("production");
    assertThat(overridden.cloudWatch().orElseThrow().region()).isEqualTo("eu-central-1");
  }

  @Test
  void everyProblemIsListedAtOnceWithTheOtherSettingsErrors() {
    Map<String, String> env = new HashMap<>();
    env.put("RECON_CLOUDWATCH_NAMESPACE", "AWS/Recon");
    env.put("RECON_CLOUDWATCH_ENDPOINT", "http://cloudwatch.example.com");
    env.put("RECON_PARALLELISM", "many");

    ConfigResolution r = resolve(env);

    assertThat(r.isValid()).isFalse();
    assertThat(r.cloudWatch()).isEmpty();
    assertThat(r.errors())
        .containsExactlyInAnyOrder(
            "RECON_PARALLELISM: 'many' is not a whole number",
            "RECON_CLOUDWATCH_NAMESPACE: 'AWS/Recon' starts with AWS/, which CloudWatch reserves"
                + " for AWS",
            "RECON_CLOUDWATCH_ENDPOINT: 'http://cloudwatch.example.com' uses plain http to another"
                + " machine; use https (plain http only to 127.0.0.1)",
            "RECON_CLOUDWATCH_ENVIRONMENT (or cloudwatch.environment): required when"
                + " RECON_CLOUDWATCH_NAMESPACE is set",
            "AWS_REGION (or RECON_CLOUDWATCH_REGION, cloudwatch.region): required when"
                + " RECON_CLOUDWATCH_NAMESPACE is set");
  }

  @Test
  void invalidValuesAreNamedWithWhereTheyCameFrom() {
    Map<String, String> env = publishing();
    env.put("RECON_CLOUDWATCH_NAMESPACE", "Recon;drop");
    env.put("RECON_CLOUDWATCH_ENVIRONMENT", "stag\u0007ing");
    env.put("AWS_REGION", "Ireland");

    assertThat(resolve(env).errors())
        .containsExactlyInAnyOrder(
            "RECON_CLOUDWATCH_NAMESPACE: 'Recon;drop' may hold only letters, digits, spaces and"
                + " . - _ / # : (CloudWatch's rule)",
            "RECON_CLOUDWATCH_ENVIRONMENT: 'stag?ing' may hold only printable ASCII characters",
            "AWS_REGION: 'Ireland' is not an AWS region name such as eu-west-1");
  }

  @Test
  void settingsForCloudWatchWithoutANamespaceAreErrorsNotSilentlyIgnored() {
    ConfigResolution r =
        resolve(
            Map.of(
                "RECON_CLOUDWATCH_ENVIRONMENT",
                "staging",
                "RECON_CLOUDWATCH_ENDPOINT",
                "http://127.0.0.1:4566"));

    assertThat(r.errors())
        .hasSize(2)
        .allSatisfy(
            e ->
                assertThat(e)
                    .contains(
                        "is set but cloudwatch.namespace (RECON_CLOUDWATCH_NAMESPACE) is not"));
  }

  @Test
  void aLoopbackEndpointIsForTestsOnlyWarnedInDevelopmentRefusedInProduction() {
    Map<String, String> env = publishing();
    env.put("RECON_CLOUDWATCH_ENDPOINT", "http://127.0.0.1:4566");

    ConfigResolution development = resolve(env);
    env.put("RECON_MODE", "production");
    ConfigResolution production = resolve(env);

    assertThat(development.cloudWatch().orElseThrow().endpointOverride())
        .isEqualTo(URI.create("http://127.0.0.1:4566"));
    assertThat(development.warnings())
        .contains(
            "RECON_CLOUDWATCH_ENDPOINT: an endpoint override is for tests; production publishes"
                + " to the region's CloudWatch");
    assertThat(production.errors())
        .contains(
            "RECON_CLOUDWATCH_ENDPOINT: an endpoint override is for tests; production publishes"
                + " to the region's CloudWatch [refused in production mode]");
  }

  @Test
  void productionModeListsAMissingRegionWithItsOtherFindings() {
    Map<String, String> env = new HashMap<>();
    env.put("RECON_MODE", "production");
    env.put("RECON_CLOUDWATCH_NAMESPACE", "Recon");
    env.put("RECON_CLOUDWATCH_ENVIRONMENT", "production");

    ConfigResolution r = resolve(env);

    assertThat(r.errors())
        .contains(
            "AWS_REGION (or RECON_CLOUDWATCH_REGION, cloudwatch.region): required when"
                + " RECON_CLOUDWATCH_NAMESPACE is set")
        .anySatisfy(e -> assertThat(e).startsWith("kafka.bootstrap (RECON_KAFKA, --kafka)"))
        .anySatisfy(e -> assertThat(e).startsWith("access.totpKey (RECON_TOTP_KEY)"))
        .hasSize(5);
  }

  @Test
  void productionModeRequiresNothingOfCloudWatch() {
    ConfigResolution r = resolve(Map.of("RECON_MODE", "production"));

    assertThat(r.errors())
        .noneMatch(e -> e.toLowerCase(java.util.Locale.ROOT).contains("cloudwatch"));
  }

  @Test
  void theTargetChecksItsOwnValuesToo() {
    assertThatThrownBy(() -> new CloudWatchTarget("Recon", "", "eu-west-1", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CloudWatchTarget("x".repeat(256), "p", "eu-west-1", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new CloudWatchTarget("Recon", "p", "eu-west-1", URI.create("ftp://127.0.0.1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            new CloudWatchTarget(
                    "Recon", "p", "us-gov-west-1", URI.create("https://monitoring.example.com"))
                .endpointOverride())
        .hasHost("monitoring.example.com");
  }
}
