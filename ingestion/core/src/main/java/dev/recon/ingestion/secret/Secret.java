package dev.recon.ingestion.secret;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A resolved secret value. Its {@link #toString} never shows the value, so it cannot be logged. */
public final class Secret {
  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public String reveal() {
    return value;
  }

  public byte[] utf8() {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && java.security.MessageDigest.isEqual(utf8(), other.utf8());
  }

  @Override
  public int hashCode() {
    return 0; // no hash derived from the value
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
