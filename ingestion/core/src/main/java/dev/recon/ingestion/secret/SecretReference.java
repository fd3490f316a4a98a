package dev.recon.ingestion.secret;

import java.util.Objects;

/**
 * Where a secret lives, as written in the configuration: {@code env:NAME}, {@code file:/path} or
 * {@code aws-sm:secret-id} (optionally {@code aws-sm:secret-id#json-field}). Configuration never
 * holds a secret value itself.
 */
public record SecretReference(Scheme scheme, String location, String field) {

  public static final int MAX_REFERENCE_CHARS = 2048;

  public enum Scheme {
    ENV("env"),
    FILE("file"),
    AWS_SECRETS_MANAGER("aws-sm");

    private final String prefix;

    Scheme(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  public SecretReference {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(location, "location");
    if (location.isBlank()) {
      throw new IllegalArgumentException("secret reference has an empty location");
    }
    if (field != null && scheme != Scheme.AWS_SECRETS_MANAGER) {
      throw new IllegalArgumentException("only aws-sm references may name a #field");
    }
  }

  /**
   * Parses a reference; the message of the exception never repeats the text, which may be a secret
   * pasted where a reference belongs.
   */
  public static SecretReference parse(String text) {
    if (text == null || text.length() > MAX_REFERENCE_CHARS) {
      throw new IllegalArgumentException("secret reference is missing or too long");
    }
    for (Scheme s : Scheme.values()) {
      String prefix = s.prefix + ":";
      if (text.startsWith(prefix)) {
        String rest = text.substring(prefix.length());
        if (s == Scheme.AWS_SECRETS_MANAGER) {
          int hash = rest.lastIndexOf('#');
          if (hash > 0) {
            return new SecretReference(s, rest.substring(0, hash), rest.substring(hash + 1));
          }
        }
        return new SecretReference(s, rest, null);
      }
    }
    throw new IllegalArgumentException(
        "secret reference must start with env:, file: or aws-sm: (a literal secret is not allowed)");
  }

  @Override
  public String toString() {
    return scheme.prefix + ":" + location + (field == null ? "" : "#" + field);
  }
}
