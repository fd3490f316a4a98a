package dev.recon.app.platform;

import static dev.recon.app.platform.PlatformSetting.APP_DB_PASSWORD;
import static dev.recon.app.platform.PlatformSetting.APP_DB_USER;
import static dev.recon.app.platform.PlatformSetting.CHECKPOINT_INTERVAL;
import static dev.recon.app.platform.PlatformSetting.DATA_DIR;
import static dev.recon.app.platform.PlatformSetting.DB_PASSWORD;
import static dev.recon.app.platform.PlatformSetting.DB_URL;
import static dev.recon.app.platform.PlatformSetting.DB_USER;
import static dev.recon.app.platform.PlatformSetting.FLINK;
import static dev.recon.app.platform.PlatformSetting.KAFKA;
import static dev.recon.app.platform.PlatformSetting.KAFKA_PARTITIONS;
import static dev.recon.app.platform.PlatformSetting.KAFKA_REPLICATION_FACTOR;
import static dev.recon.app.platform.PlatformSetting.PARALLELISM;
import static dev.recon.app.platform.PlatformSetting.RESTART_ATTEMPTS;

import dev.recon.app.platform.PlatformSettings.SourcedValue;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides where each piece of the platform is. For every setting the first source that has a value
 * wins: command-line flags, then environment variables, then the YAML config file, then the
 * embedded default. Every invalid value is reported, not only the first.
 */
public final class PlatformConfigResolver {
  /** Environment variable naming the config file when no {@code --config} flag is given. */
  public static final String CONFIG_FILE_VARIABLE = "RECON_CONFIG";

  /** The {@code --flink} value that asks for the local MiniCluster explicitly. */
  public static final String LOCAL_FLINK = "local";

  static final int MAX_VALUE_LENGTH = 4096;
  static final int MAX_BOOTSTRAP_SERVERS = 64;
  private static final int MAX_QUOTED_LENGTH = 80;
  private static final String JDBC_POSTGRES_PREFIX = "jdbc:postgresql://";
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

  private PlatformConfigResolver() {}

  /**
   * Resolves flags, then {@code environment}, then the config file ({@code configFile}, or the file
   * named by {@value #CONFIG_FILE_VARIABLE}; none if neither).
   */
  public static ConfigResolution resolve(
      PlatformSettings flags, Map<String, String> environment, Optional<Path> configFile) {
    Optional<Path> file = configFile;
    List<String> errors = new ArrayList<>();
    String fromEnvironment = environment.get(CONFIG_FILE_VARIABLE);
    if (file.isEmpty() && PlatformSettings.isSet(fromEnvironment)) {
      try {
        file = Optional.of(Path.of(fromEnvironment.strip()));
      } catch (InvalidPathException e) {
        errors.add(CONFIG_FILE_VARIABLE + ": not a valid path");
      }
    }
    PlatformSettings fromFile = PlatformSettings.none();
    if (file.isPresent()) {
      PlatformConfigFile.Contents contents = PlatformConfigFile.read(file.get());
      errors.addAll(contents.errors());
      fromFile = contents.settings();
    }
    PlatformSettings merged =
        flags.orElse(PlatformSettings.fromEnvironment(environment)).orElse(fromFile);
    ConfigResolution resolution = resolve(merged);
    if (errors.isEmpty()) {
      return resolution;
    }
    errors.addAll(resolution.errors());
    return ConfigResolution.invalid(errors);
  }

