package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformConfigFileTest {
  @TempDir Path dir;

  @Test
  void readsEverySettingFromItsSection() {
    String yaml =
        """
        kafka:
          bootstrap: k1:9092,k2:9092
          partitions: 6
          replicationFactor: 3
        db:
          url: jdbc:postgresql://db:5432/recon
          user: owner
          password: owner-pw
          appUser: app
          appPassword: app-pw
        flink:
          jobManager: jm:8081
          parallelism: 4
          checkpointInterval: 10s
          restartAttempts: 2
        dataDir: /data/recon
        """;

    PlatformConfigFile.Contents contents = PlatformConfigFile.parse(yaml, "recon.yaml");

    assertThat(contents.errors()).isEmpty();
    PlatformSettings s = contents.settings();
    assertThat(value(s, PlatformSetting.KAFKA)).isEqualTo("k1:9092,k2:9092");
    assertThat(value(s, PlatformSetting.KAFKA_PARTITIONS)).isEqualTo("6");
    assertThat(value(s, PlatformSetting.KAFKA_REPLICATION_FACTOR)).isEqualTo("3");
    assertThat(value(s, PlatformSetting.DB_URL)).isEqualTo("jdbc:postgresql://db:5432/recon");
    assertThat(value(s, PlatformSetting.DB_USER)).isEqualTo("owner");
    assertThat(value(s, PlatformSetting.DB_PASSWORD)).isEqualTo("owner-pw");
    assertThat(value(s, PlatformSetting.APP_DB_USER)).isEqualTo("app");
    assertThat(value(s, PlatformSetting.APP_DB_PASSWORD)).isEqualTo("app-pw");
    assertThat(value(s, PlatformSetting.FLINK)).isEqualTo("jm:8081");
    assertThat(value(s, PlatformSetting.PARALLELISM)).isEqualTo("4");
    assertThat(value(s, PlatformSetting.CHECKPOINT_INTERVAL)).isEqualTo("10s");
    assertThat(value(s, PlatformSetting.RESTART_ATTEMPTS)).isEqualTo("2");
    assertThat(value(s, PlatformSetting.DATA_DIR)).isEqualTo("/data/recon");
    assertThat(s.get(PlatformSetting.KAFKA).orElseThrow().origin())
        .isEqualTo("recon.yaml: kafka.bootstrap");
  }

  @Test
  void leavesOtherSectionsToOtherPartsOfRecon() {
    String yaml =
        """
        tenants: [acme, globex]
        connectors:
          sftp: {host: example.org}
        kafka:
          partitions: 3
        """;

    PlatformConfigFile.Contents contents = PlatformConfigFile.parse(yaml, "recon.yaml");

    assertThat(contents.errors()).isEmpty();
    assertThat(value(contents.settings(), PlatformSetting.KAFKA_PARTITIONS)).isEqualTo("3");
  }

  @Test
  void reportsUnknownKeysAndWrongShapesTogether() {
    String yaml =
        """
        kafka:
          bootstrp: k1:9092
        db: jdbc:postgresql://db/recon
        flink:
          parallelism: [1, 2]
        """;

    PlatformConfigFile.Contents contents = PlatformConfigFile.parse(yaml, "recon.yaml");

    assertThat(contents.errors())
        .containsExactlyInAnyOrder(
            "recon.yaml: kafka.bootstrp: unknown key (known: [bootstrap, keystore,"
                + " keystorePassword, partitions, replicationFactor, saslMechanism, saslPassword,"
                + " saslUsername, securityProtocol, truststore, truststorePassword])",
            "recon.yaml: db: expected a mapping",
            "recon.yaml: flink.parallelism: expected a single value");
  }

  @Test
  void anEmptyFileSetsNothing() {
    PlatformConfigFile.Contents contents = PlatformConfigFile.parse("", "recon.yaml");

    assertThat(contents.errors()).isEmpty();
    assertThat(contents.settings().has(PlatformSetting.KAFKA)).isFalse();
  }

  @Test
  void malformedYamlGivesTheLocationButNotTheText() {
    String yaml = "db:\n  password: \"unterminated s3cr3t\n";

    PlatformConfigFile.Contents contents = PlatformConfigFile.parse(yaml, "recon.yaml");

    assertThat(contents.errors())
        .singleElement()
        .asString()
        .startsWith("recon.yaml: not valid YAML");
    assertThat(contents.errors().get(0)).doesNotContain("s3cr3t");
  }

  @Test
  void duplicateKeysAreRefused() {
    PlatformConfigFile.Contents contents =
        PlatformConfigFile.parse("kafka:\n  partitions: 2\n  partitions: 3\n", "recon.yaml");

    assertThat(contents.errors())
        .singleElement()
        .asString()
        .startsWith("recon.yaml: not valid YAML");
  }

  @Test
  void aScalarTopLevelIsRefused() {
    assertThat(PlatformConfigFile.parse("just text", "recon.yaml").errors())
        .containsExactly("recon.yaml: expected a mapping of sections at the top level");
  }

  @Test
  void oversizedFilesAreNotRead() throws Exception {
    Path file = dir.resolve("big.yaml");
    Files.writeString(file, "# " + "x".repeat(PlatformConfigFile.MAX_FILE_BYTES) + "\n");

    assertThat(PlatformConfigFile.read(file).errors())
        .containsExactly(file + ": config file larger than 1048576 bytes");
  }

  @Test
  void readsAFile() throws Exception {
    Path file = dir.resolve("recon.yaml");
    Files.writeString(file, "dataDir: ./recon-data\n");

    PlatformConfigFile.Contents contents = PlatformConfigFile.read(file);

    assertThat(contents.errors()).isEmpty();
    assertThat(value(contents.settings(), PlatformSetting.DATA_DIR)).isEqualTo("./recon-data");
  }

  private static String value(PlatformSettings settings, PlatformSetting setting) {
    return settings.get(setting).orElseThrow().value();
  }
}
