package dev.recon.ingestion.sftp;

/** Whether the platform runs for real or on a developer's machine; some shortcuts are dev-only. */
public enum RuntimeMode {
  PRODUCTION,
  DEVELOPMENT
}