  /** Validates already merged settings and fills in the defaults. Pure. */
  public static ConfigResolution resolve(PlatformSettings settings) {
    Reader in = new Reader(settings);

    String kafka = in.text(KAFKA).flatMap(v -> in.bootstrapServers(KAFKA, v)).orElse(null);
    int partitions =
        in.text(KAFKA_PARTITIONS)
            .flatMap(v -> in.integer(KAFKA_PARTITIONS, v, 1, PlatformConfig.MAX_TOPIC_PARTITIONS))
            .orElse(PlatformConfig.DEFAULT_TOPIC_PARTITIONS);
    Short replicationFactor =
        in.text(KAFKA_REPLICATION_FACTOR)
            .flatMap(
                v ->
                    in.integer(
                        KAFKA_REPLICATION_FACTOR, v, 1, PlatformConfig.MAX_REPLICATION_FACTOR))
            .map(Integer::shortValue)
            .orElse(null);
    if (!settings.has(KAFKA) && replicationFactor != null && replicationFactor != 1) {
      in.error(
          KAFKA_REPLICATION_FACTOR,
          "the embedded Kafka broker has one node, so the replication factor can only be 1 (or set "
              + KAFKA.environmentVariable()
              + ")");
    }

    String dbUrl = in.text(DB_URL).flatMap(v -> in.jdbcUrl(DB_URL, v)).orElse(null);
    String dbUser = in.text(DB_USER).orElse(null);
    String dbPassword = in.secret(DB_PASSWORD).orElse(null);
    String appDbUser = in.text(APP_DB_USER).orElse(null);
    String appDbPassword = in.secret(APP_DB_PASSWORD).orElse(null);
    if (settings.has(DB_URL)) {
      in.requireWith(DB_USER, DB_URL);
      in.requireWith(APP_DB_USER, DB_URL);
      if (dbUser != null && dbUser.equals(appDbUser)) {
        in.error(
            APP_DB_USER,
            "must differ from the owner login "
                + in.origin(DB_USER)
                + ": row-level security does not apply to a table's owner");
      }
    } else {
      for (PlatformSetting login : List.of(DB_USER, DB_PASSWORD, APP_DB_USER, APP_DB_PASSWORD)) {
        if (settings.has(login)) {
          in.error(
              login,
              "is set but the database is the embedded one (its logins are generated); set "
                  + DB_URL.environmentVariable()
                  + " too, or remove it");
        }
      }
    }

    HostAndPort flink =
        in.text(FLINK)
            .filter(v -> !v.equalsIgnoreCase(LOCAL_FLINK))
            .flatMap(v -> in.hostAndPort(FLINK, v, "\"local\" or a JobManager REST host:port"))
            .orElse(null);
    int parallelism =
        in.text(PARALLELISM)
            .flatMap(v -> in.integer(PARALLELISM, v, 1, PlatformConfig.MAX_PARALLELISM))
            .orElse(PlatformConfig.DEFAULT_PARALLELISM);
    Duration checkpointInterval =
        in.text(CHECKPOINT_INTERVAL)
            .flatMap(v -> in.duration(CHECKPOINT_INTERVAL, v))
            .orElse(PlatformConfig.DEFAULT_CHECKPOINT_INTERVAL);
    int restartAttempts =
        in.text(RESTART_ATTEMPTS)
            .flatMap(v -> in.integer(RESTART_ATTEMPTS, v, 0, PlatformConfig.MAX_RESTART_ATTEMPTS))
            .orElse(PlatformConfig.DEFAULT_RESTART_ATTEMPTS);
    Path dataDir = in.text(DATA_DIR).flatMap(v -> in.path(DATA_DIR, v)).orElse(null);

    if (!in.errors.isEmpty()) {
      return ConfigResolution.invalid(in.errors);
    }
    return ConfigResolution.valid(
        new PlatformConfig(
            kafka,
            partitions,
            replicationFactor,
            dbUrl,
            dbUser,
            dbPassword,
            appDbUser,
            appDbPassword,
            flink,
            dataDir,
            parallelism,
            checkpointInterval,
            restartAttempts));
  }

  /** Reads values and collects errors; a bad value reads as absent so checking carries on. */
  private static final class Reader {
    private final PlatformSettings settings;
    private final List<String> errors = new ArrayList<>();

    Reader(PlatformSettings settings) {
      this.settings = settings;
    }

    String origin(PlatformSetting setting) {
      return settings.get(setting).map(SourcedValue::origin).orElse(setting.environmentVariable());
    }

    void error(PlatformSetting setting, String problem) {
      errors.add(origin(setting) + ": " + problem);
    }

    /** The value, or empty (with an error if it is over the length limit). */
    Optional<String> text(PlatformSetting setting) {
      Optional<String> value = settings.get(setting).map(SourcedValue::value);
      if (value.isPresent() && value.get().length() > MAX_VALUE_LENGTH) {
        error(setting, "longer than " + MAX_VALUE_LENGTH + " characters");
        return Optional.empty();
      }
      return value;
    }

    Optional<String> secret(PlatformSetting setting) {
      return text(setting);
    }

