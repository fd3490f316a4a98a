package dev.recon.app.platform;

import java.util.List;
import java.util.Objects;

/**
 * What a job on a Flink cluster connects to: Kafka with its security settings, and for a job that
 * posts to the ledger the database URL and the application login (never the owner, whose tables
 * row-level security does not cover).
 *
 * @param mode how strictly it was checked
 * @param kafka the cluster and its security settings
 * @param dbUrl the ledger database; null for a job without the ledger
 * @param appDbUser the application login; null for a job without the ledger
 * @param appDbPassword its password, already resolved; null for a job without the ledger
 */
public record JobConfig(
    PlatformMode mode,
    KafkaConnection kafka,
    String dbUrl,
    String appDbUser,
    String appDbPassword) {
  public JobConfig {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(kafka, "kafka");
    if ((dbUrl == null) != (appDbUser == null) || (dbUrl == null) != (appDbPassword == null)) {
      throw new IllegalArgumentException("a ledger needs its URL, login and password together");
    }
  }

  /** Whether the job has a ledger database. */
  public boolean hasLedger() {
    return dbUrl != null;
  }

  @Override
  public String toString() {
    return "JobConfig{mode="
        + mode.label()
        + ", kafka="
        + kafka
        + (dbUrl == null
            ? ""
            : ", db="
                + Secrets.maskJdbcUrl(dbUrl)
                + ", user="
                + appDbUser
                + ", password="
                + Secrets.mask(appDbPassword))
        + "}";
  }

  /**
   * A job's configuration, or every problem with it at once.
   *
   * @param config null when there are errors
   * @param errors one line per problem, naming where the value came from; never a secret
   * @param warnings what production mode would refuse, for a job in development mode
   */
  public record Resolution(JobConfig config, List<String> errors, List<String> warnings) {
    public Resolution {
      errors = List.copyOf(errors);
      warnings = List.copyOf(warnings);
      if ((config == null) == errors.isEmpty()) {
        throw new IllegalArgumentException("A resolution has either a config or errors");
      }
    }

    /** The config, or an {@link IllegalArgumentException} listing every error. */
    public JobConfig orElseThrow() {
      if (config == null) {
        throw new IllegalArgumentException(
            "Invalid job configuration:\n  " + String.join("\n  ", errors));
      }
      return config;
    }
  }
}
