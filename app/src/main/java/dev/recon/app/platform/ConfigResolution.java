package dev.recon.app.platform;

import java.util.List;

/**
 * The outcome of resolving the platform configuration: a config, or every problem found (all at
 * once, so a user fixes them in one go).
 *
 * @param config the resolved config; null when there are errors
 * @param errors one line per problem, naming the flag, variable or file key; never a secret
 */
public record ConfigResolution(PlatformConfig config, List<String> errors) {
  public ConfigResolution {
    errors = List.copyOf(errors);
    if ((config == null) == errors.isEmpty()) {
      throw new IllegalArgumentException("A resolution has either a config or errors");
    }
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

  /** The config, or an {@link IllegalArgumentException} listing every error. */
  public PlatformConfig orElseThrow() {
    if (config == null) {
      throw new IllegalArgumentException(
          "Invalid platform configuration:\n  " + String.join("\n  ", errors));
    }
    return config;
  }
}
