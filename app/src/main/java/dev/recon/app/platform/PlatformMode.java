package dev.recon.app.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * How strict the configuration check is. In {@link #PRODUCTION} an embedded default, a plaintext
 * connection or a weak or literally written secret stops the start; in {@link #DEVELOPMENT} the
 * same findings are warnings.
 */
public enum PlatformMode {
  DEVELOPMENT,
  PRODUCTION;

  static Optional<PlatformMode> parse(String text) {
    for (PlatformMode m : values()) {
      if (m.name().equalsIgnoreCase(text.strip())) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** As written in flags, variables and the file: {@code development}, {@code production}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
