package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlatformConfigTest {
  @Test
  void embeddedDefaultsDescribeThemselves() {
    assertThat(PlatformConfig.embedded().toString())
        .contains("kafka=embedded", "db=embedded", "flink=local", "dataDir=temporary");
  }

  @Test
  void withersChangeOnlyTheirPiece() {
    PlatformConfig config =
        PlatformConfig.embedded()
            .withKafka("k:9092")
            .withDatabase("jdbc:postgresql://db/r", "owner", "pw", "app", "apw")
            .withDataDir(Path.of("/data"))
            .withFlink(4, Duration.ofSeconds(9), 0);

    assertThat(config.kafkaBootstrap()).isEqualTo("k:9092");
    assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://db/r");
    assertThat(config.appDbUser()).isEqualTo("app");
    assertThat(config.dataDir()).isEqualTo(Path.of("/data"));
    assertThat(config.parallelism()).isEqualTo(4);
    assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(9));
    assertThat(config.restartAttempts()).isZero();
    assertThat(config.localFlink()).isTrue();
  }

  @Test
  void invariantsHoldWhateverBuildsIt() {
    PlatformConfig ok = PlatformConfig.embedded();
    assertThatThrownBy(() -> ok.withFlink(0, Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ok.withFlink(1, Duration.ofMillis(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ok.withDatabase("jdbc:postgresql://db/r", null, null, "app", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ok.withDatabase(null, "owner", null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
