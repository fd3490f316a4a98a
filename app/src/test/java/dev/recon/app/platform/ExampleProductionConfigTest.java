package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ingestion.secret.Secret;
import dev.recon.ingestion.secret.SecretReference;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.secret.SecretSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The commented production block of examples/recon-run.yaml passes production mode. */
class ExampleProductionConfigTest {
  private static final Path EXAMPLE = Path.of("../examples/recon-run.yaml");

  /** Every reference answers with a strong, distinct value (no AWS or secret files here). */
  private static SecretSource stub(SecretReference.Scheme scheme) {
    return new SecretSource() {
      @Override
      public SecretReference.Scheme scheme() {
        return scheme;
      }

      @Override
      public Secret read(SecretReference reference) {
        if (reference.location().contains("totp")) {
          // a TOTP key is base64 of 32 bytes; one per reference
          byte[] key = new byte[32];
          java.util.Arrays.fill(key, (byte) reference.hashCode());
          key[0] = (byte) reference.toString().length();
          return new Secret(java.util.Base64.getEncoder().encodeToString(key));
        }
        return new Secret("stub-" + Integer.toHexString(reference.hashCode()) + "-0123456789");
      }
    };
  }

  @Test
  void theProductionBlockIsProductionReady() throws Exception {
    List<String> lines = Files.readAllLines(EXAMPLE);
    int start = indexOf(lines, "# --- production");
    int end = indexOf(lines, "# --- end production");
    String block =
        lines.subList(start + 1, end).stream()
            .filter(
                l ->
                    l.startsWith("# ")
                        && !l.startsWith("# Production")
                        && !l.startsWith("# a ")
                        && !l.startsWith("# shorter"))
            .map(l -> l.substring(2))
            .collect(Collectors.joining("\n"));
    PlatformConfigFile.Contents contents = PlatformConfigFile.parse(block, "example");
    assertThat(contents.errors()).isEmpty();
    SecretResolver secrets =
        new SecretResolver(
            List.of(
                stub(SecretReference.Scheme.AWS_SECRETS_MANAGER),
                stub(SecretReference.Scheme.FILE)),
            SecretResolver.DEFAULT_TTL,
            Clock.systemUTC());

    ConfigResolution r = PlatformConfigResolver.resolve(contents.settings(), secrets);

    // the truststore and keystore live on the production hosts only; nothing else may be wrong
    assertThat(r.errors())
        .containsExactly(
            "example: kafka.truststore: no such file: /etc/recon/kafka-ca.pem",
            "example: kafka.keystore: no such file: /etc/recon/kafka-client.p12");
  }

  private static int indexOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starting with " + prefix + " in " + EXAMPLE);
  }
}
