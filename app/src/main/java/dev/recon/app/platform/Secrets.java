package dev.recon.app.platform;

import java.util.regex.Pattern;

/** Keeps passwords out of toString(), logs and error messages. */
final class Secrets {
  static final String MASK = "****";

  /** A JDBC URL may carry {@code password=...} as a parameter. */
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)((?:^|[?&;])password=)[^&;]*");

  private Secrets() {}

  /** The mask for a present secret, "none" for an absent one. */
  static String mask(String secret) {
    return secret == null ? "none" : MASK;
  }

  /** The URL with the value of any password parameter replaced by the mask; null stays null. */
  static String maskJdbcUrl(String url) {
    return url == null ? null : URL_PASSWORD.matcher(url).replaceAll("$1" + MASK);
  }
}
