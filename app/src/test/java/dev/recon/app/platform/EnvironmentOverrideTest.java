package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every setting has a RECON_* variable, and the variable wins over the file. */
class EnvironmentOverrideTest {

  @Test
  void everySettingsVariableOverridesItsFileKey() {
    StringBuilder yaml = new StringBuilder();
    Map<String, String> env =
        Stream.of(PlatformSetting.values())
            .collect(Collectors.toMap(PlatformSetting::environmentVariable, s -> "from-env"));
    for (PlatformSetting setting : PlatformSetting.values()) {
      assertThat(setting.environmentVariable()).startsWith("RECON_");
      String path = setting.filePath();
      int dot = path.indexOf('.');
      yaml.append(
          dot < 0
              ? path + ": from-file\n"
              : path.substring(0, dot) + ":\n  " + path.substring(dot + 1) + ": from-file\n");
    }
    // a section may appear only once in YAML: merge the lines of each section
    PlatformConfigFile.Contents file = PlatformConfigFile.parse(grouped(yaml.toString()), "f.yaml");
    assertThat(file.errors()).isEmpty();

    PlatformSettings merged = PlatformSettings.fromEnvironment(env).orElse(file.settings());

    for (PlatformSetting setting : PlatformSetting.values()) {
      assertThat(file.settings().get(setting)).as(setting.name()).isPresent();
      assertThat(merged.get(setting).orElseThrow().origin())
          .as(setting.name())
          .isEqualTo(setting.environmentVariable());
      assertThat(merged.get(setting).orElseThrow().value()).isEqualTo("from-env");
    }
  }

  @Test
  void theResolverAppliesTheOverride() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("recon", ".yaml");
    try {
      java.nio.file.Files.writeString(
          file, "kafka:\n  bootstrap: file-host:9092\n  partitions: 3\nflink:\n  parallelism: 4\n");

      PlatformConfig config =
          PlatformConfigResolver.resolve(
                  PlatformSettings.none(),
                  Map.of("RECON_KAFKA", "env-host:9092", "RECON_PARALLELISM", "6"),
                  Optional.of(file))
              .orElseThrow();

      assertThat(config.kafkaBootstrap()).isEqualTo("env-host:9092");
      assertThat(config.parallelism()).isEqualTo(6);
      assertThat(config.topicPartitions()).isEqualTo(3);
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  private static String grouped(String yaml) {
    Map<String, StringBuilder> sections = new java.util.LinkedHashMap<>();
    StringBuilder top = new StringBuilder();
    String current = null;
    for (String line : yaml.split("\n")) {
      if (line.startsWith("  ")) {
        sections.get(current).append(line).append('\n');
      } else if (line.endsWith(":")) {
        current = line;
        sections.computeIfAbsent(current, k -> new StringBuilder());
      } else {
        top.append(line).append('\n');
      }
    }
    StringBuilder out = new StringBuilder(top);
    sections.forEach((k, v) -> out.append(k).append('\n').append(v));
    return out.toString();
  }
}
