package dev.recon.app.cli;

/** Exit codes users script against (DESIGN.md: non-zero only when a command could not run). */
final class ExitCodes {
  /** Ran; breaks and bad rows may still be in the output. */
  static final int OK = 0;

  /** Could not run: no usable input, or the platform (Kafka, PostgreSQL, Flink) failed. */
  static final int COULD_NOT_RUN = 1;

  /** Wrong usage (picocli's own code for bad options). */
  static final int USAGE = 2;

  private ExitCodes() {}
}
