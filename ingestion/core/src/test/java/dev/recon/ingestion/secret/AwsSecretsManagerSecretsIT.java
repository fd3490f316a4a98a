package dev.recon.ingestion.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Against a loopback stub of Secrets Manager's GetSecretValue (no emulator exists here): the real
 * SDK client, its JSON protocol and request signing run end to end.
 */
class AwsSecretsManagerSecretsIT {

  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final Map<String, String> lastTarget = new ConcurrentHashMap<>();
  private HttpServer server;
  private AwsSecretsManagerSecrets source;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ObjectMapper json = new ObjectMapper();
    server.createContext(
        "/",
        exchange -> {
          lastTarget.put("target", exchange.getRequestHeaders().getFirst("X-Amz-Target"));
          lastTarget.put(
              "auth", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          String id = json.readTree(exchange.getRequestBody()).get("SecretId").asText();
          String value = secrets.get(id);
          byte[] body;
          int status;
          if (value == null) {
            status = 400;
            body =
                ("{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't"
                        + " find the specified secret.\"}")
                    .getBytes(StandardCharsets.UTF_8);
          } else {
            status = 200;
            body =
                json.writeValueAsBytes(
                    Map.of("ARN", "arn:aws:x:" + id, "Name", id, "SecretString", value));
          }
          exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    source =
        AwsSecretsManagerSecrets.create(
            "eu-west-1",
            URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDTEST", "test-secret")));
  }

  @AfterEach
  void stop() {
    source.close();
    server.stop(0);
  }

  @Test
  void readsAWholeSecretAndOneFieldOfAJsonSecret() {
    secrets.put("prod/stripe-webhook", "whsec_abc");
    secrets.put("prod/sftp", "{\"password\":\"p4ss\",\"user\":\"acme\"}");

    assertThat(source.read(SecretReference.parse("aws-sm:prod/stripe-webhook")).reveal())
        .isEqualTo("whsec_abc");
    assertThat(source.read(SecretReference.parse("aws-sm:prod/sftp#password")).reveal())
        .isEqualTo("p4ss");
    assertThat(lastTarget.get("target")).isEqualTo("secretsmanager.GetSecretValue");
    assertThat(lastTarget.get("auth")).startsWith("AWS4-HMAC-SHA256");
  }

  @Test
  void aMissingSecretOrFieldIsUnavailableWithoutShowingTheValue() {
    secrets.put("prod/sftp", "{\"password\":\"p4ss\"}");
    assertThatThrownBy(() -> source.read(SecretReference.parse("aws-sm:nope")))
        .isInstanceOf(SecretUnavailableException.class)
        .hasMessageContaining("aws-sm:nope");
    assertThatThrownBy(() -> source.read(SecretReference.parse("aws-sm:prod/sftp#user")))
        .isInstanceOf(SecretUnavailableException.class)
        .message()
        .doesNotContain("p4ss");
  }

  @Test
  void rotationInSecretsManagerIsSeenAfterTheResolverCacheExpires() {
    secrets.put("k", "v1");
    SecretResolverTest.HandClock clock = new SecretResolverTest.HandClock();
    SecretResolver resolver =
        new SecretResolver(java.util.List.of(source), java.time.Duration.ofSeconds(60), clock);
    assertThat(resolver.resolve("aws-sm:k").reveal()).isEqualTo("v1");
    secrets.put("k", "v2");
    assertThat(resolver.resolve("aws-sm:k").reveal()).isEqualTo("v1");
    clock.now = clock.now.plusSeconds(61);
    assertThat(resolver.resolve("aws-sm:k").reveal()).isEqualTo("v2");
  }
}
