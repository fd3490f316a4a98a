package dev.recon.ingestion.webhook.signature;

import java.time.Duration;
import java.time.Instant;

/** The replay window shared by the timestamped schemes. */
final class Timestamps {

  private Timestamps() {}

  /** Valid when the signed time is no further than {@code tolerance} from now, either way. */
  static SignatureVerdict within(long signedEpochSecond, Instant now, Duration tolerance) {
    long skew = Math.abs(now.getEpochSecond() - signedEpochSecond);
    if (skew > tolerance.toSeconds()) {
      return SignatureVerdict.refused(
          SignatureVerdict.Kind.STALE_TIMESTAMP,
          "signed "
              + skew
              + " s away from the receiver's clock, over the tolerance of "
              + tolerance.toSeconds()
              + " s");
    }
    return SignatureVerdict.VALID;
  }
}
