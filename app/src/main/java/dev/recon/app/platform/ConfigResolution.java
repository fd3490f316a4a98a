package dev.recon.app.platform;

import java.util.List;

/**
 * The outcome of resolving the platform configuration: a config, or every problem found (all at
 * once, so a user fixes them in one go).
 *
 * @param config the resolved config; null when there are errors
 * @param errors one line per problem, naming the flag, variable or file key; never a secret
 * @param warnings what production mode would refuse (embedded defaults, plaintext connections, weak
 *     or literal secrets), shown once at start in development mode; never a secret
 */
public record ConfigResolution(PlatformConfig config, List<String> errors, List<String> warnings) {
  public ConfigResolution {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    if ((config == null) == errors.isEmpty()) {
      throw new IllegalArgumentException("A resolution has either a config or errors");
    }
  }

  /** A resolution without warnings. */
  public ConfigResolution(PlatformConfig config, List<String> errors) {
    this(config, errors, List.of());
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

  /** This resolution with another config (e.g. a default data folder), warnings kept. */
  public ConfigResolution withConfig(PlatformConfig replacement) {
    if (config == null) {
      throw new IllegalStateException("An invalid resolution has no config to replace");
    }
    return new ConfigResolution(replacement, errors, warnings);
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
