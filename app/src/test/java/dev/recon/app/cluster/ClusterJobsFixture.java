package dev.recon.app.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recon.ingestion.secret.EnvironmentSecrets;
import dev.recon.ingestion.secret.FileSecrets;
import dev.recon.ingestion.secret.Secret;
import dev.recon.ingestion.secret.SecretReference;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.secret.SecretSource;
import dev.recon.ingestion.secret.SecretUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds a {@link ClusterJobs} as its main does, with the environment, the runtime properties file
 * and the secret store of a test: Secrets Manager is a map of secret ids to JSON-like fields.
 */
final class ClusterJobsFixture {
  /** The environments the secret resolver was built for, to see the region passed on. */
  final List<Map<String, String>> resolverEnvironments = new ArrayList<>();

  private final Map<String, String> environment;
  private final Path propertiesFile;
  private final Map<String, Map<String, String>> secretsManager;

  ClusterJobsFixture(
      Map<String, String> environment,
      Path propertiesFile,
      Map<String, Map<String, String>> secretsManager) {
    this.environment = environment;
    this.propertiesFile = propertiesFile;
    this.secretsManager = secretsManager;
  }

  /** Writes {@code properties} as Managed Flink does, beside another application's group. */
  static Path writeRuntimeProperties(Path file, Map<String, String> properties) throws Exception {
    List<Map<String, Object>> groups =
        List.of(
            Map.of("PropertyGroupId", "other", "PropertyMap", Map.of("x", "y")),
            Map.of("PropertyGroupId", ManagedFlinkProperties.GROUP, "PropertyMap", properties));
    Files.write(file, new ObjectMapper().writeValueAsBytes(groups));
    return file;
  }

  ClusterJobs parse(String... args) {
    ClusterJobs jobs = new ClusterJobs(environment, propertiesFile, this::resolver);
    new CommandLine(jobs).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
    return jobs;
  }

  ClusterJobs.Plan plan(String... args) throws Exception {
    return parse(args).plan();
  }

  private SecretResolver resolver(Map<String, String> env) {
    resolverEnvironments.add(env);
    SecretSource awsSm =
        new SecretSource() {
          @Override
          public SecretReference.Scheme scheme() {
            return SecretReference.Scheme.AWS_SECRETS_MANAGER;
          }

          @Override
          public Secret read(SecretReference reference) {
            Map<String, String> fields = secretsManager.get(reference.location());
            if (fields == null || !fields.containsKey(reference.field())) {
              throw new SecretUnavailableException("no secret " + reference);
            }
            return new Secret(fields.get(reference.field()));
          }
        };
    return new SecretResolver(
        List.of(new EnvironmentSecrets(env), new FileSecrets(), awsSm),
        SecretResolver.DEFAULT_TTL,
        Clock.systemUTC());
  }
}
