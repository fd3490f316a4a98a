package dev.recon.normalization.job;

/**
 * Whether a raw file is arriving for the first time or again. Connectors deliver at least once, so
 * the same file can arrive twice; only its first delivery is normalized, else every event in it
 * would be booked twice.
 */
enum Delivery {
  FIRST,
  REPEAT;

  static Delivery of(boolean alreadyNormalized) {
    return alreadyNormalized ? REPEAT : FIRST;
  }
}
