package dev.recon.reporting.access;

/** A key just created: {@code key} ({@code rk_<id>_<secret>}) is shown once and never stored. */
public record NewApiKey(String key, ApiKey info) {

  @Override
  public String toString() {
    return "NewApiKey[" + info.keyId() + "]";
  }
}
