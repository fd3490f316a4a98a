package dev.recon.ingestion.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * {@code aws-sm:secret-id} or {@code aws-sm:secret-id#field}: a secret in AWS Secrets Manager,
 * either its whole string or one field of its JSON (the console's key/value secrets). Reading the
 * current version on each cache expiry is what makes rotation by Secrets Manager take effect.
 */
public final class AwsSecretsManagerSecrets implements SecretSource, AutoCloseable {

  /** Secrets Manager caps a secret at 64 KiB; so do we, for a stub or proxy that does not. */
  public static final int MAX_SECRET_CHARS = 65_536;

  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretsManagerClient client;

  public AwsSecretsManagerSecrets(SecretsManagerClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * A client for {@code region} using the default credential chain (instance role, environment,
   * profile) or the given provider; {@code endpoint} overrides AWS's (VPC endpoints, tests).
   */
  public static AwsSecretsManagerSecrets create(
      String region, URI endpoint, AwsCredentialsProvider credentials) {
    var builder =
        SecretsManagerClient.builder()
            .region(Region.of(region))
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(CALL_TIMEOUT)
                    .socketTimeout(CALL_TIMEOUT))
            .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT.multipliedBy(3)));
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    if (credentials != null) {
      builder.credentialsProvider(credentials);
    }
    return new AwsSecretsManagerSecrets(builder.build());
  }

  @Override
  public SecretReference.Scheme scheme() {
    return SecretReference.Scheme.AWS_SECRETS_MANAGER;
  }

  @Override
  public Secret read(SecretReference reference) {
    GetSecretValueResponse response;
    try {
      response =
          client.getSecretValue(
              GetSecretValueRequest.builder().secretId(reference.location()).build());
    } catch (SdkException e) {
      // the SDK's message names the secret id and the AWS error code, never the value
      throw new SecretUnavailableException(
          "cannot read " + reference + " from AWS Secrets Manager: " + e.getMessage(), e);
    }
    String value = response.secretString();
    if (value == null || value.isEmpty()) {
      throw new SecretUnavailableException(reference + " has no string value");
    }
    if (value.length() > MAX_SECRET_CHARS) {
      throw new SecretUnavailableException(reference + " is over " + MAX_SECRET_CHARS + " chars");
    }
    if (reference.field() == null) {
      return new Secret(value);
    }
    JsonNode field;
    try {
      field = JSON.readTree(value).get(reference.field());
    } catch (IOException e) {
      throw new SecretUnavailableException(reference + " is not a JSON object of fields");
    }
    if (field == null || !field.isTextual() || field.asText().isEmpty()) {
      throw new SecretUnavailableException(reference + " has no text field " + reference.field());
    }
    return new Secret(field.asText());
  }

  @Override
  public void close() {
    client.close();
  }
}
