package dev.recon.ingestion.secret;

import java.util.Map;
import java.util.Objects;

/** {@code env:NAME}: a process environment variable (the map is injected so tests need no env). */
public final class EnvironmentSecrets implements SecretSource {
  private final Map<String, String> environment;

  public EnvironmentSecrets(Map<String, String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  public static EnvironmentSecrets ofProcess() {
    return new EnvironmentSecrets(System.getenv());
  }

  @Override
  public SecretReference.Scheme scheme() {
    return SecretReference.Scheme.ENV;
  }

  @Override
  public Secret read(SecretReference reference) {
    String value = environment.get(reference.location());
    if (value == null || value.isEmpty()) {
      throw new SecretUnavailableException(
          "environment variable " + reference.location() + " is not set");
    }
    return new Secret(value);
  }
}
