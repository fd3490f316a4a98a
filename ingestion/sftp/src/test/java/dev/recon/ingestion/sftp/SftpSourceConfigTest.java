package dev.recon.ingestion.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SftpSourceConfigTest {

  static SftpSourceConfig valid() {
    return new SftpSourceConfig(
        "acme",
        "adyen-settlement",
        "sftp.example.com",
        22,
        "recon",
        new SftpAuthentication.Password("env:ADYEN_SFTP_PASSWORD"),
        HostKeyTrust.inline(
            "sftp.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"),
        "/outbound",
        List.of("*.csv"),
        "/outbound/archive",
        "/outbound/quarantine",
        "adyen",
        null,
        SftpLimits.defaults());
  }

  @Test
  void aSoundConfigHasNoProblemsInEitherMode() {
    assertThat(valid().problems(RuntimeMode.PRODUCTION)).isEmpty();
    assertThat(valid().problems(RuntimeMode.DEVELOPMENT)).isEmpty();
    assertThat(valid().connectorId()).isEqualTo("sftp:adyen-settlement");
  }

  @Test
  void everyProblemIsListedAtOnce() {
    SftpSourceConfig bad =
        new SftpSourceConfig(
            "",
            "Bad Source",
            "host name",
            0,
            "",
            null,
            null,
            "outbound/",
            List.of("*.csv", "sub/*.csv"),
            "/archive/",
            "/../q",
            "a b",
            "x/y",
            new SftpLimits(0, 0, Duration.ZERO, Duration.ofHours(1), Duration.ofSeconds(-1)));
    List<String> problems = bad.problems(RuntimeMode.PRODUCTION);
    assertThat(problems)
        .anyMatch(p -> p.startsWith("tenant_id:"))
        .anyMatch(p -> p.startsWith("source_id:"))
        .anyMatch(p -> p.startsWith("host:"))
        .anyMatch(p -> p.startsWith("port:"))
        .anyMatch(p -> p.startsWith("username:"))
        .anyMatch(p -> p.startsWith("auth:"))
        .anyMatch(p -> p.startsWith("known_hosts:"))
        .anyMatch(p -> p.startsWith("remote_root:"))
        .anyMatch(p -> p.startsWith("include_patterns[1]:"))
        .anyMatch(p -> p.startsWith("archive_folder:"))
        .anyMatch(p -> p.startsWith("quarantine_folder:"))
        .anyMatch(p -> p.startsWith("psp:"))
        .anyMatch(p -> p.startsWith("format_hint:"))
        .anyMatch(p -> p.startsWith("limits.max_file_bytes:"))
        .anyMatch(p -> p.startsWith("limits.max_files_per_poll:"))
        .anyMatch(p -> p.startsWith("limits.connect_timeout:"))
        .anyMatch(p -> p.startsWith("limits.read_timeout:"))
        .anyMatch(p -> p.startsWith("limits.quiet_period:"));
    assertThat(problems).hasSize(18);
    assertThatThrownBy(() -> bad.requireValid(RuntimeMode.PRODUCTION))
        .isInstanceOf(InvalidSftpConfigException.class)
        .hasMessageContaining("18 configuration problem(s)")
        .satisfies(
            e -> assertThat(((InvalidSftpConfigException) e).problems()).isEqualTo(problems));
  }

  @Test
  void aLiteralSecretWhereAReferenceBelongsIsRefusedWithoutRepeatingIt() {
    SftpSourceConfig c = withAuth(new SftpAuthentication.Password("hunter2-literal"));
    assertThat(c.problems(RuntimeMode.PRODUCTION))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p).startsWith("auth.password:");
              assertThat(p).doesNotContain("hunter2");
            });
    SftpSourceConfig key =
        withAuth(new SftpAuthentication.PrivateKey("file:/run/secrets/key", "my-passphrase"));
    assertThat(key.problems(RuntimeMode.PRODUCTION))
        .singleElement()
        .asString()
        .startsWith("auth.passphrase:")
        .doesNotContain("my-passphrase");
    assertThat(
            withAuth(new SftpAuthentication.PrivateKey("file:/run/secrets/key", null))
                .problems(RuntimeMode.PRODUCTION))
        .isEmpty();
  }

  @Test
  void trustOnFirstUseIsRefusedInProductionAndKnownHostsIsOtherwiseRequired() {
    SftpSourceConfig tofu = withHostKeys(HostKeyTrust.trustOnFirstUseForDevelopment());
    assertThat(tofu.problems(RuntimeMode.DEVELOPMENT)).isEmpty();
    assertThat(tofu.problems(RuntimeMode.PRODUCTION))
        .singleElement()
        .asString()
        .contains("refused in production");
    assertThat(withHostKeys(new HostKeyTrust(null, null, false)).problems(RuntimeMode.DEVELOPMENT))
        .singleElement()
        .asString()
        .contains("required");
    assertThat(
            withHostKeys(new HostKeyTrust("x ssh-ed25519 AAAA", "/etc/ssh/known_hosts", false))
                .problems(RuntimeMode.PRODUCTION))
        .singleElement()
        .asString()
        .contains("not both");
    assertThat(withHostKeys(HostKeyTrust.file("known_hosts")).problems(RuntimeMode.PRODUCTION))
        .singleElement()
        .asString()
        .startsWith("known_hosts_path:");
    assertThat(
            withHostKeys(
                    HostKeyTrust.inline("x".repeat(SftpSourceConfig.MAX_KNOWN_HOSTS_BYTES + 1)))
                .problems(RuntimeMode.PRODUCTION))
        .singleElement()
        .asString()
        .contains("at most");
  }

  @Test
  void archiveAndQuarantineMustNotBeTheRootOrItsParentsNorTheSame() {
    SftpSourceConfig c = valid();
    assertThat(withFolders("/outbound", "/outbound", "/q").problems(RuntimeMode.PRODUCTION))
        .singleElement()
        .asString()
        .startsWith("archive_folder:");
    assertThat(withFolders("/outbound", "/a", "/").problems(RuntimeMode.PRODUCTION))
        .singleElement()
        .asString()
        .startsWith("quarantine_folder:");
    assertThat(withFolders("/outbound", "/same", "/same").problems(RuntimeMode.PRODUCTION))
        .singleElement()
        .asString()
        .contains("must differ");
    assertThat(withFolders("/outbound", "/archive", "/quarantine").problems(RuntimeMode.PRODUCTION))
        .isEmpty();
    assertThat(c.problems(RuntimeMode.PRODUCTION)).isEmpty();
  }

  @Test
  void limitsHaveCeilings() {
    SftpLimits d = SftpLimits.defaults();
    assertThat(
            withLimits(d.withMaxFileBytes(SftpSourceConfig.MAX_FILE_BYTES_CEILING))
                .problems(RuntimeMode.PRODUCTION))
        .isEmpty();
    assertThat(
            withLimits(d.withMaxFileBytes(SftpSourceConfig.MAX_FILE_BYTES_CEILING + 1))
                .problems(RuntimeMode.PRODUCTION))
        .singleElement()
        .asString()
        .startsWith("limits.max_file_bytes:");
    assertThat(
            withLimits(d.withMaxFilesPerPoll(SftpSourceConfig.MAX_FILES_PER_POLL_CEILING + 1))
                .problems(RuntimeMode.PRODUCTION))
        .singleElement()
        .asString()
        .startsWith("limits.max_files_per_poll:");
    assertThat(
            withLimits(d.withQuietPeriod(SftpSourceConfig.MAX_QUIET_PERIOD.plusSeconds(1)))
                .problems(RuntimeMode.PRODUCTION))
        .singleElement()
        .asString()
        .startsWith("limits.quiet_period:");
    assertThat(
            withLimits(
                    new SftpLimits(
                        1,
                        1,
                        SftpSourceConfig.MAX_TIMEOUT.plusSeconds(1),
                        SftpSourceConfig.MIN_TIMEOUT,
                        Duration.ZERO))
                .problems(RuntimeMode.PRODUCTION))
        .singleElement()
        .asString()
        .startsWith("limits.connect_timeout:");
    List<String> tooManyGlobs =
        java.util.Collections.nCopies(IncludePatterns.MAX_PATTERNS + 1, "*.csv");
    SftpSourceConfig globs =
        new SftpSourceConfig(
            "acme",
            "s",
            "h",
            22,
            "u",
            valid().authentication(),
            valid().hostKeys(),
            "/in",
            tooManyGlobs,
            "/a",
            "/q",
            null,
            null,
            d);
    assertThat(globs.problems(RuntimeMode.PRODUCTION))
        .singleElement()
        .asString()
        .contains("at most " + IncludePatterns.MAX_PATTERNS);
  }

  private static SftpSourceConfig withAuth(SftpAuthentication auth) {
    SftpSourceConfig v = valid();
    return new SftpSourceConfig(
        v.tenantId(),
        v.sourceId(),
        v.host(),
        v.port(),
        v.username(),
        auth,
        v.hostKeys(),
        v.remoteRoot(),
        v.includePatterns(),
        v.archiveFolder(),
        v.quarantineFolder(),
        v.psp(),
        v.formatHint(),
        v.limits());
  }

  private static SftpSourceConfig withHostKeys(HostKeyTrust trust) {
    SftpSourceConfig v = valid();
    return new SftpSourceConfig(
        v.tenantId(),
        v.sourceId(),
        v.host(),
        v.port(),
        v.username(),
        v.authentication(),
        trust,
        v.remoteRoot(),
        v.includePatterns(),
        v.archiveFolder(),
        v.quarantineFolder(),
        v.psp(),
        v.formatHint(),
        v.limits());
  }

  private static SftpSourceConfig withFolders(String root, String archive, String quarantine) {
    SftpSourceConfig v = valid();
    return new SftpSourceConfig(
        v.tenantId(),
        v.sourceId(),
        v.host(),
        v.port(),
        v.username(),
        v.authentication(),
        v.hostKeys(),
        root,
        v.includePatterns(),
        archive,
        quarantine,
        v.psp(),
        v.formatHint(),
        v.limits());
  }

  private static SftpSourceConfig withLimits(SftpLimits limits) {
    SftpSourceConfig v = valid();
    return new SftpSourceConfig(
        v.tenantId(),
        v.sourceId(),
        v.host(),
        v.port(),
        v.username(),
        v.authentication(),
        v.hostKeys(),
        v.remoteRoot(),
        v.includePatterns(),
        v.archiveFolder(),
        v.quarantineFolder(),
        v.psp(),
        v.formatHint(),
        limits);
  }
}