    void requireWith(PlatformSetting required, PlatformSetting because) {
      if (!settings.has(required)) {
        errors.add(
            required.environmentVariable()
                + " (or "
                + required.flag()
                + ", "
                + required.filePath()
                + "): required when "
                + origin(because)
                + " is set");
      }
    }

    Optional<Integer> integer(PlatformSetting setting, String value, int min, int max) {
      if (!value.matches("\\d{1,9}")) {
        error(setting, quote(setting, value) + " is not a whole number");
        return Optional.empty();
      }
      int number = Integer.parseInt(value);
      if (number < min || number > max) {
        error(setting, number + " is outside " + min + ".." + max);
        return Optional.empty();
      }
      return Optional.of(number);
    }

    Optional<String> bootstrapServers(PlatformSetting setting, String value) {
      String[] servers = value.split(",", -1);
      if (servers.length > MAX_BOOTSTRAP_SERVERS) {
        error(setting, "more than " + MAX_BOOTSTRAP_SERVERS + " bootstrap servers");
        return Optional.empty();
      }
      List<String> valid = new ArrayList<>();
      for (String server : servers) {
        Optional<HostAndPort> parsed =
            hostAndPort(setting, server.strip(), "a comma-separated list of host:port");
        if (parsed.isEmpty()) {
          return Optional.empty();
        }
        valid.add(parsed.get().toString());
      }
      return Optional.of(String.join(",", valid));
    }

    Optional<HostAndPort> hostAndPort(PlatformSetting setting, String value, String expected) {
      Optional<HostAndPort> parsed = HostAndPort.parse(value);
      if (parsed.isEmpty()) {
        error(setting, quote(setting, value) + " is not " + expected);
      }
      return parsed;
    }

    Optional<String> jdbcUrl(PlatformSetting setting, String value) {
      if (!value.startsWith(JDBC_POSTGRES_PREFIX)
          || value.length() == JDBC_POSTGRES_PREFIX.length()) {
        error(
            setting,
            quote(setting, value)
                + " is not a PostgreSQL JDBC URL ("
                + JDBC_POSTGRES_PREFIX
                + "...)");
        return Optional.empty();
      }
      return Optional.of(value);
    }

    /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, ISO-8601 {@code PT10S}; bare: ms. */
    Optional<Duration> duration(PlatformSetting setting, String value) {
      Duration parsed = null;
      Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
      if (m.matches()) {
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        parsed =
            switch (unit) {
              case "ms" -> Duration.ofMillis(amount);
              case "s" -> Duration.ofSeconds(amount);
              case "m" -> Duration.ofMinutes(amount);
              default -> Duration.ofHours(amount);
            };
      } else if (value.toUpperCase(Locale.ROOT).startsWith("PT")) {
        try {
          parsed = Duration.parse(value);
        } catch (DateTimeParseException e) {
          parsed = null;
        }
      }
      if (parsed == null) {
        error(
            setting,
            quote(setting, value) + " is not a duration (e.g. 500ms, 10s, 2m, 1h or PT10S)");
        return Optional.empty();
      }
      if (parsed.compareTo(PlatformConfig.MIN_CHECKPOINT_INTERVAL) < 0
          || parsed.compareTo(PlatformConfig.MAX_CHECKPOINT_INTERVAL) > 0) {
        error(
            setting,
            value
                + " is outside "
                + PlatformConfig.MIN_CHECKPOINT_INTERVAL.toMillis()
                + "ms.."
                + PlatformConfig.MAX_CHECKPOINT_INTERVAL.toHours()
                + "h");
        return Optional.empty();
      }
      return Optional.of(parsed);
    }

    Optional<Path> path(PlatformSetting setting, String value) {
      try {
        return Optional.of(Path.of(value));
      } catch (InvalidPathException e) {
        error(setting, quote(setting, value) + " is not a valid path");
        return Optional.empty();
      }
    }

    /** A bad value as shown in an error: secrets masked, long or odd text cut. */
    private static String quote(PlatformSetting setting, String value) {
      if (setting.secret()) {
        return Secrets.MASK;
      }
      String shown = Secrets.maskJdbcUrl(value).replaceAll("\\p{Cntrl}", "?");
      if (shown.length() > MAX_QUOTED_LENGTH) {
        shown = shown.substring(0, MAX_QUOTED_LENGTH) + "...";
      }
      return "'" + shown + "'";
    }
  }
}
