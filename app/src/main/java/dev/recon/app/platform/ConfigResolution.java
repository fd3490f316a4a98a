package dev.recon.app.platform;

import dev.recon.reporting.access.TotpKeyring;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of resolving the platform configuration: a config, or every problem found (all at
 * once, so a user fixes them in one go).
 *
 * @param config the resolved config; null when there are errors
 * @param errors one line per problem, naming the flag, variable or file key; never a secret
 * @param warnings what production mode would refuse (embedded defaults, plaintext connections, weak
 *     or literal secrets), shown once at start in development mode; never a secret
 * @param cloudWatchTarget where {@code recon run} publishes its alarm metrics; null: nowhere (see
 *     {@link #cloudWatch()})
 * @param totpKeyring the configured keys that seal TOTP secrets; null: none configured (see {@link
 *     #totpKeys()})
 */
public record ConfigResolution(
    PlatformConfig config,
    List<String> errors,
    List<String> warnings,
    CloudWatchTarget cloudWatchTarget,
    TotpKeyring totpKeyring) {
  public ConfigResolution {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    if ((config == null) == errors.isEmpty()) {
      throw new IllegalArgumentException("A resolution has either a config or errors");
    }
    if (config == null && cloudWatchTarget != null) {
      throw new IllegalArgumentException("An invalid resolution has no CloudWatch target");
    }
    if (config == null && totpKeyring != null) {
      throw new IllegalArgumentException("An invalid resolution has no TOTP keys");
    }
  }

  /** A resolution without warnings, CloudWatch target or configured TOTP keys. */
  public ConfigResolution(PlatformConfig config, List<String> errors) {
    this(config, errors, List.of(), null, null);
  }

  static ConfigResolution valid(PlatformConfig config) {
    return new ConfigResolution(config, List.of());
  }

  static ConfigResolution invalid(List<String> errors) {
    return new ConfigResolution(null, errors);
  }

  public boolean isValid() {
    return config != null;
  }

  /** Where to publish the alarm metrics, when {@code cloudwatch.namespace} is configured. */
  public Optional<CloudWatchTarget> cloudWatch() {
    return Optional.ofNullable(cloudWatchTarget);
  }

  /** The keys {@code access.totpKey} (and {@code access.totpOldKeys}) configure, if set. */
  public Optional<TotpKeyring> totpKeys() {
    return Optional.ofNullable(totpKeyring);
  }

  /** This resolution with another config (e.g. a default data folder), the rest kept. */
  public ConfigResolution withConfig(PlatformConfig replacement) {
    if (config == null) {
      throw new IllegalStateException("An invalid resolution has no config to replace");
    }
    return new ConfigResolution(replacement, errors, warnings, cloudWatchTarget, totpKeyring);
  }

  /** The config, or an {@link IllegalArgumentException} listing every error. */
  public PlatformConfig orElseThrow() {
    if (config == null) {
      throw new IllegalArgumentException(
          "Invalid platform configuration:\n  " + String.join("\n  ", errors));
    }
    return config;
  }
}
