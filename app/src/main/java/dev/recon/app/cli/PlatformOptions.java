package dev.recon.app.cli;

import dev.recon.app.platform.ConfigResolution;
import dev.recon.app.platform.PlatformConfig;
import dev.recon.app.platform.PlatformConfigResolver;
import dev.recon.app.platform.PlatformSetting;
import dev.recon.app.platform.PlatformSettings;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the platform's pieces are. Anything not given here, in the environment or in the config
 * file runs embedded. Passwords are deliberately not options (they would show in the process list):
 * use RECON_DB_PASSWORD / RECON_APP_DB_PASSWORD or the config file.
 */
final class PlatformOptions {

  @Option(names = "--config", paramLabel = "FILE", description = "YAML platform config file")
  Path configFile;

  @Option(names = "--kafka", paramLabel = "HOST:PORT,...", description = "Kafka bootstrap servers")
  String kafka;

  @Option(
      names = "--db-url",
      paramLabel = "JDBC_URL",
      description = "PostgreSQL (jdbc:postgresql://...)")
  String dbUrl;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      description = "database owner login (migrations)")
  String dbUser;

  @Option(names = "--app-db-user", paramLabel = "USER", description = "application login (RLS)")
  String appDbUser;

  @Option(
      names = "--flink",
      paramLabel = "HOST:PORT",
      description = "Flink JobManager REST endpoint, or 'local'")
  String flink;

  @Option(names = "--parallelism", paramLabel = "N", description = "Flink parallelism")
  String parallelism;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "where embedded Kafka/PostgreSQL keep data")
  String dataDir;

  /** Resolves flags > environment > config file > embedded defaults, listing every error. */
  ConfigResolution resolve(Map<String, String> environment, Optional<Path> defaultDataDir) {
    Map<PlatformSetting, String> flags = new EnumMap<>(PlatformSetting.class);
    put(flags, PlatformSetting.KAFKA, kafka);
    put(flags, PlatformSetting.DB_URL, dbUrl);
    put(flags, PlatformSetting.DB_USER, dbUser);
    put(flags, PlatformSetting.APP_DB_USER, appDbUser);
    put(flags, PlatformSetting.FLINK, flink);
    put(flags, PlatformSetting.PARALLELISM, parallelism);
    put(flags, PlatformSetting.DATA_DIR, dataDir);
    ConfigResolution resolution =
        PlatformConfigResolver.resolve(
            PlatformSettings.fromFlags(flags), environment, Optional.ofNullable(configFile));
    if (!resolution.isValid() || defaultDataDir.isEmpty()) {
      return resolution;
    }
    PlatformConfig config = resolution.config();
    return config.dataDir() == null
        ? new ConfigResolution(config.withDataDir(defaultDataDir.get()), java.util.List.of())
        : resolution;
  }

  private static void put(Map<PlatformSetting, String> flags, PlatformSetting s, String value) {
    if (value != null) {
      flags.put(s, value);
    }
  }
}
