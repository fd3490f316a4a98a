package dev.recon.ingestion.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {

  @TempDir Path dir;

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void parsesTheThreeSchemesAndRefusesALiteral() {
    assertThat(SecretReference.parse("env:STRIPE_KEY"))
        .isEqualTo(new SecretReference(SecretReference.Scheme.ENV, "STRIPE_KEY", null));
    assertThat(SecretReference.parse("file:/run/secrets/x").location()).isEqualTo("/run/secrets/x");
    assertThat(SecretReference.parse("aws-sm:prod/recon#stripe"))
        .isEqualTo(
            new SecretReference(
                SecretReference.Scheme.AWS_SECRETS_MANAGER, "prod/recon", "stripe"));
    assertThatThrownBy(() -> SecretReference.parse("whsec_live_abc123"))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("whsec_live_abc123");
  }

  @Test
  void aRotatedSecretIsPickedUpAfterTheCacheExpires() {
    Map<String, String> env = new HashMap<>(Map.of("KEY", "old"));
    HandClock clock = new HandClock();
    SecretResolver resolver =
        new SecretResolver(List.of(new EnvironmentSecrets(env)), Duration.ofSeconds(60), clock);

    assertThat(resolver.resolve("env:KEY").reveal()).isEqualTo("old");
    env.put("KEY", "new");
    clock.now = clock.now.plusSeconds(59);
    assertThat(resolver.resolve("env:KEY").reveal()).isEqualTo("old");
    clock.now = clock.now.plusSeconds(2);
    assertThat(resolver.resolve("env:KEY").reveal()).isEqualTo("new");
  }

  @Test
  void fileSecretsDropOneTrailingLineBreakAndHaveASizeLimit() throws Exception {
    Path ok = Files.writeString(dir.resolve("ok"), "s3cret\n");
    Path big = dir.resolve("big");
    Files.write(big, new byte[(int) FileSecrets.MAX_SECRET_FILE_BYTES + 1]);
    SecretResolver resolver =
        new SecretResolver(List.of(new FileSecrets()), Duration.ZERO, Clock.systemUTC());
    assertThat(resolver.resolve("file:" + ok).reveal()).isEqualTo("s3cret");
    assertThatThrownBy(() -> resolver.resolve("file:" + big))
        .isInstanceOf(SecretUnavailableException.class)
        .hasMessageContaining("over");
  }

  @Test
  void anUnsetVariableOrUnconfiguredSchemeIsUnavailableAndTheValueNeverPrints() {
    SecretResolver resolver =
        new SecretResolver(
            List.of(new EnvironmentSecrets(Map.of())), Duration.ZERO, Clock.systemUTC());
    assertThatThrownBy(() -> resolver.resolve("env:NOPE"))
        .isInstanceOf(SecretUnavailableException.class);
    assertThatThrownBy(() -> resolver.resolve("aws-sm:x"))
        .isInstanceOf(SecretUnavailableException.class);
    assertThat(new Secret("hunter2").toString()).doesNotContain("hunter2");
  }
}
