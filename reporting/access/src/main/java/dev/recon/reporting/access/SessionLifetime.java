package dev.recon.reporting.access;

import java.time.Duration;
import java.time.Instant;

/** How long a browser session lives. Pure. */
public final class SessionLifetime {

  /** Without a request for this long, a session ends. */
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);

  /** However active, a session ends this long after login. */
  public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);

  /** A session that has passed the password but not yet the TOTP step lives only this long. */
  public static final Duration MFA_STEP_TIMEOUT = Duration.ofMinutes(5);

  private SessionLifetime() {}

  public static boolean isLive(
      Instant createdAt, Instant lastSeenAt, boolean mfaPassed, Instant revokedAt, Instant now) {
    if (revokedAt != null && !now.isBefore(revokedAt)) {
      return false;
    }
    if (!mfaPassed) {
      return now.isBefore(createdAt.plus(MFA_STEP_TIMEOUT));
    }
    return now.isBefore(lastSeenAt.plus(IDLE_TIMEOUT))
        && now.isBefore(createdAt.plus(ABSOLUTE_TIMEOUT));
  }
}
